using System.Security.Claims;
using DocBpm.Documents.Records;
using DocBpm.Web.Accounts;
using DocBpm.Web.Incoming;
using DocBpm.Web.Outgoing;

namespace DocBpm.Web.Records;

/// <summary>A document offered for filing: what the keeper recognises it by.</summary>
public sealed record FilingCandidate(FiledKind Kind, Guid Id, string Label);

/// <summary>
/// Filing as the API and the pages do it: a person files only what they may read (the access module's rules for
/// incoming and outgoing documents), then the file's own rules apply.
/// </summary>
public sealed class Filing(RecordFiles records, IncomingQueries incoming, OutgoingPages outgoing, OutgoingSearch outgoingSearch)
{
    private const int CandidatesEach = 50;

    public async Task AddAsync(Guid fileId, FiledKind kind, Guid documentId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var reader = user.ToReader();
        if (kind == FiledKind.Incoming)
            _ = await incoming.FindAsync(documentId, reader, cancellationToken) ?? throw RecordsRefusedException.NotFound("văn bản đến", documentId);
        else
            await outgoing.BuildAsync(documentId, user, cancellationToken);
        await records.AddAsync(fileId, kind, documentId, reader, cancellationToken);
    }

    /// <summary>The newest incoming and outgoing documents the person may read, by the same rules as the two searches.</summary>
    public async Task<List<FilingCandidate>> CandidatesAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var reader = user.ToReader();
        var received = await incoming.SearchAsync(new IncomingSearch(null, null, null, null, null, null, null, 1, CandidatesEach), reader, cancellationToken);
        var sent = await outgoingSearch.FindAsync(reader, new OutgoingCriteria(null, null, null, null, null, null, null, null, null, 1, CandidatesEach),
            cancellationToken);
        return
        [
            .. received.Items.Select(d => new FilingCandidate(FiledKind.Incoming, d.Id, $"Đến: {d.CodeNumber}/{d.CodeNotation} — {d.Subject}")),
            .. sent.Items.Select(d => new FilingCandidate(FiledKind.Outgoing, d.Id, $"Đi: {d.NumberAndNotation ?? "(dự thảo)"} — {d.Subject}")),
        ];
    }
}
