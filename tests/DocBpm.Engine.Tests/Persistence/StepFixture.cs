using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Engine.Tests.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.DependencyInjection;

namespace DocBpm.Engine.Tests.Persistence;

/// <summary>
/// Engine rows with a distinct value in every column, written as a step is: a start (an instance, its task, two candidates,
/// two journal entries) and a step after it that changes every column it may, so that a column a writer leaves out or
/// mixes up with another reads back different.
/// </summary>
internal static class StepFixture
{
    public static readonly Guid InstanceId = Guid.Parse("11111111-1111-1111-1111-111111111111");
    public static readonly Guid TaskId = Guid.Parse("22222222-2222-2222-2222-222222222222");
    private static readonly DateTimeOffset At = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    public static async Task<DefinitionRecord> DeployAsync(EngineTestHost host) =>
        (await host.DeployAsync(Bpmn.Process("""<bpmn:startEvent id="s"/>""" + Bpmn.UserTask("review") + """<bpmn:endEvent id="e"/>"""
            + Bpmn.Chain("s", "review", "e")))).Definition;

    public static Func<EngineDb, Task> Starting(Guid definitionId) => db =>
    {
        Start(db, definitionId);
        return Task.CompletedTask;
    };

    /// <summary>Instances in a batch: more than the writer lists as VALUES (<see cref="PostgresTable{TRow}.ValuesRows"/>).</summary>
    public const int Many = 12;

    public static void Start(EngineDb db, Guid definitionId) => Start(db, definitionId, 0);

    /// <summary>A start of many instances in one save, as a batch of due timers stores many steps.</summary>
    public static Task Start(EngineDb db, Guid definitionId, IEnumerable<int> instances)
    {
        foreach (var n in instances)
            Start(db, definitionId, n);
        return Task.CompletedTask;
    }

    public static Func<EngineDb, Task> StartingMany(Guid definitionId) => db => Start(db, definitionId, Enumerable.Range(1, Many));

    /// <summary>A step of each of many instances in one save.</summary>
    public static async Task Step(EngineDb db, IEnumerable<int> instances)
    {
        foreach (var n in instances)
            await StepAsync(db, n);
    }

    public static Task SteppingMany(EngineDb db) => Step(db, Enumerable.Range(1, Many));

    /// <summary>
    /// The <paramref name="n"/>-th instance of a batch (the 0th is <see cref="InstanceId"/> with its task
    /// <see cref="TaskId"/>): its values differ from every other instance's, so that rows a writer mixes up read back different.
    /// </summary>
    public static void Start(EngineDb db, Guid definitionId, int n)
    {
        var (instanceId, taskId) = (InstanceOf(n), TaskOf(n));
        var instance = new InstanceRecord
        {
            Id = instanceId, DefinitionId = definitionId, DefinitionKey = $"started-key-{n}", DefinitionVersion = 7 + n, BusinessKey = $"CV-{n + 1}",
            Status = InstanceStatus.Running, State = $$"""{"started":{{n}}}""", StartedAt = At.AddSeconds(n), StartedBy = $"starter-{n}",
            EndedAt = At.AddDays(9 + n), OpenIncidents = 3 + n, ParentInstanceId = Guid.Parse("33333333-3333-3333-3333-333333333333"),
            CallerBookmarkId = Guid.Parse("44444444-4444-4444-4444-444444444444"),
        };
        db.Instances.Add(instance);
        db.Bookmarks.Add(new BookmarkRecord
        {
            Id = taskId, InstanceId = instanceId, Kind = BookmarkKind.UserTask, Status = BookmarkStatus.Active, ElementId = "review",
            MessageName = $"message-{n}", CorrelationKey = $"correlation-{n}", DueAt = At.AddHours(1 + n), CreatedAt = At.AddMinutes(1 + n),
            ClosedAt = At.AddMinutes(2 + n), ClosedBy = $"closer-{n}", TaskName = $"Duyệt {n}", Assignee = $"giamdoc-{n}", CandidateUsers = ",a,",
            CandidateGroups = ",g,", TaskDueDate = At.AddDays(3 + n), FormKey = $"form-{n}", Priority = 50 + n, BusinessKey = $"CV-{n + 1}/task",
            DefinitionKey = $"task-key-{n}", Attempts = 4 + n, LastError = $"error-{n}", ClaimedBy = $"node-{n}", ClaimedUntil = At.AddMinutes(5 + n),
        });
        db.Candidates.AddRange(Candidate(taskId, CandidateKind.User, "a", $"task-key-{n}"), Candidate(taskId, CandidateKind.Group, $"g{n}", $"task-key-{n}"));
        db.Step(instance, [Entry("s", "started"), Entry("review", $"waiting-{n}")]);
    }

    /// <summary>Every column of the instance and its task changed but the keys, one candidate swapped for another.</summary>
    public static Task StepAsync(EngineDb db) => StepAsync(db, 0);

    /// <summary>The step of <see cref="StepAsync(EngineDb)"/> on the <paramref name="n"/>-th instance of a batch.</summary>
    public static async Task StepAsync(EngineDb db, int n)
    {
        var (instanceId, taskId) = (InstanceOf(n), TaskOf(n));
        var instance = await db.Instances.SingleAsync(i => i.Id == instanceId);
        var task = await db.Bookmarks.SingleAsync(b => b.Id == taskId);
        (instance.DefinitionKey, instance.DefinitionVersion, instance.BusinessKey, instance.Status) = ($"stepped-key-{n}", 8 + n, $"CV-{n + 2}", InstanceStatus.Completed);
        (instance.State, instance.StartedAt, instance.StartedBy, instance.EndedAt) = ($$"""{"stepped":{{n}}}""", At.AddDays(1 + n), $"other-{n}", null);
        (instance.OpenIncidents, instance.ParentInstanceId, instance.CallerBookmarkId) = (1 + n, null, Guid.Parse("55555555-5555-5555-5555-555555555555"));
        (task.Kind, task.Status, task.ElementId, task.MessageName, task.CorrelationKey) = (BookmarkKind.Message, BookmarkStatus.Completed, "approve", $"m2-{n}", $"c2-{n}");
        (task.DueAt, task.CreatedAt, task.ClosedAt, task.ClosedBy, task.TaskName) = (null, At.AddMinutes(11 + n), At.AddMinutes(12 + n), $"director-{n}", $"Ký {n}");
        (task.Assignee, task.CandidateUsers, task.CandidateGroups, task.TaskDueDate, task.FormKey) = (null, ",b,", ",h,", null, $"form-2-{n}");
        (task.Priority, task.BusinessKey, task.DefinitionKey, task.Attempts, task.LastError) = (10 + n, $"CV-{n + 2}/task", $"task-key-2-{n}", n, null);
        (task.ClaimedBy, task.ClaimedUntil) = (null, null);
        db.Candidates.Remove(await db.Candidates.SingleAsync(c => c.BookmarkId == taskId && c.Value == "a"));
        db.Candidates.Add(Candidate(taskId, CandidateKind.User, $"b{n}", $"task-key-2-{n}"));
        db.Step(instance, [Entry("review", $"completed-{n}"), Entry("e", "ended")]);
    }

    public static Guid InstanceOf(int n) => n == 0 ? InstanceId : Guid.Parse($"11111111-1111-1111-1111-{n:D12}");

    private static Guid TaskOf(int n) => n == 0 ? TaskId : Guid.Parse($"22222222-2222-2222-2222-{n:D12}");

    public static JournalEntry Entry(string element, string @event) =>
        new(At.AddSeconds(element.Length + @event.Length), element, "userTask", @event, "actor-" + element, "outcome-" + @event, "detail");

    private static BookmarkCandidateRecord Candidate(Guid taskId, CandidateKind kind, string value, string definitionKey) =>
        new() { BookmarkId = taskId, Kind = kind, Value = value, DefinitionKey = definitionKey };

    /// <summary>The tracked rows that a save would write.</summary>
    public static List<EntityEntry> Changes(EngineDb db)
    {
        db.Context.ChangeTracker.DetectChanges();
        return [.. db.Context.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)];
    }

    /// <summary>Makes a change in a scope of its own and writes it with <see cref="PostgresStepWriter"/>; whether the writer took it.</summary>
    public static async Task<bool> WriteAsync(EngineTestHost host, Func<EngineDb, Task> change)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDb>();
        await change(db);
        return await TryWriteAsync(db);
    }

    public static Task<bool> TryWriteAsync(EngineDb db, IReadOnlyList<EntityEntry>? changes = null) =>
        new PostgresStepWriter(db.Context, TimeProvider.System).TryWriteAsync(changes ?? Changes(db), CancellationToken.None);

    /// <summary>A host whose database holds the started instance, written by the writer.</summary>
    public static async Task<EngineTestHost> StartedAsync(DatabaseProvider provider)
    {
        var host = await EngineTestHost.StartAsync(provider);
        var definition = await DeployAsync(host);
        Assert.IsTrue(await WriteAsync(host, Starting(definition.Id)));
        return host;
    }

    /// <summary>Every engine row of the database, each column by name, in key order.</summary>
    public static Task<List<string>> RowsAsync(EngineTestHost host) =>
        host.QueryAsync(async db =>
        {
            var rows = new List<string>();
            rows.AddRange(Columns(db, await db.Instances.AsNoTracking().OrderBy(i => i.Id).ToListAsync()));
            rows.AddRange(Columns(db, await db.Bookmarks.AsNoTracking().OrderBy(b => b.Id).ToListAsync()));
            rows.AddRange(Columns(db, await db.Candidates.AsNoTracking().OrderBy(c => c.BookmarkId).ThenBy(c => c.Kind).ThenBy(c => c.Value).ToListAsync()));
            rows.AddRange(Columns(db, await db.Journal.AsNoTracking().OrderBy(j => j.Id).ToListAsync()));
            return rows;
        });

    private static IEnumerable<string> Columns<T>(EngineDb db, List<T> rows) =>
        rows.SelectMany(row => db.Context.Model.FindEntityType(typeof(T))!.GetProperties()
            .Select(p => $"{typeof(T).Name}.{p.Name} = {p.PropertyInfo!.GetValue(row)}"));
}
