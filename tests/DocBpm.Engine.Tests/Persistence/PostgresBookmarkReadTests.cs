using System.Data.Common;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Engine.Tests.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using static DocBpm.Engine.Tests.Persistence.StepFixture;

namespace DocBpm.Engine.Tests.Persistence;

/// <summary>
/// The PostgreSQL read of a bookmark with its instance (issue 19) gives the engine what EF's compiled query gave it: every
/// column as EF reads it, both rows tracked as loaded, the context's own rows first, one command the host's interceptors
/// see; and it leaves to EF a model with a column it does not read.
/// </summary>
[TestClass]
public sealed class PostgresBookmarkReadTests
{
    public static IEnumerable<object[]> Postgres => TestDatabase.ClusterProviders;

    [TestMethod]
    [DynamicData(nameof(Postgres))]
    public async Task Every_column_of_the_task_and_its_instance_reads_as_EF_reads_it(DatabaseProvider provider)
    {
        await using var host = await StartedAsync(provider);

        foreach (var change in new Func<EngineDb, Task>?[] { null, StepAsync })
        {
            if (change is not null)
                Assert.IsTrue(await WriteAsync(host, change));
            // A stored order that its due date would not give, and names in another case: the read takes what the row holds,
            // and parses it, as EF does.
            await host.QueryAsync(db => db.Bookmarks.ExecuteUpdateAsync(b => b.SetProperty(r => r.TaskDueOrder, DateTimeOffset.UnixEpoch)));
            await host.QueryAsync(db => db.Context.Database.ExecuteSqlRawAsync(
                """UPDATE bpm_bookmarks SET "Kind" = lower("Kind"), "Status" = upper("Status"); UPDATE bpm_instances SET "Status" = lower("Status")"""));
            var read = await host.QueryAsync(async db => Columns(db, await ReadAsync(db)));
            var loaded = await host.QueryAsync(async db => Columns(db, (
                await db.Bookmarks.AsNoTracking().SingleAsync(b => b.Id == TaskId),
                await db.Instances.AsNoTracking().SingleAsync(i => i.Id == InstanceId))));

            CollectionAssert.AreEqual(loaded, read);
        }
    }

    [TestMethod]
    [DynamicData(nameof(Postgres))]
    public async Task Both_rows_are_tracked_as_loaded_and_a_step_on_them_is_written_under_the_revision_read(DatabaseProvider provider)
    {
        await using var host = await StartedAsync(provider);
        await using var scope = host.Services.CreateAsyncScope();
        var db = Db(scope);

        var (task, instance) = await ReadAsync(db);

        Assert.IsFalse(db.Context.ChangeTracker.HasChanges());
        Assert.AreEqual(EntityState.Unchanged, db.Context.Entry(task).State);
        Assert.AreEqual(EntityState.Unchanged, db.Context.Entry(instance).State);
        task.ClosedBy = "director";
        instance.State = """{"read":true}""";
        db.Step(instance, [Entry("review", "completed")]);
        Assert.IsTrue(await TryWriteAsync(db));
        var stored = await host.QueryAsync(other => other.Instances.AsNoTracking().SingleAsync());
        Assert.AreEqual("""{"read":true}""", stored.State);
        Assert.AreEqual(2L, stored.Revision);
        Assert.AreEqual("director", await host.QueryAsync(other => other.Bookmarks.Select(b => b.ClosedBy).SingleAsync()));
    }

    [TestMethod]
    [DynamicData(nameof(Postgres))]
    public async Task A_step_on_rows_read_before_the_revision_moved_is_a_concurrency_exception(DatabaseProvider provider)
    {
        await using var host = await StartedAsync(provider);
        await using var scope = host.Services.CreateAsyncScope();
        var db = Db(scope);
        var (_, instance) = await ReadAsync(db);
        instance.State = "stale";
        instance.Revision = 9;
        await host.QueryAsync(other => other.Instances.ExecuteUpdateAsync(i => i.SetProperty(r => r.Revision, 5L)));

        await Assert.ThrowsExactlyAsync<DbUpdateConcurrencyException>(() => TryWriteAsync(db));
    }

    [TestMethod]
    [DynamicData(nameof(Postgres))]
    public async Task Rows_the_context_tracks_already_are_returned_as_tracked(DatabaseProvider provider)
    {
        await using var host = await StartedAsync(provider);
        await using var scope = host.Services.CreateAsyncScope();
        var db = Db(scope);
        var tracked = await db.Bookmarks.SingleAsync(b => b.Id == TaskId);
        tracked.Assignee = "changed here";

        var (task, instance) = await ReadAsync(db);

        Assert.AreSame(tracked, task);
        Assert.AreEqual("changed here", task.Assignee);
        Assert.AreEqual(EntityState.Modified, db.Context.Entry(task).State);
        Assert.AreEqual(EntityState.Unchanged, db.Context.Entry(instance).State);
        Assert.AreSame(instance, (await ReadAsync(db)).Instance);
    }

    [TestMethod]
    [DynamicData(nameof(Postgres))]
    public async Task A_bookmark_that_does_not_exist_reads_as_none(DatabaseProvider provider)
    {
        await using var host = await StartedAsync(provider);
        await using var scope = host.Services.CreateAsyncScope();
        var db = Db(scope);

        Assert.IsNull(await PostgresBookmarkRead.ReadAsync(db.Context, TimeProvider.System, Guid.NewGuid(), CancellationToken.None));
        Assert.AreEqual(0, db.Context.ChangeTracker.Entries().Count());
    }

    [TestMethod]
    [DynamicData(nameof(Postgres))]
    public async Task A_completion_reads_its_task_with_one_command_that_the_hosts_interceptors_see(DatabaseProvider provider)
    {
        var witness = new Witness();
        await using var host = await EngineTestHost.StartAsync(provider, interceptor: witness);
        var started = await host.StartAsync(Bpmn.Process("""<bpmn:startEvent id="s"/>""" + Bpmn.UserTask("review", assignee: "a")
            + """<bpmn:endEvent id="e"/>""" + Bpmn.Chain("s", "review", "e")));
        var task = await host.TaskAsync(started.Id, "review");
        witness.Readers.Clear();
        witness.Parameters.Clear();

        var completed = await host.InScopeAsync(runtime => runtime.CompleteTaskAsync(task.Id, null, new TaskActor("a", []), CancellationToken.None));

        Assert.AreEqual(InstanceStatus.Completed, completed.Status);
        Assert.AreEqual(1, witness.Readers.Count, string.Join("\n", witness.Readers));
        StringAssert.StartsWith(witness.Readers[0], """SELECT b."Id", """);
        StringAssert.Contains(witness.Readers[0], """FROM bpm_bookmarks AS b INNER JOIN bpm_instances AS i""");
        Assert.AreEqual(task.Id, witness.Parameters[0]);
    }

    [TestMethod]
    [DynamicData(nameof(Postgres))]
    public async Task A_model_with_a_column_the_read_does_not_know_is_left_to_EF(DatabaseProvider provider)
    {
        foreach (var table in new[] { "bpm_bookmarks", "bpm_instances" })
        {
            await using var wider = new WiderContext(new DbContextOptionsBuilder<WiderContext>().UseNpgsql("Host=unused").Options, table);
            Assert.IsFalse(PostgresBookmarkRead.Reads(wider.Model), table);
        }

        await using var host = await EngineTestHost.StartAsync(provider);
        Assert.IsTrue(await host.QueryAsync(db => Task.FromResult(PostgresBookmarkRead.Reads(db.Context.Model))));
    }

    private static EngineDb Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<EngineDb>();

    private static async Task<(BookmarkRecord Bookmark, InstanceRecord Instance)> ReadAsync(EngineDb db) =>
        await PostgresBookmarkRead.ReadAsync(db.Context, TimeProvider.System, TaskId, CancellationToken.None)
        ?? throw new AssertFailedException("the task was not read");

    private static List<string> Columns(EngineDb db, (BookmarkRecord Bookmark, InstanceRecord Instance) row) =>
        [.. Properties(db, row.Bookmark), .. Properties(db, row.Instance)];

    private static IEnumerable<string> Properties<T>(EngineDb db, T row) =>
        db.Context.Model.FindEntityType(typeof(T))!.GetProperties().Select(p => $"{typeof(T).Name}.{p.Name} = {p.PropertyInfo!.GetValue(row)}");

    /// <summary>The engine's model with one column more on <paramref name="table"/>, as a property added later would be.</summary>
    private sealed class WiderContext(DbContextOptions<WiderContext> options, string table) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.ApplyEngine();
            if (table == "bpm_bookmarks")
                modelBuilder.Entity<BookmarkRecord>().Property<string>("Added");
            else
                modelBuilder.Entity<InstanceRecord>().Property<string>("Added");
        }

        // Each table its own model: EF caches a model per context type unless told what tells them apart.
        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
            optionsBuilder.ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, ByTable>();

        public string Table => table;
    }

    private sealed class ByTable : Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) => (context.GetType(), ((WiderContext)context).Table, designTime);
    }

    /// <summary>Sees the readers the host's contexts execute: their text and first parameter.</summary>
    private sealed class Witness : DbCommandInterceptor
    {
        public List<string> Readers { get; } = [];
        public List<object?> Parameters { get; } = [];

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
            CancellationToken cancellationToken = default)
        {
            lock (Readers)
            {
                Readers.Add(command.CommandText);
                Parameters.Add(command.Parameters.Count > 0 ? command.Parameters[0].Value : null);
            }

            return ValueTask.FromResult(result);
        }
    }
}
