using DocBpm.Web.AccessLog;
using System.Security.Claims;
using DocBpm.Documents.Access;
using DocBpm.Documents.Organisation;
using DocBpm.Documents.ProvincialTasks;
using DocBpm.Web.Accounts;
using DocBpm.Documents.Outgoing;
using DocBpm.Web.Outgoing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using DocBpm.Web.Idempotency;

namespace DocBpm.Web.ProvincialTasks;

/// <summary>Tasks assigned by the Provincial People's Committee (Chapter III): recording, reconciliation, assignment, reply, extension.</summary>
public static class ProvincialTaskEndpoints
{
    public static RouteGroupBuilder MapProvincialTasks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/provincial-tasks").WithTags("Nhiệm vụ UBND tỉnh giao");
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:guid}", GetAsync).RecordsAccess(AccessedKind.ProvincialTask);
        group.MapPost("/documents", RecordAsync).RequireAuthorization(p => p.RequireRole(Roles.Clerk)).Idempotent();
        group.MapGet("/documents/{id:guid}", DocumentAsync);
        group.MapPost("/documents/{id:guid}/close", CloseAsync);
        group.MapPost("/documents/{id:guid}/take-back", TakeBackAsync);
        group.MapPost("/{id:guid}/reconcile", ReconcileAsync).RequireAuthorization(p => p.RequireRole(Roles.Clerk));
        group.MapPost("/{id:guid}/assign", AssignAsync).RequireAuthorization(p => p.RequireRole(Roles.Director, Roles.Deputy));
        group.MapPost("/{id:guid}/handler", AssignHandlerAsync).RequireAuthorization(p => p.RequireRole(Roles.UnitHead));
        group.MapPost("/{id:guid}/reply-draft", ReplyDraftAsync).Idempotent();
        group.MapPost("/{id:guid}/extension", ExtensionAsync);
        return group;
    }

    /// <summary>The tasks the person follows (<see cref="TaskVisibility"/>): an empty list, not a refusal, for someone who follows none.</summary>
    private static async Task<Ok<List<ProvincialTaskView>>> ListAsync(string? unit, ProvincialTaskStatus? status, DbContext db,
        TaskStanding standing, TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var query = db.Set<ProvincialTask>().AsNoTracking().Include(t => t.Document).VisibleTo(user.ToReader());
        if (!string.IsNullOrWhiteSpace(unit))
            query = query.Where(t => t.MainUnit == unit);
        var now = time.GetUtcNow();
        var views = (await query.OrderBy(t => t.Deadline).ToListAsync(cancellationToken)).Select(t => t.View(standing, now));
        return TypedResults.Ok(views.Where(v => status is null || v.Status == status).ToList());
    }

    private static async Task<Ok<ProvincialTaskView>> GetAsync(Guid id, DbContext db, TaskStanding standing, TimeProvider time,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var task = await db.Set<ProvincialTask>().AsNoTracking().Include(t => t.Document).VisibleTo(user.ToReader())
            .FirstOrDefaultAsync(t => t.Id == id, cancellationToken)
            ?? throw new TaskNotFoundException(id);
        return TypedResults.Ok(task.View(standing, time.GetUtcNow()));
    }

    private static async Task<Results<Created<TaskDocumentView>, ValidationProblem>> RecordAsync(RecordTaskDocumentRequest request,
        ProvincialTaskFlow flow, DbContext db, TaskStanding standing, TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (request.Lines is not { Count: > 0 } lines)
            return Invalid("lines", "Văn bản giao nhiệm vụ phải có ít nhất một dòng nhiệm vụ, mỗi dòng có nội dung và thời hạn.");
        for (var i = 0; i < lines.Count; i++)
        {
            if (await TaskChoices.ProposalRefusalAsync(db, lines[i].MainUnit, lines[i].Handler, time.GetUtcNow(), cancellationToken) is { } refusal)
                return Invalid($"lines[{i}].handler", $"Dòng {i + 1}: {refusal}");
        }
        var document = await flow.RecordAsync(new NewTaskDocument(request.ReceivedDocumentId, request.Code, request.Subject,
            [.. lines.Select(l => new TaskLine(l.Content, l.Deadline, Trimmed(l.MainUnit), Trimmed(l.Handler)))], request.DocumentDate, request.IssuingBody),
            user.Identity!.Name!, cancellationToken);
        return TypedResults.Created($"/api/provincial-tasks/documents/{document.Id}",
            document.View(standing, time.GetUtcNow(), await flow.CarrierAsync(document, cancellationToken)));
    }

    /// <summary>
    /// Whoever reads one of the document's tasks reads the document with all its lines: they are all in the incoming
    /// document that carries them anyway.
    /// </summary>
    private static async Task<Ok<TaskDocumentView>> DocumentAsync(Guid id, DbContext db, ProvincialTaskFlow flow, TaskStanding standing,
        TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var readable = db.Set<ProvincialTask>().VisibleTo(user.ToReader());
        var document = await db.Set<TaskDocument>().AsNoTracking().Include(d => d.Tasks)
            .FirstOrDefaultAsync(d => d.Id == id && readable.Any(t => t.DocumentId == d.Id), cancellationToken)
            ?? throw new TaskNotFoundException(id);
        return TypedResults.Ok(document.View(standing, time.GetUtcNow(), await flow.CarrierAsync(document, cancellationToken)));
    }

    private static async Task<Results<NoContent, ForbidHttpResult>> CloseAsync(Guid id, ProvincialTaskFlow flow, DbContext db, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (!await MayCloseAsync(id, db, user, cancellationToken))
            return TypedResults.Forbid();
        await flow.CloseDocumentAsync(id, user.Identity!.Name!, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ForbidHttpResult>> TakeBackAsync(Guid id, ProvincialTaskFlow flow, DbContext db,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!await MayCloseAsync(id, db, user, cancellationToken))
            return TypedResults.Forbid();
        await flow.TakeBackAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The clerk, or a main handler of one of the document's tasks (who must take back a wrongly closed one, Article 12.1b).</summary>
    public static async Task<bool> MayCloseAsync(Guid documentId, DbContext db, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        user.IsInRole(Roles.Clerk)
        || await db.Set<ProvincialTask>().AnyAsync(t => t.DocumentId == documentId && t.Handler == user.Identity!.Name, cancellationToken);

    private static async Task<Results<NoContent, ValidationProblem>> ReconcileAsync(Guid id, ReconcileRequest request, ProvincialTaskFlow flow,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(request.Decision))
            return Invalid("decision", "Kết quả đối chiếu phải là Accept, AskCorrection hoặc Return.");
        await flow.ReconcileAsync(id, request.Decision, request.Note, request.Content, request.Deadline, user.ToTaskActor(), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ValidationProblem>> AssignAsync(Guid id, AssignRequest request, ProvincialTaskFlow flow,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.MainUnit))
            return Invalid("mainUnit", "Cần chọn đơn vị chủ trì.");
        await flow.AssignAsync(id, request.MainUnit.Trim(), [.. (request.CoordinatingUnits ?? []).Select(c => c.Trim())], user.ToTaskActor(),
            cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Only the head of the main unit names the handler, and only someone of that unit whose account is not locked.</summary>
    private static async Task<Results<NoContent, ValidationProblem, ForbidHttpResult>> AssignHandlerAsync(Guid id, HandlerRequest request,
        ProvincialTaskFlow flow, DbContext db, TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var mainUnit = await HeadedMainUnitAsync(id, db, user, cancellationToken);
        if (mainUnit is null)
            return TypedResults.Forbid();
        if (await TaskChoices.HandlerRefusalAsync(db, request.UserName, mainUnit, time.GetUtcNow(), cancellationToken) is { } refusal)
            return Invalid("userName", refusal);
        await flow.AssignHandlerAsync(id, request.UserName, user.ToTaskActor(), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// The task's main unit when <paramref name="user"/> belongs to it (the role check is the caller's), else null; a task
    /// that does not exist is a 404 like every other step's, not a refusal of the person.
    /// </summary>
    public static async Task<string?> HeadedMainUnitAsync(Guid taskId, DbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var mainUnit = await db.Set<ProvincialTask>().Where(t => t.Id == taskId).Select(t => t.MainUnit).FirstOrDefaultAsync(cancellationToken)
            ?? throw new TaskNotFoundException(taskId);
        return user.FindFirstValue(UnitClaimsFactory.UnitClaim) == mainUnit ? mainUnit : null;
    }

    /// <summary>"Khởi tạo văn bản đi" at "Văn bản trả lời": the draft replying to the task document, linked to the task in one step.</summary>
    private static async Task<Created<OutgoingCreated>> ReplyDraftAsync(Guid id, ReplyDraftRequest request, ProvincialTaskFlow flow,
        OutgoingFlow steps, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var outgoing = await flow.StartReplyDraftAsync(steps, id, request, user, cancellationToken);
        return TypedResults.Created($"/api/outgoing/{outgoing}", new OutgoingCreated(outgoing));
    }

    private static async Task<Results<NoContent, ValidationProblem>> ExtensionAsync(Guid id, ExtensionRequest request, ProvincialTaskFlow flow,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.LetterDocumentId))
            return Invalid("letterDocumentId", "Cần đính kèm văn bản xin gia hạn đã ban hành.");
        await flow.RequestExtensionAsync(id, request.LetterDocumentId.Trim(), request.RequestedDeadline, user.ToTaskActor(), cancellationToken);
        return TypedResults.NoContent();
    }

    public static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] },
            title: "Dữ liệu không hợp lệ", detail: message + " Không có thay đổi nào được lưu.");
}
