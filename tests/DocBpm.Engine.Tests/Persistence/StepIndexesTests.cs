using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Engine.Tests.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using static DocBpm.Engine.Tests.Runtime.Bpmn;

namespace DocBpm.Engine.Tests.Persistence;

/// <summary>
/// Every index entry a step writes is server time per instance (issue 19): the indexes of the rows a step writes hold only
/// what some lookup needs, and a step's update of its instance touches no indexed column, so that PostgreSQL can rewrite
/// the row in place (a HOT update) instead of adding an entry to each of the table's indexes.
/// </summary>
[TestClass]
public sealed class StepIndexesTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Issue19_completing_a_task_rewrites_no_column_that_an_index_of_the_instances_holds(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var started = await host.StartAsync(Process("""<bpmn:startEvent id="s"/>""" + UserTask("review") + """<bpmn:endEvent id="e"/>"""
            + Chain("s", "review", "e")));
        var waiting = await host.InstanceAsync(started.Id);

        await host.CompleteAsync(started.Id, "review");

        var ended = await host.InstanceAsync(started.Id);
        var instances = await host.QueryAsync(db => Task.FromResult(db.Context.Model.FindEntityType(typeof(InstanceRecord))!));
        var rewritten = instances.GetProperties().Where(p => !Equals(p.PropertyInfo!.GetValue(waiting), p.PropertyInfo.GetValue(ended)))
            .Select(p => p.Name).ToList();
        CollectionAssert.IsSubsetOf(new[] { "Status", "State", "EndedAt", "Revision" }, rewritten, "the step's update is the one this test means");
        CollectionAssert.AreEquivalent(Array.Empty<string>(), rewritten.Where(column => instances.GetIndexes().Any(i => Holds(i, column))).ToList());
    }

    [TestMethod]
    public async Task Issue19_an_instance_no_call_activity_started_enters_no_index_of_its_caller()
    {
        var instances = await ModelAsync<InstanceRecord>();

        var parent = instances.GetIndexes().Single(i => Holds(i, nameof(InstanceRecord.ParentInstanceId)));

        Assert.AreEqual("\"ParentInstanceId\" IS NOT NULL", parent.GetFilter(), "the children of an instance are looked up by its id, never by null");
        Assert.IsFalse(instances.GetIndexes().Any(i => Holds(i, nameof(InstanceRecord.CallerBookmarkId))), "no query looks an instance up by its caller's bookmark");
    }

    [TestMethod]
    public async Task Issue19_a_journal_row_enters_its_key_and_the_step_guard_alone()
    {
        var journal = await ModelAsync<JournalRecord>();

        CollectionAssert.AreEqual(new[] { EngineDb.StepGuardIndex }, journal.GetIndexes().Select(i => i.GetDatabaseName()).ToArray(),
            "the step guard leads with the instance: it also serves the instance's journal and the cascade");
    }

    [TestMethod]
    public async Task Issue19_a_closed_bookmark_enters_only_its_key_and_the_index_of_its_instance()
    {
        var bookmarks = await ModelAsync<BookmarkRecord>();

        var enteredWhenClosed = bookmarks.GetIndexes().Where(i => i.GetFilter()?.StartsWith(OpenBookmarks, StringComparison.Ordinal) != true)
            .Select(i => string.Join(", ", i.Properties.Select(p => p.Name))).ToList();

        CollectionAssert.AreEquivalent(new[] { nameof(BookmarkRecord.InstanceId) }, enteredWhenClosed,
            "the open work's indexes (due work, message correlation) hold open bookmarks only; the instance's bookmarks of any status are found by the instance");
        Assert.IsFalse(bookmarks.GetIndexes().Any(i => i.Properties.Any(p => p.Name == nameof(BookmarkRecord.Status))), "the filter says the status");
    }

    [TestMethod]
    public async Task Issue19_on_PostgreSQL_a_closed_bookmark_writes_no_entry_into_the_indexes_of_open_work()
    {
        TestDatabase.RequirePostgres();
        const int instances = 6;
        await using var host = await EngineTestHost.StartAsync(DatabaseProvider.PostgreSql);
        await host.QueryAsync(db => db.Context.Database.ExecuteSqlRawAsync(
            "CREATE EXTENSION IF NOT EXISTS pageinspect; ALTER TABLE bpm_bookmarks SET (autovacuum_enabled = false);"));
        for (var i = 0; i < instances; i++)
            await host.StartAsync(WaitReplyThenAnHour, new { docId = $"D-{i}" });
        for (var i = 0; i < instances; i++)
            await host.CorrelateAsync("reply", $"D-{i}");

        Assert.AreEqual(instances, await host.AdvanceAsync(TimeSpan.FromHours(2)), "every instance ended");

        // Each instance opened a message bookmark and a timer, and closed both: one entry each, written when it opened.
        Assert.AreEqual(2 * instances, await host.QueryAsync(db => db.Context.Database.SqlQueryRaw<int>(EntriesOfOpenWork).SingleAsync()));
    }

    /// <summary>A message bookmark, then a timer: one bookmark in each index of open work, closed in turn.</summary>
    internal static readonly string WaitReplyThenAnHour = Process("""<bpmn:startEvent id="s"/><bpmn:intermediateCatchEvent id="reply">"""
        + MessageCatch("m", "=docId") + """</bpmn:intermediateCatchEvent><bpmn:intermediateCatchEvent id="hour">""" + Timer("timeDuration", "PT1H")
        + """</bpmn:intermediateCatchEvent><bpmn:endEvent id="e"/>""" + Chain("s", "reply", "hour", "e"), definitions: Message("m", "reply"));

    /// <summary>
    /// The entries written into bpm_bookmarks' indexes other than its key and the instance's, live or dead (no vacuum has
    /// removed one: autovacuum is off for the table), counted on their leaf pages.
    /// </summary>
    private const string EntriesOfOpenWork = """
        SELECT coalesce(sum(s.live_items + s.dead_items), 0)::int AS "Value"
        FROM pg_index x
        CROSS JOIN LATERAL generate_series(1, (pg_relation_size(x.indexrelid) / current_setting('block_size')::int - 1)::int) AS page
        CROSS JOIN LATERAL bt_page_stats(x.indexrelid::regclass::text, page) AS s
        WHERE x.indrelid = 'bpm_bookmarks'::regclass AND NOT x.indisprimary AND s.type = 'l'
          AND x.indexrelid IS DISTINCT FROM (SELECT i.indexrelid FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
                               WHERE i.indrelid = x.indrelid AND a.attname = 'InstanceId' AND i.indnatts = 1)
        """;

    private const string OpenBookmarks = "\"Status\" = 'Active'";

    private static bool Holds(IIndex index, string column) =>
        index.Properties.Any(p => p.Name == column) || index.GetFilter()?.Contains($"\"{column}\"", StringComparison.Ordinal) == true;

    private static async Task<IEntityType> ModelAsync<TRecord>()
    {
        await using var host = await EngineTestHost.StartAsync(DatabaseProvider.Sqlite);
        return await host.QueryAsync(db => Task.FromResult(db.Context.Model.FindEntityType(typeof(TRecord))!));
    }
}
