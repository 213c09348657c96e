using System.Security.Claims;
using DocBpm.Documents.Access;
using DocBpm.Documents.Incoming;
using DocBpm.Documents.Outgoing;
using DocBpm.Documents.ProvincialTasks;
using DocBpm.Documents.Records;
using DocBpm.Engine.Persistence;
using DocBpm.Web.Accounts;
using DocBpm.Web.Incoming;
using DocBpm.Web.Outgoing;
using DocBpm.Web.Tasks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Inbox;

/// <summary>
/// One line of my inbox: a task of mine with what it is about: the incoming document (<paramref name="DocumentId"/>), the
/// outgoing one (<paramref name="OutgoingId"/>; <paramref name="IssuingAgency"/> is then its drafting unit and
/// <paramref name="Drafter"/> its drafter) or the provincial task line. An <paramref name="Incident"/> line ("Sự cố") is
/// a failed step of a document that I can retry from its page; <paramref name="TaskId"/> is then the incident's id and
/// <paramref name="ElementId"/> the failed step. A step of a file plan's approval names the plan (<paramref name="FilePlanId"/>)
/// and its year in <paramref name="Subject"/>.
/// </summary>
public sealed record InboxItem(
    Guid TaskId, string ElementId, string? TaskName, Guid? DocumentId, int? IncomingNumber, string? Notation, string? IssuingAgency,
    string? Subject, Urgency Urgency, DateTimeOffset? Deadline, bool Overdue, DateTimeOffset CreatedAt, Guid? ProvincialTaskId = null,
    Guid? OutgoingId = null, bool Incident = false, string? Drafter = null, Guid? FilePlanId = null);

/// <summary>A page of my inbox and where the next one starts (null on the last page).</summary>
public sealed record InboxListing(IReadOnlyList<InboxItem> Items, InboxPosition? Next);

/// <summary>A document sent to me (or my unit, as its head) to coordinate or for information, while it is being handled.</summary>
public sealed record SharedItem(IncomingSummary Document, HandlingRole Role, string AssignedBy);

public static class InboxEndpoints
{
    public static RouteGroupBuilder MapInbox(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/inbox").WithTags("Hộp công việc");
        group.MapGet("/", MineAsync);
        group.MapGet("/shared", SharedAsync);
        return group;
    }

    private static async Task<Ok<IReadOnlyList<SharedItem>>> SharedAsync(ClaimsPrincipal user, InboxReader inbox, CancellationToken cancellationToken) =>
        TypedResults.Ok(await inbox.SharedAsync(user.ToReader(), cancellationToken));

    /// <summary>
    /// The first page of my open work, or the one after <paramref name="after"/>; the next page's address is in the
    /// <c>Link</c> header (rel="next", RFC 8288), so the body stays the list it always was.
    /// </summary>
    private static async Task<Results<Ok<IReadOnlyList<InboxItem>>, ProblemHttpResult>> MineAsync(string? after, ClaimsPrincipal user,
        InboxReader inbox, HttpResponse response, CancellationToken cancellationToken)
    {
        InboxPosition? position = null;
        if (after is not null && ((position = InboxPosition.Parse(after)) is null || position.Done))
            return InvalidContinuation();
        var page = await inbox.MineAsync(user, cancellationToken, after: position);
        if (page.Next is { } next)
            response.Headers.Link = $"</api/inbox?after={next.Token}>; rel=\"next\"";
        return TypedResults.Ok(page.Items);
    }

    /// <summary>A continuation token this inbox did not hand out: a client bug or an edited address, never a server fault.</summary>
    internal static ProblemHttpResult InvalidContinuation() => TypedResults.Problem(
        "Mã trang tiếp theo (tham số after) không phải mã do hộp công việc cấp. Hãy mở lại trang đầu của hộp công việc.",
        statusCode: StatusCodes.Status400BadRequest, title: "Mã trang không hợp lệ");
}

/// <summary>
/// My failed steps to retry first, then my tasks, urgent documents first (Hỏa tốc, Thượng khẩn, Khẩn), then by deadline;
/// overdue ones flagged; a page at a time.
/// </summary>
public sealed class InboxReader(EngineDb engine, OutgoingFailures failures, TimeProvider time)
{
    /// <summary>Rows of a page: a screenful to work through, small enough to answer fast however long the inbox is.</summary>
    public const int PageSize = 50;

    /// <summary>Coordinating and for-information lines naming me, or my unit when I head it, on documents still open.</summary>
    public async Task<IReadOnlyList<SharedItem>> SharedAsync(Reader access, CancellationToken cancellationToken)
    {
        var me = access.UserName;
        var unit = access.IsUnitHead ? access.UnitCode : null;
        var rows = await (from a in engine.Context.Set<IncomingAssignment>().AsNoTracking()
                          join d in engine.Context.Set<IncomingDocument>().AsNoTracking() on a.DocumentId equals d.Id
                          where a.Role != HandlingRole.Main && d.Status == IncomingStatus.Assigned
                              && ((a.Kind == AssigneeKind.Person && a.Assignee == me) || (a.Kind == AssigneeKind.Unit && unit != null && a.UnitCode == unit))
                          select new { a.Role, a.AssignedBy, Document = d }).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return [.. rows.OrderByDescending(r => r.Document.Urgency).ThenBy(r => r.Document.Deadline)
            .Select(r => new SharedItem(IncomingSummary.Of(r.Document, now), r.Role, r.AssignedBy))];
    }

    /// <summary>
    /// One page of a tray (<see cref="PageSize"/> rows at most) after <paramref name="after"/> (null for the first), in
    /// <see cref="InboxOrder"/>; my failed steps lead the first page.
    /// </summary>
    public async Task<InboxListing> MineAsync(ClaimsPrincipal user, CancellationToken cancellationToken, InboxView view = InboxView.All,
        InboxPosition? after = null)
    {
        var done = view == InboxView.Done;
        var actor = user.ToTaskActor();
        var tasks = await PlannedPerCall.ReadAsync(engine, ct => view.First(engine, actor, after, PageSize + 1).ToListAsync(ct), cancellationToken);
        var next = tasks.Count > PageSize ? InboxPosition.Of(tasks[PageSize - 1], done) : null;
        tasks = tasks[..Math.Min(tasks.Count, PageSize)];
        var keys = KeysOf(tasks, IncomingProcess.DefinitionKey);
        var documents = await engine.Context.Set<IncomingDocument>().AsNoTracking().Where(d => keys.Contains(d.ProcessKey))
            .ToDictionaryAsync(d => d.ProcessKey, cancellationToken);
        var outgoingIds = KeysOf(tasks, OutgoingProcess.Key).Select(k => Guid.TryParse(k, out var id) ? id : Guid.Empty).ToList();
        var outgoing = await engine.Context.Set<OutgoingDocument>().AsNoTracking().Where(d => outgoingIds.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id.ToString(), cancellationToken);
        var planIds = KeysOf(tasks, FilePlanProcess.Key).Select(k => Guid.TryParse(k, out var id) ? id : Guid.Empty).ToList();
        var plans = await engine.Context.Set<FilePlan>().AsNoTracking().Where(p => planIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id.ToString(), p => p.Year, cancellationToken);
        var now = time.GetUtcNow();
        var incidents = after is null
            ? (await failures.ForAsync(actor, cancellationToken))
                .Select(f => new InboxItem(f.IncidentId, f.Step.ToString(), "Sự cố: " + f.Step.Headline(), null, null, f.NumberAndNotation, null,
                    f.Subject, f.Urgency, null, false, f.At, OutgoingId: f.DocumentId, Incident: true))
            : [];
        return new InboxListing([.. incidents, .. tasks.Select(t => t.DefinitionKey == OutgoingProcess.Key && outgoing.GetValueOrDefault(t.BusinessKey ?? "") is { } o
                ? Item(t, now, t.TaskDueDate, o.Urgency) with
                {
                    OutgoingId = o.Id, Notation = o.NumberAndNotation, IssuingAgency = o.DraftingUnit, Subject = o.Subject, Drafter = o.Drafter,
                }
                : t.DefinitionKey == FilePlanProcess.Key && plans.TryGetValue(t.BusinessKey ?? "", out var year)
                    ? Item(t, now, t.TaskDueDate, Urgency.Normal) with { FilePlanId = Guid.Parse(t.BusinessKey!), Subject = $"Danh mục hồ sơ năm {year}" }
                    : Incoming(t, now, t.DefinitionKey == IncomingProcess.DefinitionKey && t.BusinessKey is { } key ? documents.GetValueOrDefault(key) : null))],
            next);
    }

    private static List<string> KeysOf(List<BookmarkRecord> tasks, string definitionKey) =>
        [.. tasks.Where(t => t.DefinitionKey == definitionKey && t.BusinessKey != null).Select(t => t.BusinessKey!).Distinct()];

    private static InboxItem Incoming(BookmarkRecord t, DateTimeOffset now, IncomingDocument? d) =>
        Item(t, now, t.TaskDueDate ?? d?.Deadline, d?.Urgency ?? (Urgency)Math.Clamp(t.Priority, 0, 3)) with
        {
            DocumentId = d?.Id, IncomingNumber = d?.IncomingNumber, Notation = d is null ? null : $"{d.CodeNumber}/{d.CodeNotation}",
            IssuingAgency = d?.IssuingAgency, Subject = d?.Subject,
            ProvincialTaskId = t.DefinitionKey == ProvincialTaskProcess.Key && Guid.TryParse(t.BusinessKey, out var line) ? line : null,
        };

    private static InboxItem Item(BookmarkRecord t, DateTimeOffset now, DateTimeOffset? deadline, Urgency urgency) =>
        new(t.Id, t.ElementId, t.TaskName, null, null, null, null, null, urgency, deadline, deadline < now, t.CreatedAt);
}
