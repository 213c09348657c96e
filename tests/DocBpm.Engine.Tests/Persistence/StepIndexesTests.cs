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

    private static bool Holds(IIndex index, string column) =>
        index.Properties.Any(p => p.Name == column) || index.GetFilter()?.Contains($"\"{column}\"", StringComparison.Ordinal) == true;

    private static async Task<IEntityType> ModelAsync<TRecord>()
    {
        await using var host = await EngineTestHost.StartAsync(DatabaseProvider.Sqlite);
        return await host.QueryAsync(db => Task.FromResult(db.Context.Model.FindEntityType(typeof(TRecord))!));
    }
}
