using System.Security.Claims;
using System.Text.Json.Nodes;
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
        group.MapPost("/{id:guid}/complete", CompleteAsync);
        return group;
    }

    /// <summary>Tasks assigned to me, or offered to me or my groups and not yet claimed: most urgent, then soonest due, first.</summary>
    private static async Task<Ok<List<TaskView>>> MineAsync(ClaimsPrincipal user, EngineDb db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var actor = user.ToTaskActor();
        var query = Visible(db.Bookmarks.AsNoTracking(), actor);
        var rows = await query.OrderByDescending(b => b.Priority).ThenBy(b => b.TaskDueDate == null).ThenBy(b => b.TaskDueDate)
            .ThenBy(b => b.CreatedAt).Take(500).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return TypedResults.Ok(rows.Select(b => View(b, now)).ToList());
    }

    private static async Task<Results<Ok<TaskView>, NotFound>> GetAsync(Guid id, ClaimsPrincipal user, EngineDb db,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var task = await db.Bookmarks.AsNoTracking()
            .FirstOrDefaultAsync(b => b.Id == id && b.Kind == BookmarkKind.UserTask, cancellationToken);
        // A task the user may not work on is reported as missing: its existence is not the user's business.
        if (task is null || !TaskAccess.MayWork(task, user.ToTaskActor()))
            return TypedResults.NotFound();
        return TypedResults.Ok(View(task, time.GetUtcNow()));
    }

    private static async Task<NoContent> ClaimAsync(Guid id, ClaimsPrincipal user, WorkflowRuntime runtime,
        CancellationToken cancellationToken)
    {
        await runtime.ClaimTaskAsync(id, user.ToTaskActor(), cancellationToken);
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
        var formKey = await db.Bookmarks.AsNoTracking().Where(b => b.Id == id && b.Kind == BookmarkKind.UserTask)
            .Select(b => b.FormKey).FirstOrDefaultAsync(cancellationToken);
        if (DocumentActions.For(formKey) is { } action)
        {
            var logger = logs.CreateLogger(typeof(TaskEndpoints));
            LogDocumentTask(logger, id, formKey!);
            return TypedResults.Problem(
                $"Công việc này thuộc quy trình của văn bản, phải thực hiện bằng thao tác {action} để hồ sơ văn bản được cập nhật. Không có thay đổi nào được lưu.",
                statusCode: StatusCodes.Status409Conflict, title: "Không hoàn thành công việc bằng thao tác chung",
                extensions: new Dictionary<string, object?> { ["formKey"] = formKey, ["documentAction"] = action });
        }

        var instance = await runtime.CompleteTaskAsync(id, request?.Variables, user.ToTaskActor(), cancellationToken);
        return TypedResults.Ok(InstanceViews.Summary(instance));
    }

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Generic completion of task {TaskId} refused: form key {FormKey} belongs to a document's process")]
    private static partial void LogDocumentTask(ILogger logger, Guid taskId, string formKey);
}
