using System.Security.Claims;
using System.Text.Json.Nodes;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Web.Accounts;
using DocBpm.Web.Definitions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using DocBpm.Web.Idempotency;
using DocBpm.Web.Tasks;
using DocBpm.Web.Components;

namespace DocBpm.Web.Instances;

public static class InstanceEndpoints
{
    public const int MaxPageSize = 200;

    public static RouteGroupBuilder MapInstances(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/instances").WithTags("Phiên bản quy trình");
        group.MapPost("/", StartAsync).RequireAuthorization(Policies.Integration);
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.Administrator);
        group.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Policies.Administrator);
        group.MapPost("/{id:guid}/cancel", CancelAsync).RequireAuthorization(Policies.Administrator);
        return group;
    }

    /// <summary>
    /// A client that lost the answer retries with the same <c>Idempotency-Key</c> and gets the instance the first request
    /// started; the key is the person's own, so two people's keys never meet. The answer names the user tasks the
    /// instance now waits on that the caller may work on (<see cref="InstanceSummary.Tasks"/>).
    /// </summary>
    private static async Task<Results<Created<InstanceSummary>, ProblemHttpResult, ValidationProblem>> StartAsync(StartInstanceRequest request,
        [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey, ClaimsPrincipal user, WorkflowRuntime runtime, DocumentFlows flows,
        TimeProvider time, CancellationToken cancellationToken)
    {
        if (idempotencyKey is not null && IdempotencyKeys.Refusal(idempotencyKey) is { } refusal)
            return TypedResults.ValidationProblem(refusal);
        if (string.IsNullOrWhiteSpace(request.DefinitionKey))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["definitionKey"] = ["Cần mã quy trình cần bắt đầu (definitionKey)."] });
        if (flows.OwnsProcess(request.DefinitionKey))
            return DocumentFlows.Refused($"Quy trình '{request.DefinitionKey}'");
        var key = idempotencyKey is null ? null : $"instance-start:{user.Identity?.Name}:{idempotencyKey}";
        var instance = await runtime.StartAsync(new StartRequest(request.DefinitionKey, request.Variables,
            request.BusinessKey, user.Identity?.Name, request.Version, key), cancellationToken);
        var tasks = await OpenTasksAsync(runtime.Db, instance, cancellationToken);
        var actor = user.ToReader().Operator;
        var now = time.GetUtcNow();
        return TypedResults.Created($"/api/instances/{instance.Id}", InstanceViews.Summary(instance) with
        {
            Tasks = [.. tasks.Where(t => TaskAccess.MayWork(t, actor)).Select(t => TaskEndpoints.View(t, now))],
        });
    }

    private static readonly Func<BookmarkRecord, bool> IsOpenTask = TaskEndpoints.IsOpen.Compile();

    /// <summary>
    /// The open user tasks of an instance just started: the rows the start stored are still tracked, so this costs no
    /// query; an instance the start did not run itself (a replayed idempotency key) is read. The tracker's entries are
    /// read as they are, saved a moment ago, without scanning for changes; not through <c>DbSet.Local</c>, which builds a
    /// view of every tracked row on each request and keeps it updated for the rest of the request.
    /// </summary>
    internal static async Task<IReadOnlyList<BookmarkRecord>> OpenTasksAsync(EngineDb db, InstanceRecord instance, CancellationToken cancellationToken)
    {
        if (db.Context.Entry(instance).State == EntityState.Detached)
            return await db.Bookmarks.AsNoTracking().Where(b => b.InstanceId == instance.Id).Where(TaskEndpoints.IsOpen).OrderBy(b => b.CreatedAt)
                .ToListAsync(cancellationToken);
        using (new DetectionPause(db.Context.ChangeTracker))
            return [.. db.Context.ChangeTracker.Entries<BookmarkRecord>().Select(e => e.Entity)
                .Where(b => b.InstanceId == instance.Id && IsOpenTask(b)).OrderBy(b => b.CreatedAt)];
    }

    private static async Task<Results<Ok<Page<InstanceSummary>>, ValidationProblem>> ListAsync(
        EngineDb db, string? definitionKey, int? version, InstanceStatus? status, bool? hasIncidents, string? businessKey,
        DateTimeOffset? startedFrom, DateTimeOffset? startedTo, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var (number, size) = (page ?? 1, pageSize ?? 50);
        if (number < 1 || number > Paging.LastPage(MaxPageSize) || size < 1 || size > MaxPageSize)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["page"] = [$"Trang từ 1 đến {Paging.LastPage(MaxPageSize)}; mỗi trang từ 1 đến {MaxPageSize} dòng."],
            });

        var query = db.Instances.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(definitionKey))
            query = query.Where(i => i.DefinitionKey == definitionKey);
        if (version is { } v)
            query = query.Where(i => i.DefinitionVersion == v);
        if (status is { } s)
            query = query.Where(i => i.Status == s);
        if (hasIncidents is { } h)
            query = h ? query.Where(i => i.OpenIncidents > 0) : query.Where(i => i.OpenIncidents == 0);
        if (!string.IsNullOrWhiteSpace(businessKey))
            query = query.Where(i => i.BusinessKey != null && i.BusinessKey.Contains(businessKey));
        if (startedFrom is { } from)
            query = query.Where(i => i.StartedAt >= from);
        if (startedTo is { } to)
            query = query.Where(i => i.StartedAt < to);

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(i => i.StartedAt).Skip((number - 1) * size).Take(size)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<InstanceSummary>([.. items.Select(InstanceViews.Summary)], number, size, total));
    }

    private static async Task<Results<Ok<InstanceDetail>, NotFound>> GetAsync(Guid id, EngineDb db, CancellationToken cancellationToken)
    {
        var instance = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (instance is null)
            return TypedResults.NotFound();
        var state = InstanceState.Deserialize(instance.State);
        var bookmarks = await db.Bookmarks.AsNoTracking()
            .Where(b => b.InstanceId == id && b.Status == BookmarkStatus.Active).OrderBy(b => b.CreatedAt)
            .ToListAsync(cancellationToken);
        var journal = await db.Journal.AsNoTracking().Where(j => j.InstanceId == id).OrderBy(j => j.Id)
            .Select(j => new JournalView(j.Id, j.At, j.ElementId, j.ElementKind, j.Event, j.Actor, j.Outcome, j.Detail))
            .ToListAsync(cancellationToken);
        var incidents = await db.Incidents.AsNoTracking().Where(i => i.InstanceId == id).OrderBy(i => i.CreatedAt)
            .ToListAsync(cancellationToken);
        var children = await db.Instances.AsNoTracking().Where(i => i.ParentInstanceId == id).OrderBy(i => i.StartedAt)
            .ToListAsync(cancellationToken);

        var variables = new JsonObject();
        foreach (var (name, value) in state.Scopes.Count > 0 ? state.Root.Variables : [])
            variables[name] = value?.DeepClone();
        var active = state.Tokens.Select(t => t.ElementId).Distinct(StringComparer.Ordinal).ToList();
        return TypedResults.Ok(new InstanceDetail(InstanceViews.Summary(instance), instance.DefinitionId, active, state.Path,
            variables, [.. bookmarks.Select(InstanceViews.Bookmark)], journal, [.. incidents.Select(InstanceViews.Incident)],
            [.. children.Select(InstanceViews.Summary)]));
    }

    private static async Task<NoContent> CancelAsync(Guid id, CancelRequest? request, ClaimsPrincipal user,
        WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        await runtime.CancelAsync(id, user.Identity?.Name, request?.Reason, cancellationToken);
        return TypedResults.NoContent();
    }
}
