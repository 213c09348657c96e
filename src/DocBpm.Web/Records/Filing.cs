using System.Security.Claims;
using DocBpm.Documents.Outgoing;
using DocBpm.Documents.Records;
using DocBpm.Web.Accounts;
using DocBpm.Web.Incoming;
using DocBpm.Web.Outgoing;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Records;

/// <summary>A document offered for filing: what the keeper recognises it by.</summary>
public sealed record FilingCandidate(FiledKind Kind, Guid Id, string Label);

/// <summary>
/// Filing as the API and the pages do it: a person files only what they may read (the access module's rules for
/// incoming and outgoing documents), then the file's own rules apply.
/// </summary>
public sealed class Filing(RecordFiles records, IncomingQueries incoming, OutgoingPages outgoing, DbContext db)
{
    public async Task AddAsync(Guid fileId, FiledKind kind, Guid documentId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var reader = user.ToReader();
        if (kind == FiledKind.Incoming)
            _ = await incoming.FindAsync(documentId, reader, cancellationToken) ?? throw RecordsRefusedException.NotFound("văn bản đến", documentId);
        else
            await outgoing.BuildAsync(documentId, user, cancellationToken);
        await records.AddAsync(fileId, kind, documentId, reader, cancellationToken);
    }

    /// <summary>The newest incoming documents the person may read and the outgoing ones of their own or their unit's drafting.</summary>
    public async Task<List<FilingCandidate>> CandidatesAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var reader = user.ToReader();
        var received = await incoming.SearchAsync(new IncomingSearch(null, null, null, null, null, null, null, 1, 50), reader, cancellationToken);
        var drafted = await db.Set<OutgoingDocument>().AsNoTracking()
            .Where(d => d.Drafter == reader.UserName || (reader.UnitCode != null && d.DraftingUnit == reader.UnitCode))
            .OrderByDescending(d => d.CreatedAt).Take(50).Select(d => new { d.Id, d.NumberAndNotation, d.Subject }).ToListAsync(cancellationToken);
        return
        [
            .. received.Items.Select(d => new FilingCandidate(FiledKind.Incoming, d.Id, $"Đến: {d.CodeNumber}/{d.CodeNotation} — {d.Subject}")),
            .. drafted.Select(d => new FilingCandidate(FiledKind.Outgoing, d.Id, $"Đi: {d.NumberAndNotation ?? "(dự thảo)"} — {d.Subject}")),
        ];
    }
}
