using System.Security.Claims;
using DocBpm.Documents.Access;
using DocBpm.Documents.Exchange;
using DocBpm.Documents.Files;
using DocBpm.Documents.Incoming;
using DocBpm.Documents.Organisation;
using DocBpm.Documents.Outgoing;
using DocBpm.Documents.Signatures;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Web.Accounts;
using DocBpm.Web.Signatures;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Outgoing;

/// <summary>
/// The document page: metadata, versions, history, links and each recipient's status, for whom
/// <see cref="OutgoingVisibility"/> lets read it.
/// </summary>
public sealed class OutgoingPages(DbContext db, EngineDb engine, OutgoingFailures failures, DispatchStates dispatchStates)
{
    public static async Task<Ok<OutgoingPage>> GetAsync(Guid id, ClaimsPrincipal user, OutgoingPages pages, CancellationToken cancellationToken) =>
        TypedResults.Ok(await pages.BuildAsync(id, user, cancellationToken));

    public static async Task<Ok<List<VersionView>>> VersionsAsync(Guid id, ClaimsPrincipal user, OutgoingPages pages,
        CancellationToken cancellationToken) =>
        TypedResults.Ok((await pages.BuildAsync(id, user, cancellationToken)).Versions);

    /// <summary>A file of the document (any version, the signed or the issued file), checked against its SHA-256.</summary>
    public static async Task<FileContentHttpResult> FileAsync(Guid id, Guid fileId, ClaimsPrincipal user, OutgoingPages pages, FileStore files,
        CancellationToken cancellationToken)
    {
        await pages.EnsureFileAsync(id, fileId, user, cancellationToken);
        var file = await files.ReadAsync(fileId, cancellationToken);
        return TypedResults.File(file.Content, file.ContentType, file.Name);
    }

    /// <summary>The revision signature <paramref name="number"/> of a file of the document covers: what was signed, to compare with what it shows now.</summary>
    public static async Task<Results<FileContentHttpResult, NotFound>> SignedRevisionAsync(Guid id, Guid fileId, int number, ClaimsPrincipal user,
        OutgoingPages pages, FileStore files, SignedRevisions revisions, CancellationToken cancellationToken)
    {
        await pages.EnsureFileAsync(id, fileId, user, cancellationToken);
        return await SignedRevisionFile.ServeAsync(fileId, number, files, revisions, cancellationToken);
    }

    /// <summary>Refuses, as not found, a file that is not the document's or a document the person may not read.</summary>
    private async Task EnsureFileAsync(Guid id, Guid fileId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var page = await BuildAsync(id, user, cancellationToken);
        if (fileId != page.SignedFileId && fileId != page.IssuedFileId && page.Versions.All(v => v.FileId != fileId))
            throw OutgoingRefusedException.NotFound(id);
    }

    public static VersionView View(DraftVersion v) =>
        new(v.Id, v.Kind, v.Version, v.FileId, v.FileName, v.UploadedBy, v.UploadedAt, v.Note);

    public async Task<OutgoingPage> BuildAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var d = await db.Set<OutgoingDocument>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken)
            ?? throw OutgoingRefusedException.NotFound(id);
        var key = id.ToString();
        var tasks = await engine.Bookmarks.AsNoTracking()
            .Where(b => b.BusinessKey == key && b.DefinitionKey == OutgoingProcess.Key && b.Kind == BookmarkKind.UserTask)
            .ToListAsync(cancellationToken);
        var supervises = user.IsInRole(Roles.Deputy) && await db.Set<Unit>().AsNoTracking()
            .AnyAsync(u => u.Code == d.DraftingUnit && u.SupervisorUserName == user.Identity!.Name, cancellationToken);
        if (!user.ToReader().MayRead(d, supervises, tasks))
            throw OutgoingRefusedException.NotFound(id);

        var versions = await db.Set<DraftVersion>().AsNoTracking().Where(v => v.DocumentId == id)
            .OrderBy(v => v.Kind).ThenBy(v => v.Version).ToListAsync(cancellationToken);
        var history = await db.Set<OutgoingHistoryEntry>().AsNoTracking().Where(h => h.DocumentId == id)
            .OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => new OutgoingHistoryView(h.At, h.Actor, h.Action, h.Comment)).ToListAsync(cancellationToken);
        var recipients = await db.Set<OutgoingRecipient>().AsNoTracking().Where(r => r.DocumentId == id)
            .OrderBy(r => r.Kind).ThenBy(r => r.Code).ToListAsync(cancellationToken);
        var dispatches = d.NationalId is null ? [] : await dispatchStates.OfAsync(d.NationalId, cancellationToken);
        var receipts = tasks.Where(t => t.ElementId == OutgoingProcess.Receive).ToList();
        var actor = user.ToTaskActor();
        var open = tasks.Where(t => t.Status == BookmarkStatus.Active).OrderBy(t => t.CreatedAt)
            .Select(t => new OpenStep(t.Id, t.ElementId, t.TaskName, t.CandidateUsers?.Trim(','), t.CandidateGroups?.Trim(','), t.Assignee,
                t.TaskDueDate, TaskAccess.MayWork(t, actor)))
            .ToList();

        FailureView Failure(StepFailure f)
        {
            var mine = f.MayRetry(actor);
            return new FailureView(f.IncidentId, f.Step, f.Step.Message(mine), mine ? f.Error : null, f.At, mine);
        }

        var stopped = (await failures.OfAsync(id, cancellationToken)).Select(Failure).ToList();
        var leaderName = d.SigningLeader is null ? null
            : await db.Set<AppUser>().AsNoTracking().Where(u => u.UserName == d.SigningLeader).Select(u => u.FullName).FirstOrDefaultAsync(cancellationToken);

        return new OutgoingPage(d.Id, d.TypeCode, d.TypeName, d.Subject, d.Stage, open.Any(t => t.ElementId == OutgoingProcess.ClerkCheck), d.Urgency, d.Confidentiality, d.PaperAlsoSent,
            d.DraftingUnit, d.Drafter,
            d.SigningLeader, leaderName, d.Copies, d.PageCount, d.Notes, d.ArchiveHolder, d.SignerName, d.SignerPosition, d.SignerCompetence, d.SignedAt,
            d.NumberAndNotation, d.DocumentDate, d.IssuedAt, d.NationalId, d.SignedFileId, d.IssuedFileId, await ReplyLinkAsync(d.InReplyToId, cancellationToken),
            d.CorrectionKind, await LinkAsync(d.CorrectsId, cancellationToken), await LinkAsync(d.CorrectedById, cancellationToken),
            [.. versions.Select(View)], [.. recipients.Select(r => Status(r, dispatches, receipts))], history, open, stopped)
        {
            RequestedCapacity = d.RequestedCapacity,
            SignerAuthorisation = d.SignerAuthorisation,
        };
    }

    /// <summary>
    /// Of <paramref name="ids"/>, the documents whose signed file exists: the process reaches the clerk's check only after
    /// signing the file, so the stored stage alone cannot tell.
    /// </summary>
    public async Task<HashSet<string>> SignedFileReadyAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var keys = ids.Select(id => id.ToString()).ToList();
        return [.. await engine.Bookmarks.AsNoTracking()
            .Where(b => b.DefinitionKey == OutgoingProcess.Key && b.ElementId == OutgoingProcess.ClerkCheck && b.Status == BookmarkStatus.Active
                && b.BusinessKey != null && keys.Contains(b.BusinessKey))
            .Select(b => b.BusinessKey!).ToListAsync(cancellationToken)];
    }

    private static RecipientStatus Status(OutgoingRecipient recipient, List<RecipientDispatch> dispatches, List<BookmarkRecord> receipts)
    {
        if (recipient.Kind == RecipientKind.Agency)
        {
            var dispatch = dispatches.FirstOrDefault(x => x.Record.RecipientCode == recipient.Code);
            var sent = dispatch?.Record;
            return new RecipientStatus(recipient.Kind, recipient.Code, recipient.Name,
                sent is null ? RecipientDelivery.NotSent : sent.State == DispatchState.Sent ? RecipientDelivery.Sent : RecipientDelivery.Queued,
                sent?.SentAt, sent?.LastStatus, sent?.LastStatusNote, sent?.LastStatusAt, dispatch?.Progress);
        }

        var member = "," + recipient.Code + ",";
        var task = receipts.FirstOrDefault(t => (recipient.Kind == RecipientKind.Unit ? t.CandidateGroups : t.CandidateUsers)?.Contains(member, StringComparison.Ordinal) == true);
        var delivery = task is null ? RecipientDelivery.NotSent : task.Status == BookmarkStatus.Completed ? RecipientDelivery.Read : RecipientDelivery.Delivered;
        return new RecipientStatus(recipient.Kind, recipient.Code, recipient.Name, delivery, task?.CreatedAt, null, null, task?.ClosedAt);
    }

    private async Task<LinkView?> LinkAsync(Guid? id, CancellationToken cancellationToken) => id is null ? null
        : await db.Set<OutgoingDocument>().AsNoTracking().Where(x => x.Id == id)
            .Select(x => new LinkView(x.Id, x.NumberAndNotation, x.Subject)).FirstOrDefaultAsync(cancellationToken);

    private async Task<LinkView?> ReplyLinkAsync(Guid? id, CancellationToken cancellationToken) => id is null ? null
        : await db.Set<IncomingDocument>().AsNoTracking().Where(x => x.Id == id)
            .Select(x => new LinkView(x.Id, x.CodeNumber + "/" + x.CodeNotation, x.Subject)).FirstOrDefaultAsync(cancellationToken);
}
