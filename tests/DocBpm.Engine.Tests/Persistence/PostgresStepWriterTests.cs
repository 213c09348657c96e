using System.Data.Common;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Engine.Tests.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static DocBpm.Engine.Tests.Persistence.StepFixture;

namespace DocBpm.Engine.Tests.Persistence;

/// <summary>
/// The PostgreSQL step writer (issue 19) keeps every promise of EF's SaveChanges that the engine relies on: the same rows,
/// the revision and step guards inside one implicit transaction, EF's exceptions, the tracker as SaveChanges leaves it,
/// the host's interceptors; and it leaves to EF what it does not write.
/// </summary>
[TestClass]
public sealed class PostgresStepWriterTests
{
    public static IEnumerable<object[]> Postgres => TestDatabase.ClusterProviders;

    [TestMethod]
    [DynamicData(nameof(Postgres))]
    public Task Every_column_of_every_row_reads_back_as_EF_writes_it(DatabaseProvider provider) =>
        AssertReadsBackAsEfWritesAsync(provider, definition => [Starting(definition), StepAsync]);

    [TestMethod]
    [DynamicData(nameof(Postgres))]
    public async Task A_stale_step_fails_on_the_step_guard_and_nothing_of_its_batch_is_written(DatabaseProvider provider)
    {
        await using var host = await StartedAsync(provider);
        await using var first = host.Services.CreateAsyncScope();
        await using var stale = host.Services.CreateAsyncScope();
        var firstDb = first.ServiceProvider.GetRequiredService<EngineDb>();
        var staleDb = stale.ServiceProvider.GetRequiredService<EngineDb>();
        await Close(firstDb, "first");
        await Close(staleDb, "stale");
        staleDb.Bookmarks.Add(new BookmarkRecord { Id = Guid.NewGuid(), InstanceId = InstanceId, ElementId = "next" });
        Assert.IsTrue(await TryWriteAsync(firstDb));
        var before = await RowsAsync(host);

        var refused = await Assert.ThrowsExactlyAsync<DbUpdateException>(() =>
            TryWriteAsync(staleDb));

        Assert.AreEqual(PostgresErrorCodes.UniqueViolation, ((PostgresException)refused.InnerException!).SqlState);
        Assert.AreEqual(EngineDb.StepGuardIndex, ((PostgresException)refused.InnerException!).ConstraintName);
        CollectionAssert.AreEqual(before, await RowsAsync(host), "the stale step's task update and new bookmark were rolled back with it");
    }

    [TestMethod]
    [DynamicData(nameof(Postgres))]
    public async Task An_instance_update_that_finds_its_revision_moved_is_a_concurrency_exception_and_writes_nothing(DatabaseProvider provider)
    {
        await using var host = await StartedAsync(provider);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDb>();
        var instance = await db.Instances.SingleAsync(i => i.Id == InstanceId);
        instance.State = """{"stale":true}""";
        instance.Revision++;
        await host.QueryAsync(other => other.Instances.Where(i => i.Id == InstanceId).ExecuteUpdateAsync(i => i.SetProperty(r => r.Revision, 5L)));
        var before = await RowsAsync(host);

        await Assert.ThrowsExactlyAsync<DbUpdateConcurrencyException>(() =>
            TryWriteAsync(db));

        CollectionAssert.AreEqual(before, await RowsAsync(host));
    }

    [TestMethod]
    [DynamicData(nameof(Postgres))]
    public async Task A_step_with_a_row_it_does_not_write_is_left_to_EF_untouched(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var definition = await DeployAsync(host);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDb>();
        Start(db, definition.Id);
        db.Incidents.Add(new IncidentRecord { Id = Guid.NewGuid(), InstanceId = InstanceId, ElementId = "review", Error = "failed" });
        var changes = Changes(db);

        Assert.IsFalse(await TryWriteAsync(db, changes));

        Assert.AreEqual(7, changes.Count(e => e.State == EntityState.Added), "every row still waits to be saved");
        Assert.AreEqual(0, (await RowsAsync(host)).Count);
        await db.Context.SaveChangesAsync();
        Assert.AreEqual(1, await host.QueryAsync(d => d.Incidents.CountAsync()));
    }

    [TestMethod]
    [DynamicData(nameof(Postgres))]
    public async Task After_the_write_the_tracker_holds_what_SaveChanges_leaves_but_the_journal(DatabaseProvider provider)
    {
        await using var host = await StartedAsync(provider);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDb>();
        await StepAsync(db);
        var changes = Changes(db);
        var gone = changes.Single(e => e.State == EntityState.Deleted);

        Assert.IsTrue(await TryWriteAsync(db, changes));

        Assert.IsFalse(db.Context.ChangeTracker.HasChanges());
        Assert.AreEqual(EntityState.Detached, gone.State, "a deleted candidate is no longer tracked");
        Assert.IsTrue(changes.Where(e => e.Entity is JournalRecord).All(e => e.State == EntityState.Detached), "the journal's keys were not read back");
        var instance = db.Context.ChangeTracker.Entries<InstanceRecord>().Single();
        Assert.AreEqual(EntityState.Unchanged, instance.State);
        Assert.AreEqual(2L, instance.Property(i => i.Revision).OriginalValue, "the next step is guarded by the revision just stored");
        Assert.AreEqual(EntityState.Unchanged, db.Context.ChangeTracker.Entries<BookmarkRecord>().Single().State);
        Assert.AreEqual(EntityState.Unchanged, db.Context.ChangeTracker.Entries<BookmarkCandidateRecord>().Single().State, "the candidate added");
    }

    [TestMethod]
    [DynamicData(nameof(Postgres))]
    public async Task A_step_of_the_runtime_is_written_by_the_writer_with_the_hosts_interceptors_around_it(DatabaseProvider provider)
    {
        var witness = new Witness();
        await using var host = await EngineTestHost.StartAsync(provider, interceptor: witness);

        var instance = await host.StartAsync(Bpmn.Process("""<bpmn:startEvent id="s"/>""" + Bpmn.UserTask("review", assignee: "a")
            + """<bpmn:endEvent id="e"/>""" + Bpmn.Chain("s", "review", "e")));

        Assert.AreEqual(4, witness.LastSaved, "the instance, its task and two journal entries, as SaveChanges counts them");
        var write = witness.Commands.Last();
        StringAssert.StartsWith(write, """INSERT INTO "bpm_instances" """);
        StringAssert.Contains(write, """INSERT INTO "bpm_journal" """);
        StringAssert.Contains(write, "), ($", "both journal entries in one INSERT");
        Assert.AreEqual(InstanceStatus.Running, (await host.InstanceAsync(instance.Id)).Status);
    }

    [TestMethod]
    [DynamicData(nameof(Postgres))]
    public Task A_batch_of_many_instances_reads_back_column_by_column_as_EF_writes_it(DatabaseProvider provider) =>
        AssertReadsBackAsEfWritesAsync(provider, definition => [StartingMany(definition), SteppingMany]);

    /// <summary>
    /// The context's parameters of each step are handed out again to the next, of other tables and other row counts; the
    /// context's tracker hands the second step's new journal entries out of the order they were journaled in.
    /// </summary>
    [TestMethod]
    [DynamicData(nameof(Postgres))]
    public Task Steps_written_one_after_another_on_one_context_read_back_as_EF_writes_them_each_journaled_in_step_order(DatabaseProvider provider) =>
        AssertReadsBackAsEfWritesAsync(provider, definition => [StartingMany(definition), Starting(definition), SteppingMany, StepAsync], onOneContext: true);

    [TestMethod]
    [DynamicData(nameof(Postgres))]
    public async Task The_statements_of_a_batch_do_not_change_with_its_number_of_instances(DatabaseProvider provider)
    {
        var witness = new Witness();
        await using var host = await EngineTestHost.StartAsync(provider, interceptor: witness);
        var definition = await DeployAsync(host);

        await WriteAsync(host, db => Start(db, definition.Id, Enumerable.Range(1, Many)));
        await WriteAsync(host, db => Start(db, definition.Id, Enumerable.Range(Many + 1, Many + 5)));
        await WriteAsync(host, db => Step(db, Enumerable.Range(1, Many)));
        await WriteAsync(host, db => Step(db, Enumerable.Range(Many + 1, Many + 5)));

        var (starts, steps) = (witness.Commands[^4..^2], witness.Commands[^2..]);
        Assert.AreEqual(starts[0], starts[1], "a start of more instances sends the same texts");
        Assert.AreEqual(Statements(steps[0]).Distinct().Count(), Statements(steps[1]).Distinct().Count(), "a step of more instances sends no new text");
        CollectionAssert.AreEquivalent(Statements(steps[0]).Distinct().ToList(), Statements(steps[1]).Distinct().ToList());
        StringAssert.Contains(starts[0], "unnest(");
    }

    [TestMethod]
    [DynamicData(nameof(Postgres))]
    public async Task A_stale_instance_among_several_fails_the_whole_batch_as_a_concurrency_exception_with_nothing_written(DatabaseProvider provider)
    {
        await using var host = await StartedManyAsync(provider);
        await using var first = host.Services.CreateAsyncScope();
        await using var batch = host.Services.CreateAsyncScope();
        var firstDb = first.ServiceProvider.GetRequiredService<EngineDb>();
        var batchDb = batch.ServiceProvider.GetRequiredService<EngineDb>();
        await Step(batchDb, Enumerable.Range(1, Many));
        await StepAsync(firstDb, Many / 2);
        Assert.IsTrue(await TryWriteAsync(firstDb), "another step of one of the batch's instances is stored first");
        var before = await RowsAsync(host);

        var refused = await Assert.ThrowsExactlyAsync<DbUpdateConcurrencyException>(() => TryWriteAsync(batchDb));

        Assert.AreEqual(PostgresErrorCodes.DivisionByZero, ((PostgresException)refused.InnerException!).SqlState, "the stale UPDATE failed the batch itself");
        CollectionAssert.AreEqual(before, await RowsAsync(host), "the other instances' steps were rolled back with the stale one");
    }

    [TestMethod]
    [DynamicData(nameof(Postgres))]
    public async Task In_a_batch_each_instance_is_guarded_by_its_own_revision_even_where_no_journal_entry_collides(DatabaseProvider provider)
    {
        await using var host = await StartedManyAsync(provider);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDb>();
        await Step(db, Enumerable.Range(1, Many));
        var moved = InstanceOf(Many);
        await host.QueryAsync(other => other.Instances.Where(i => i.Id == moved).ExecuteUpdateAsync(i => i.SetProperty(r => r.Revision, 5L)));
        var before = await RowsAsync(host);

        await Assert.ThrowsExactlyAsync<DbUpdateConcurrencyException>(() => TryWriteAsync(db));

        CollectionAssert.AreEqual(before, await RowsAsync(host), "nothing of the batch committed, its journal entries neither");
    }

    private static async Task Close(EngineDb db, string by)
    {
        var instance = await db.Instances.SingleAsync(i => i.Id == InstanceId);
        (await db.Bookmarks.SingleAsync(b => b.Id == TaskId)).ClosedBy = by;
        instance.State = by;
        db.Step(instance, [Entry("review", "completed")]);
    }

    /// <summary>
    /// Each change, written by the writer on one database and saved by EF on another, leaves the same rows; each change in
    /// a scope of its own, or, <paramref name="onOneContext"/>, all of them on one context a side.
    /// </summary>
    private static async Task AssertReadsBackAsEfWritesAsync(DatabaseProvider provider, Func<Guid, Func<EngineDb, Task>[]> changes, bool onOneContext = false)
    {
        await using var written = await EngineTestHost.StartAsync(provider);
        await using var saved = await EngineTestHost.StartAsync(provider);
        var definition = await DeployAsync(written);
        await saved.InScopeAsync(runtime =>
        {
            runtime.Db.Definitions.Add(definition);
            return runtime.Db.Context.SaveChangesAsync();
        });
        await using var writing = written.Services.CreateAsyncScope();
        await using var saving = saved.Services.CreateAsyncScope();
        var (writer, ef) = (writing.ServiceProvider.GetRequiredService<EngineDb>(), saving.ServiceProvider.GetRequiredService<EngineDb>());

        foreach (var change in changes(definition.Id))
        {
            if (onOneContext)
            {
                await change(writer);
                Assert.IsTrue(await TryWriteAsync(writer));
                await change(ef);
                await ef.Context.SaveChangesAsync();
            }
            else
            {
                Assert.IsTrue(await WriteAsync(written, change));
                await saved.InScopeAsync(async runtime =>
                {
                    await change(runtime.Db);
                    await runtime.Db.Context.SaveChangesAsync();
                });
            }

            CollectionAssert.AreEqual(await RowsAsync(saved), await RowsAsync(written));
        }
    }

    /// <summary>A host whose database holds <see cref="Many"/> started instances, written by the writer as one batch.</summary>
    private static async Task<EngineTestHost> StartedManyAsync(DatabaseProvider provider)
    {
        var host = await EngineTestHost.StartAsync(provider);
        var definition = await DeployAsync(host);
        Assert.IsTrue(await WriteAsync(host, db => Start(db, definition.Id, Enumerable.Range(1, Many))));
        return host;
    }

    private static string[] Statements(string batch) => batch.Split(";\n");

    /// <summary>Sees what the host's interceptors see: the saves and the commands sent.</summary>
    private sealed class Witness : DbCommandInterceptor, ISaveChangesInterceptor
    {
        public int LastSaved { get; private set; }
        public List<string> Commands { get; } = [];

        public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            LastSaved = result;
            return ValueTask.FromResult(result);
        }

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
            CancellationToken cancellationToken = default)
        {
            Commands.Add(command.CommandText);
            return ValueTask.FromResult(result);
        }
    }
}
