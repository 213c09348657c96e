using System.Runtime.CompilerServices;
using DocBpm.Engine.Model;
using DocBpm.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Logging;

namespace DocBpm.Engine.Runtime;

/// <summary>
/// Runs instances against the database: each run loads the instance, lets the interpreter move its tokens and stores
/// state, bookmarks, journal and outbox in one SaveChanges, guarded by the instance's revision.
/// </summary>
public sealed partial class WorkflowRuntime(
    EngineDb db,
    DefinitionStore definitions,
    ProcessInterpreter interpreter,
    IServiceProvider services,
    TimeProvider time,
    IDueWorkSignal dueWork,
    ILogger<WorkflowRuntime> logger)
{
    public EngineDb Db => db;

    /// <summary>
    /// Starts an instance. With an idempotency key, a repeated start (a client retrying after a lost answer, on any node)
    /// returns the instance the first one started: the key is stored with the instance in the run's one transaction.
    /// </summary>
    public async Task<InstanceRecord> StartAsync(StartRequest request, CancellationToken cancellationToken)
    {
        if (request.IdempotencyKey is not { } key)
            return await StartOnceAsync(request, cancellationToken);
        if (await StartedWithAsync(key, cancellationToken) is { } earlier)
            return earlier;
        try
        {
            return await StartOnceAsync(request, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same key won on another request between our check and our commit: answer with its instance.
            db.Context.ChangeTracker.Clear();
            var winner = await StartedWithAsync(key, cancellationToken);
            if (winner is null)
                throw;
            return winner;
        }
    }

    private async Task<InstanceRecord?> StartedWithAsync(string key, CancellationToken cancellationToken)
    {
        var id = await db.ProcessedMessages.Where(m => m.IdempotencyKey == key).Select(m => m.InstanceId).FirstOrDefaultAsync(cancellationToken);
        return id is null ? null : await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
    }

    private async Task<InstanceRecord> StartOnceAsync(StartRequest request, CancellationToken cancellationToken)
    {
        var definition = request.Version is { } version
            ? await db.Definitions.AsNoTracking().FirstOrDefaultAsync(d => d.Key == request.DefinitionKey && d.Version == version, cancellationToken)
              ?? throw new DefinitionNotFoundException($"{request.DefinitionKey} v{version}")
            : await definitions.GetLatestForStartAsync(db, request.DefinitionKey, cancellationToken);
        var model = await definitions.GetModelAsync(db, definition.Id, cancellationToken);
        var start = model.NoneStart
            ?? throw new ProcessExecutionException(model.Id, "the process has no none start event; start it with its message");
        return await StartAtAsync(definition, model, start, request.Variables, request.BusinessKey, request.Actor, cancellationToken,
            request.IdempotencyKey, request.InstanceId);
    }

    private async Task<InstanceRecord> StartAtAsync(DefinitionRecord definition, ProcessModel model, StartEvent start,
        IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonNode?>? variables, string? businessKey, string? actor,
        CancellationToken cancellationToken, string? idempotencyKey = null, Guid? instanceId = null)
    {
        var instance = NewInstance(instanceId ?? Guid.CreateVersion7(), definition, businessKey, actor);
        if (idempotencyKey is not null)
            db.ProcessedMessages.Add(new ProcessedMessageRecord { IdempotencyKey = idempotencyKey, ProcessedAt = instance.StartedAt, InstanceId = instance.Id });
        var state = InstanceState.New(Guid.CreateVersion7(), variables);
        await RunAsync(instance, model, state, actor, null,
            execution => interpreter.StartAsync(execution, start, cancellationToken), cancellationToken);
        return instance;
    }

    private InstanceRecord NewInstance(Guid id, DefinitionRecord definition, string? businessKey, string? actor)
    {
        var instance = new InstanceRecord
        {
            Id = id,
            DefinitionId = definition.Id,
            DefinitionKey = definition.Key,
            DefinitionVersion = definition.Version,
            BusinessKey = businessKey,
            Status = InstanceStatus.Running,
            State = "",
            StartedAt = time.GetUtcNow(),
            StartedBy = actor,
        };
        db.Add(instance);
        return instance;
    }

    /// <summary>
    /// Completes a user task. A task completed already (or by someone else a moment ago) is refused with
    /// <see cref="BookmarkNotActiveException"/> or <see cref="ConcurrencyConflictException"/>.
    /// </summary>
    public Task<InstanceRecord> CompleteTaskAsync(Guid taskId, IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonNode?>? variables,
        TaskActor actor, CancellationToken cancellationToken) => CompleteTaskAsync(taskId, variables, actor, check: null, cancellationToken);

    /// <param name="check">
    /// The caller's own rule on the task, given the task as the run loaded it (so that it costs no query of its own):
    /// it refuses by throwing a <see cref="RefusedException"/>, before anything is stored.
    /// </param>
    public async Task<InstanceRecord> CompleteTaskAsync(Guid taskId, IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonNode?>? variables,
        TaskActor actor, Action<BookmarkRecord>? check, CancellationToken cancellationToken)
    {
        var (bookmark, instance) = await LoadWorkableAsync(taskId, actor, check, cancellationToken);
        await ResumeAsync(bookmark, instance, new ResumeInput(variables, actor.UserName), cancellationToken);
        return instance;
    }

    /// <summary>Claims a task: a candidate becomes its assignee, so that it leaves the others' lists.</summary>
    /// <param name="check">The caller's own rule on the task, as for <see cref="CompleteTaskAsync(Guid, IReadOnlyDictionary{string, System.Text.Json.Nodes.JsonNode?}?, TaskActor, Action{BookmarkRecord}?, CancellationToken)"/>.</param>
    public async Task ClaimTaskAsync(Guid taskId, TaskActor actor, Action<BookmarkRecord>? check, CancellationToken cancellationToken)
    {
        var (bookmark, instance) = await LoadWorkableAsync(taskId, actor, check, cancellationToken);
        bookmark.Assignee = actor.UserName;
        db.Step(instance, [new JournalEntry(time.GetUtcNow(), bookmark.ElementId, "userTask", "claimed", actor.UserName, null, null)]);
        await SaveAsync(instance.Id, cancellationToken);
    }

    /// <summary>
    /// Gives a claimed task back to its candidates, so that any of them may take it again; who may release it is the
    /// caller's rule. A task that nobody claimed (no assignee, or an assignee the diagram named with no candidates to
    /// return to) is refused with <see cref="TaskNotClaimedException"/>.
    /// </summary>
    public async Task ReleaseTaskAsync(Guid taskId, string actor, CancellationToken cancellationToken)
    {
        var (bookmark, instance) = await LoadActiveAsync(taskId, BookmarkKind.UserTask, cancellationToken);
        if (bookmark.Assignee is null || (bookmark.CandidateUsers is null && bookmark.CandidateGroups is null))
            throw new TaskNotClaimedException(taskId);
        bookmark.Assignee = null;
        db.Step(instance, [new JournalEntry(time.GetUtcNow(), bookmark.ElementId, "userTask", "released", actor, null, null)]);
        await SaveAsync(instance.Id, cancellationToken);
    }

    /// <summary>
    /// Offers a waiting task to other people instead (re-assignment by a deputy or unit head), with a new due date;
    /// who may hand a task over is the caller's rule.
    /// </summary>
    public async Task HandOverTaskAsync(Guid taskId, IReadOnlyList<string> candidateUsers, DateTimeOffset? dueDate, string actor,
        CancellationToken cancellationToken)
    {
        var (bookmark, instance) = await LoadActiveAsync(taskId, BookmarkKind.UserTask, cancellationToken);
        bookmark.Assignee = null;
        bookmark.CandidateUsers = TaskAccess.Encode(candidateUsers);
        bookmark.CandidateGroups = null;
        var offered = BookmarkCandidateRecord.Of(bookmark, candidateUsers, null).ToList();
        var stored = await db.Candidates.Where(c => c.BookmarkId == taskId).ToListAsync(cancellationToken);
        // Kept rows stay as they are: deleting and adding the same key in one unit of work is a tracking conflict.
        db.Candidates.RemoveRange(stored.Where(s => !offered.Any(o => o.Kind == s.Kind && o.Value == s.Value)));
        db.Candidates.AddRange(offered.Where(o => !stored.Any(s => s.Kind == o.Kind && s.Value == o.Value)));
        bookmark.TaskDueDate = dueDate;
        db.Step(instance, [new JournalEntry(time.GetUtcNow(), bookmark.ElementId, "userTask", "handed-over", actor, null, null)]);
        await SaveAsync(instance.Id, cancellationToken);
    }

    public async Task CancelAsync(Guid instanceId, string? actor, string? reason, CancellationToken cancellationToken)
    {
        var instance = await db.Instances.FirstOrDefaultAsync(i => i.Id == instanceId, cancellationToken)
            ?? throw new InstanceNotFoundException(instanceId);
        if (instance.Status != InstanceStatus.Running)
            throw new InstanceNotRunningException(instanceId, instance.Status);
        var model = await definitions.GetModelAsync(db, instance.DefinitionId, cancellationToken);
        var state = InstanceState.Deserialize(instance.State);
        await ResolveIncidentsAsync(instance, actor, "cancelled", cancellationToken);
        await RunAsync(instance, model, state, actor, null,
            execution => ValueTask.FromResult(ProcessInterpreter.Cancel(execution, time, reason)), cancellationToken);
    }

    private async Task<(BookmarkRecord Bookmark, InstanceRecord Instance)> LoadWorkableAsync(Guid taskId, TaskActor actor,
        Action<BookmarkRecord>? check, CancellationToken cancellationToken)
    {
        var (bookmark, instance) = await LoadActiveAsync(taskId, BookmarkKind.UserTask, cancellationToken);
        check?.Invoke(bookmark);
        if (!TaskAccess.MayWork(bookmark, actor))
            throw new TaskAccessDeniedException(taskId, actor.UserName);
        return (bookmark, instance);
    }

    private async Task<(BookmarkRecord Bookmark, InstanceRecord Instance)> LoadActiveAsync(Guid bookmarkId, BookmarkKind? kind,
        CancellationToken cancellationToken)
    {
        var row = await BookmarkWithInstanceAsync(bookmarkId, cancellationToken);
        if (row is not var (bookmark, instance) || bookmark.Status != BookmarkStatus.Active || (kind is { } k && bookmark.Kind != k))
            throw new BookmarkNotActiveException(bookmarkId);
        return (bookmark, instance);
    }

    private async Task<(BookmarkRecord Bookmark, InstanceRecord Instance)?> BookmarkWithInstanceAsync(Guid bookmarkId, CancellationToken cancellationToken)
    {
        if (db.Provider == DatabaseProvider.PostgreSql && PostgresBookmarkRead.Reads(db.Context.Model))
            return await PostgresBookmarkRead.ReadAsync(db.Context, time, bookmarkId, cancellationToken);
        var query = BookmarkWithInstance.GetValue(db.Context.Model, _ => CompileBookmarkWithInstance());
        return await query(db.Context, bookmarkId, cancellationToken) is { } row ? (row.Bookmark, row.Instance) : null;
    }

    private sealed record BookmarkAndInstance(BookmarkRecord Bookmark, InstanceRecord Instance);

    /// <summary>
    /// One round-trip: the bookmark with its instance, both tracked (on PostgreSQL, <see cref="PostgresBookmarkRead"/> where the
    /// model allows). Compiled once per model (EF runs a compiled query only on the model it was compiled for: each
    /// provider's context has its own), since every task completion asks it: a LINQ query is otherwise rebuilt and looked
    /// up in EF's query cache on every call.
    /// </summary>
    private static readonly ConditionalWeakTable<IModel, Func<DbContext, Guid, CancellationToken, Task<BookmarkAndInstance?>>> BookmarkWithInstance = new();

    private static Func<DbContext, Guid, CancellationToken, Task<BookmarkAndInstance?>> CompileBookmarkWithInstance() =>
        EF.CompileAsyncQuery((DbContext context, Guid bookmarkId, CancellationToken _) =>
            (from b in context.Set<BookmarkRecord>()
             join i in context.Set<InstanceRecord>() on b.InstanceId equals i.Id
             where b.Id == bookmarkId
             select new BookmarkAndInstance(b, i)).FirstOrDefault());

    /// <param name="consumesBookmark">False when the bookmark stays unless the run removes it (a child's escalation): then its going away cancels what it waited for.</param>
    private async Task ResumeAsync(BookmarkRecord bookmark, InstanceRecord instance, ResumeInput input, CancellationToken cancellationToken,
        bool consumesBookmark = true)
    {
        var model = await definitions.GetModelAsync(db, instance.DefinitionId, cancellationToken);
        var state = InstanceState.Deserialize(instance.State);
        await RunAsync(instance, model, state, input.Actor, consumesBookmark ? bookmark.Id : null,
            execution => interpreter.ResumeAsync(execution, bookmark.Id, input, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Runs one step of an instance and stores it, with every instance its call activities start or cancel, in one
    /// SaveChanges.
    /// </summary>
    private async Task RunAsync(InstanceRecord instance, ProcessModel model, InstanceState state, string? actor, Guid? resumed,
        Func<Execution, ValueTask<RunOutput>> run, CancellationToken cancellationToken)
    {
        var due = new List<DueWork>();
        await StepAsync(new StepContext(instance, model, state, actor, resumed, due, 0), run, cancellationToken);
        await SaveAsync(instance.Id, cancellationToken);

        // Inside a caller's transaction (a step that takes a register number) the new bookmarks are not committed yet, and
        // on SQLite the scheduler's own connection would wait for that transaction's lock: the sweep fires them instead.
        if (due.Count > 0 && db.Context.Database.CurrentTransaction is null)
            await dueWork.NotifyAsync(due, cancellationToken);
    }

    /// <summary>Runs the interpreter on one instance and records the result, without saving.</summary>
    private async Task StepAsync(StepContext step, Func<Execution, ValueTask<RunOutput>> run, CancellationToken cancellationToken)
    {
        var (instance, model, state, actor, resumed, due, _) = step;
        var before = state.Bookmarks.ToDictionary(b => b.Id, b => b.DueAt);
        var callsBefore = state.Bookmarks.Where(b => b.Kind == BookmarkKind.Call).ToList();
        var execution = new Execution
        {
            InstanceId = instance.Id,
            DefinitionKey = instance.DefinitionKey,
            Model = model,
            State = state,
            BusinessKey = instance.BusinessKey,
            Actor = actor,
            Services = services,
            IsCalled = instance.ParentInstanceId is not null,
        };

        RunOutput output;
        try
        {
            output = await run(execution);
        }
        catch
        {
            // Whatever the step wrote (domain rows of its activities included) is discarded with it.
            db.Context.ChangeTracker.Clear();
            throw;
        }

        ReturnToCaller(instance, state, output);
        // The recorder looks tracked rows up by key; SaveAsync detects the changes once, after it.
        using (new DetectionPause(db.Context.ChangeTracker))
            new RunRecorder(db, time).Record(instance, state, before, output, actor, resumed);
        LogRun(instance.Id, instance.DefinitionKey, output.Result, output.Journal.Count);
        foreach (var incident in output.Incidents)
            LogRaisedIncident(instance.Id, incident.ElementId, incident.Error);

        due.AddRange(state.Bookmarks
            .Where(b => b.DueAt is not null && (!before.TryGetValue(b.Id, out var old) || old != b.DueAt))
            .Select(b => new DueWork(b.Id, b.DueAt!.Value)));
        foreach (var call in output.Calls)
            await StartCalledAsync(step, call, cancellationToken);
        foreach (var call in callsBefore.Where(c => c.Id != resumed && !state.Bookmarks.Contains(c)))
            await CancelCalledAsync(step, Guid.Parse(call.CorrelationKey!), cancellationToken);
    }

    private async Task ResolveIncidentsAsync(InstanceRecord instance, string? actor, string resolution, CancellationToken cancellationToken)
    {
        instance.OpenIncidents = 0;
        var open = await db.Incidents.Where(i => i.InstanceId == instance.Id && i.ResolvedAt == null).ToListAsync(cancellationToken);
        foreach (var incident in open)
        {
            incident.ResolvedAt = time.GetUtcNow();
            incident.ResolvedBy = actor;
            incident.Resolution = resolution;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Instance {InstanceId}: incident on {ElementId}: {Error}")]
    private partial void LogRaisedIncident(Guid instanceId, string elementId, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Instance {InstanceId} of {DefinitionKey} ran: {Result}, {Steps} journal entries")]
    private partial void LogRun(Guid instanceId, string definitionKey, RunResult result, int steps);
}

public sealed class InstanceNotRunningException(Guid instanceId, InstanceStatus status)
    : RefusedException(RefusalKind.Conflict, "Quy trình đã kết thúc", "Phiên bản quy trình này không còn đang chạy.",
        $"Instance {instanceId} is {status}, not running.")
{
    public Guid InstanceId { get; } = instanceId;
}
