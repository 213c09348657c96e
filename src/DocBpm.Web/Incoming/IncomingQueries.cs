using DocBpm.Documents;
using DocBpm.Documents.Access;
using DocBpm.Documents.Files;
using DocBpm.Documents.Incoming;
using DocBpm.Documents.ProvincialTasks;
using DocBpm.Documents.Text;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Web.Components;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Incoming;

/// <summary>Reads incoming documents for a person, through <see cref="IncomingVisibility"/>: for the API and the pages alike.</summary>
public sealed class IncomingQueries(DbContext db, TimeProvider time)
{
    public const int MaxPageSize = 100;

    /// <summary>A page of matches, newest first (<see cref="Paging.ReadAsync"/>: not counted to the end).</summary>
    public async Task<PageOf<IncomingSummary>> SearchAsync(IncomingSearch search, Reader access, CancellationToken cancellationToken)
    {
        var query = Visible(access, await access.WorksOnTasksAsync(db.Set<ProvincialTask>(), cancellationToken));
        if (search.Number is { } number)
            query = query.Where(d => d.IncomingNumber == number);
        if (!string.IsNullOrWhiteSpace(search.Notation))
            query = query.Where(d => EF.Functions.Like(d.NotationKey, SearchPattern.Containing(search.Notation), SearchPattern.Escape));
        if (!string.IsNullOrWhiteSpace(search.Subject))
            query = query.Where(d => EF.Functions.Like(d.SubjectKey, SearchPattern.Containing(search.Subject), SearchPattern.Escape));
        if (!string.IsNullOrWhiteSpace(search.Sender))
            query = query.Where(d => EF.Functions.Like(d.SenderKey, SearchPattern.Containing(search.Sender), SearchPattern.Escape));
        if (search.From is { } from)
            query = query.Where(d => d.ReceivedAt >= IncomingProcess.DayStart(from));
        if (search.To is { } to)
            query = query.Where(d => d.ReceivedAt < IncomingProcess.DayStart(to.AddDays(1)));
        if (search.Status is { } status)
            query = query.Where(d => d.Status == status);

        var size = Math.Clamp(search.PageSize ?? 20, 1, MaxPageSize);
        var page = Math.Clamp(search.Page ?? 1, 1, Paging.LastPage(MaxPageSize));
        var newest = query.OrderByDescending(d => d.ReceivedAt).ThenByDescending(d => d.IncomingNumber);
        var now = time.GetUtcNow();
        return (await Paging.ReadAsync(newest, page, size, cancellationToken)).Select(d => IncomingSummary.Of(d, now));
    }

    private IQueryable<IncomingDocument> Visible(Reader access, bool worksOnTasks = true) =>
        access.Visible(db.Set<IncomingDocument>().AsNoTracking(), db.Set<IncomingAssignment>(), db.Set<ProvincialTask>(), worksOnTasks);

    /// <summary>The document if the person may see it; null otherwise (its existence is not their business).</summary>
    public async Task<IncomingDocument?> FindAsync(Guid id, Reader access, CancellationToken cancellationToken) =>
        await Visible(access)
            .FirstOrDefaultAsync(d => d.Id == id, cancellationToken);

    public async Task<IncomingDetail?> DetailAsync(Guid id, Reader access, TaskActor actor, CancellationToken cancellationToken)
    {
        var d = await FindAsync(id, access, cancellationToken);
        if (d is null)
            return null;
        var fileIds = d.Files;
        var stored = await db.Set<StoredFile>().AsNoTracking().Where(f => fileIds.Contains(f.Id))
            .Select(f => new FileView(f.Id, f.Name, f.ContentType, f.Size, f.Sha256, "")).ToDictionaryAsync(f => f.Id, cancellationToken);
        // In the document's own order: the first file is the main document (Article 8.1a decides on it), whatever order the
        // database returns rows in.
        var files = fileIds.Where(stored.ContainsKey).Select(f => stored[f]).ToList();
        var lines = await db.Set<IncomingAssignment>().AsNoTracking().Where(a => a.DocumentId == id).ToListAsync(cancellationToken);
        var history = await db.Set<IncomingEvent>().AsNoTracking().Where(h => h.DocumentId == id).OrderBy(h => h.Id).ToListAsync(cancellationToken);
        var own = await OwnInstance.FindAsync(db, IncomingProcess.DefinitionKey, d.ProcessKey, d.InstanceId, cancellationToken);
        var tasks = await db.Set<BookmarkRecord>().AsNoTracking()
            .Where(b => b.InstanceId == own && b.Kind == BookmarkKind.UserTask && b.Status == BookmarkStatus.Active)
            .ToListAsync(cancellationToken);
        bool Mine(string element) => tasks.Any(t => t.ElementId == element && TaskAccess.MayWork(t, actor));
        var main = lines.Where(l => l.Role == HandlingRole.Main && !l.Delegated).MaxBy(l => l.AssignedAt);
        var holdsMain = main?.IsHeldBy(access.UserName, access.UnitCode, access.IsUnitHead) == true;
        var actions = new IncomingActionsView(Mine(IncomingProcess.ClerkCheck), Mine(IncomingProcess.ClerkCheck),
            Mine(IncomingProcess.DirectorInstruction) || Mine(IncomingProcess.DeputyInstruction),
            Mine(IncomingProcess.Process) && holdsMain && (access.IsDeputy || access.IsUnitHead), Mine(IncomingProcess.Process),
            actor.Groups.Contains(Accounts.Roles.Clerk) && d.Status == IncomingStatus.Assigned && d.HasPaperOriginal && !d.PaperCopyDelivered,
            Mine(IncomingProcess.RecallReport), Mine(IncomingProcess.DirectorInstruction));

        return new IncomingDetail(IncomingSummary.Of(d, time.GetUtcNow()), d.Source, d.IssuingAgencyCode, d.Signer, d.PageCount, d.Copies,
            d.Notes, d.ArrivedAt, d.RegisteredAt, d.RegisteredBy, d.Instruction, d.PaperCopyDelivered, PaperOriginalView.Of(d), d.ReplyDocumentId, d.ReturnReason,
            d.CancelReason, d.CompletedAt, await SignatureAsync(own, cancellationToken),
            [.. files.Select(f => f with { Url = $"/api/incoming/{id}/files/{f.Id}" })], Tree(lines, null),
            [.. history.Select(h => new HistoryView(h.At, h.UserName, h.Action, IncomingActions.Vietnamese(h.Action), h.Detail))], actions,
            d.ProcessKey,
            d.CorrectsId is { } original ? await CorrectionAsync(x => x.Id == original, d.CorrectionKind, cancellationToken) : NotArrived(d),
            await CorrectionAsync(x => x.CorrectsId == id, null, cancellationToken));
    }

    /// <summary>The document a correction names that has not arrived here: its number and notation from its identifier.</summary>
    private static CorrectionLink? NotArrived(IncomingDocument d) =>
        Edxml.DocumentIdentifier.TryParse(d.CorrectsIdentifier, out var corrected) && d.CorrectionKind is { } kind
            ? new CorrectionLink(null, corrected.Code, null, kind)
            : null;

    /// <summary>The linked document; <paramref name="kind"/> is how the correction corrects, null to take the linked document's own.</summary>
    private Task<CorrectionLink?> CorrectionAsync(System.Linq.Expressions.Expression<Func<IncomingDocument, bool>> which,
        Documents.Outgoing.CorrectionKind? kind, CancellationToken cancellationToken) =>
        db.Set<IncomingDocument>().AsNoTracking().Where(which).OrderBy(x => x.ReceivedAt)
            .Select(x => new CorrectionLink(x.Id, x.CodeNumber + "/" + x.CodeNotation, x.Subject, kind ?? x.CorrectionKind ?? Documents.Outgoing.CorrectionKind.Notice))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>What the verify step of the document's process found (Article 8.1a), once it ran.</summary>
    private async Task<SignatureView?> SignatureAsync(Guid? instanceId, CancellationToken cancellationToken)
    {
        var state = await db.Set<InstanceRecord>().AsNoTracking().Where(i => i.Id == instanceId).Select(i => i.State).FirstOrDefaultAsync(cancellationToken);
        var variables = state is null ? null : InstanceState.Deserialize(state).Root.Variables;
        if (variables?.GetValueOrDefault("legalStatus") is not { } status)
            return null;
        return new SignatureView((string)status!, (string?)variables.GetValueOrDefault("signatureSummary"),
            [.. (variables.GetValueOrDefault("signers") as System.Text.Json.Nodes.JsonArray ?? []).Select(s => (string?)s ?? "")]);
    }

    private static List<AssignmentNode> Tree(List<IncomingAssignment> lines, Guid? parent) =>
        [.. lines.Where(l => l.ParentId == parent).OrderBy(l => l.Role).ThenBy(l => l.AssignedAt).Select(l => new AssignmentNode(l.Id, l.Role, l.Kind,
            l.Assignee, l.AssigneeName, l.AssignedBy, l.AssignedAt, l.Instruction, l.Deadline, l.Delegated, Tree(lines, l.Id)))];
}
