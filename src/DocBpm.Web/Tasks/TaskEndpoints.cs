using System.Linq.Expressions;
using System.Security.Claims;
using System.Text.Json.Nodes;
using DocBpm.Documents.Access;
using DocBpm.Engine;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Web.Accounts;
using DocBpm.Web.Instances;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Tasks;

public sealed record CompleteTaskRequest(Dictionary<string, JsonNode?>? Variables);

public sealed record TaskView(
    Guid Id, Guid InstanceId, string DefinitionKey, string? BusinessKey, string ElementId, string? Name,
    string? Assignee, string? CandidateUsers, string? CandidateGroups, DateTimeOffset? DueDate, string? FormKey,
    int Priority, DateTimeOffset CreatedAt, bool Overdue);

public static class TaskEndpoints
{
    public static RouteGroupBuilder MapTasks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tasks").WithTags("Công việc");
        group.MapGet("/mine", MineAsync);
        group.MapGet("/{id:guid}", GetAsync);
        group.MapPost("/{id:guid}/claim", ClaimAsync);
        group.MapPost("/{id:guid}/release", ReleaseAsync);
        group.MapPost("/{id:guid}/complete", CompleteAsync);
        return group;
    }

    /// <summary>Tasks assigned to me, or offered to me or my groups and not yet claimed: most urgent, then soonest due, first.</summary>
    private static async Task<Ok<List<TaskView>>> MineAsync(ClaimsPrincipal user, EngineDb db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var tasks = new List<TaskView>();
        await foreach (var task in MyTasks.Of(db, user.ToTaskActor(), cancellationToken))
            tasks.Add(View(task, now));
        return TypedResults.Ok(tasks);
    }

    private static async Task<Results<Ok<TaskView>, NotFound>> GetAsync(Guid id, ClaimsPrincipal user, EngineDb db,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var task = await db.Bookmarks.AsNoTracking()
            .FirstOrDefaultAsync(b => b.Id == id && b.Kind == BookmarkKind.UserTask, cancellationToken);
        // A task the user may not work on is reported as missing: its existence is not the user's business.
        if (task is null || !TaskAccess.MayWork(task, user.ToReader().Operator))
            return TypedResults.NotFound();
        return TypedResults.Ok(View(task, time.GetUtcNow()));
    }

    /// <summary>
    /// Claims a task of a process without a record of its own; a document's task is refused like its completion
    /// (<see cref="CompleteAsync"/>): a claim through here, by an administrator for one, would take the step from the
    /// people the document's flow offered it to.
    /// </summary>
    private static async Task<NoContent> ClaimAsync(Guid id, ClaimsPrincipal user, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        await runtime.ClaimTaskAsync(id, user.ToReader().Operator, DocumentActions.Refuse("Không nhận công việc bằng thao tác chung"), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Gives a claimed task back to its candidates (<see cref="Reader.MayRelease"/>: the claimer, a head of a unit it is
    /// offered to, an administrator), so that a claim by someone away does not block the step.
    /// </summary>
    private static async Task<Results<NoContent, NotFound>> ReleaseAsync(Guid id, ClaimsPrincipal user, WorkflowRuntime runtime, EngineDb db,
        CancellationToken cancellationToken)
    {
        var task = await db.Bookmarks.AsNoTracking()
            .FirstOrDefaultAsync(b => b.Id == id && b.Kind == BookmarkKind.UserTask && b.Status == BookmarkStatus.Active, cancellationToken);
        if (task is null)
            return TypedResults.NotFound();
        var reader = user.ToReader();
        // A task nobody holds is refused by the runtime as such (409), whoever asks.
        if (task.Assignee is not null && !reader.MayRelease(task))
            throw new RefusedException(RefusalKind.Forbidden, "Không có quyền",
                "Chỉ người đã nhận công việc, trưởng đơn vị được giao công việc hoặc quản trị hệ thống mới trả lại được công việc.",
                $"User '{reader.UserName}' may not release task {id}.");
        await runtime.ReleaseTaskAsync(id, reader.UserName, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Completes a task of a process without a record of its own. A task of a document's process (incoming, outgoing,
    /// provincial task) is refused and left as it was: completing it here would move the process past the document's
    /// record (e.g. accepted without a number), so the problem names the document action to use.
    /// </summary>
    private static async Task<Ok<InstanceSummary>> CompleteAsync(Guid id, CompleteTaskRequest? request, ClaimsPrincipal user,
        WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        // The document rule reads the task the run loads: one query before the step's write.
        var instance = await runtime.CompleteTaskAsync(id, request?.Variables, user.ToReader().Operator,
            DocumentActions.Refuse("Không hoàn thành công việc bằng thao tác chung"), cancellationToken);
        return TypedResults.Ok(InstanceViews.Summary(instance));
    }

    /// <summary>The open user tasks assigned to me, over the inbox's index of open tasks by assignee (migration InboxStoredOrder).</summary>
    internal static IQueryable<BookmarkRecord> Assigned(EngineDb db, TaskActor actor) => Open(db).Where(b => b.Assignee == actor.UserName);

    /// <summary>
    /// The open user tasks nobody took that are offered to me or one of my groups: an index lookup of the candidates by
    /// name rather than a LIKE over every open task's candidate lists.
    /// </summary>
    internal static IQueryable<BookmarkRecord> Offered(EngineDb db, TaskActor actor)
    {
        var offered = db.Candidates.Where(BookmarkCandidateRecord.Naming(actor)).Select(c => c.BookmarkId);
        return Open(db).Where(b => b.Assignee == null && offered.Contains(b.Id));
    }

    /// <summary>An open user task: the rows every task list starts from.</summary>
    internal static readonly Expression<Func<BookmarkRecord, bool>> IsOpen = b => b.Kind == BookmarkKind.UserTask && b.Status == BookmarkStatus.Active;

    private static IQueryable<BookmarkRecord> Open(EngineDb db) => db.Bookmarks.AsNoTracking().Where(IsOpen);

    internal static TaskView View(BookmarkRecord b, DateTimeOffset now) => new(b.Id, b.InstanceId, b.DefinitionKey ?? "",
        b.BusinessKey, b.ElementId, b.TaskName, b.Assignee, b.CandidateUsers?.Trim(','), b.CandidateGroups?.Trim(','),
        b.TaskDueDate, b.FormKey, b.Priority, b.CreatedAt, b.TaskDueDate is { } due && due < now);
}
