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

public static partial class TaskEndpoints
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
        var actor = user.ToTaskActor();
        var rows = await FirstToDo(Visible(db.Bookmarks.AsNoTracking(), actor)).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return TypedResults.Ok(rows.Select(b => View(b, now)).ToList());
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
    private static async Task<Results<NoContent, ProblemHttpResult>> ClaimAsync(Guid id, ClaimsPrincipal user, WorkflowRuntime runtime,
        EngineDb db, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        if (await DocumentTaskAsync(id, "Không nhận công việc bằng thao tác chung", db, logs, cancellationToken) is { } refused)
            return refused;
        await runtime.ClaimTaskAsync(id, user.ToReader().Operator, cancellationToken);
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
    private static async Task<Results<Ok<InstanceSummary>, ProblemHttpResult>> CompleteAsync(Guid id, CompleteTaskRequest? request,
        ClaimsPrincipal user, WorkflowRuntime runtime, EngineDb db, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        if (await DocumentTaskAsync(id, "Không hoàn thành công việc bằng thao tác chung", db, logs, cancellationToken) is { } refused)
            return refused;
        var instance = await runtime.CompleteTaskAsync(id, request?.Variables, user.ToReader().Operator, cancellationToken);
        return TypedResults.Ok(InstanceViews.Summary(instance));
    }

    /// <summary>The refusal of a generic action on a document's task, naming the document action to use; null for other tasks.</summary>
    private static async Task<ProblemHttpResult?> DocumentTaskAsync(Guid id, string title, EngineDb db, ILoggerFactory logs,
        CancellationToken cancellationToken)
    {
        var formKey = await db.Bookmarks.AsNoTracking().Where(b => b.Id == id && b.Kind == BookmarkKind.UserTask)
            .Select(b => b.FormKey).FirstOrDefaultAsync(cancellationToken);
        if (DocumentActions.For(formKey) is not { } action)
            return null;
        var logger = logs.CreateLogger(typeof(TaskEndpoints));
        LogDocumentTask(logger, id, formKey!);
        return TypedResults.Problem(
            $"Công việc này thuộc quy trình của văn bản, phải thực hiện bằng thao tác {action} để hồ sơ văn bản được cập nhật. Không có thay đổi nào được lưu.",
            statusCode: StatusCodes.Status409Conflict, title: title,
            extensions: new Dictionary<string, object?> { ["formKey"] = formKey, ["documentAction"] = action });
    }

    /// <summary>
    /// The first 500 of <paramref name="tasks"/> in the order work is done: most urgent, then soonest due, then oldest.
    /// Ordered before it is cut, so urgent work never falls off a long list.
    /// </summary>
    internal static IQueryable<BookmarkRecord> FirstToDo(IQueryable<BookmarkRecord> tasks) =>
        tasks.OrderByDescending(b => b.Priority).ThenBy(b => b.TaskDueDate == null).ThenBy(b => b.TaskDueDate)
            .ThenBy(b => b.CreatedAt).Take(500);

    internal static IQueryable<BookmarkRecord> Visible(IQueryable<BookmarkRecord> bookmarks, TaskActor actor)
    {
        var open = bookmarks.Where(b => b.Kind == BookmarkKind.UserTask && b.Status == BookmarkStatus.Active);
        var me = actor.UserName;
        var userPattern = "%," + me + ",%";
        var groupPatterns = actor.Groups.Select(g => "%," + g + ",%").ToList();
        // Expression trees cannot OR over a runtime list of LIKE patterns, so the group test is built per group.
        var offered = open.Where(b => b.Assignee == null && b.CandidateUsers != null && EF.Functions.Like(b.CandidateUsers, userPattern));
        foreach (var pattern in groupPatterns)
            offered = offered.Union(open.Where(b => b.Assignee == null && b.CandidateGroups != null && EF.Functions.Like(b.CandidateGroups, pattern)));
        return open.Where(b => b.Assignee == me).Union(offered);
    }

    private static TaskView View(BookmarkRecord b, DateTimeOffset now) => new(b.Id, b.InstanceId, b.DefinitionKey ?? "",
        b.BusinessKey, b.ElementId, b.TaskName, b.Assignee, b.CandidateUsers?.Trim(','), b.CandidateGroups?.Trim(','),
        b.TaskDueDate, b.FormKey, b.Priority, b.CreatedAt, b.TaskDueDate is { } due && due < now);

    [LoggerMessage(Level = LogLevel.Information, Message = "Generic action on task {TaskId} refused: form key {FormKey} belongs to a document's process")]
    private static partial void LogDocumentTask(ILogger logger, Guid taskId, string formKey);
}
