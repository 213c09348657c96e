using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Engine.Tests.Runtime;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Engine.Tests.Persistence;

/// <summary>
/// Issue 19: a candidate row carries the definition key of its task's process, so that an index can hold one process's
/// candidate rows only (the outgoing list's, migration <c>OutgoingTaskIndexes</c>). Every writer stores it: the step that
/// offers the task (SaveChanges on SQLite, the batch writer on PostgreSQL) and the hand-over that offers it to others.
/// </summary>
[TestClass]
public sealed class CandidateDefinitionKeyTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Issue19_candidate_rows_carry_their_process_key_when_the_task_is_offered_and_when_it_is_handed_over(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(Bpmn.Process("""<bpmn:startEvent id="s"/>""" + Bpmn.UserTask("review", candidateGroups: "gdtrh,khtc")
            + """<bpmn:endEvent id="e"/>""" + Bpmn.Chain("s", "review", "e")));
        var task = await host.TaskAsync(instance.Id, "review");

        CollectionAssert.AreEqual(new[] { $"gdtrh:{instance.DefinitionKey}", $"khtc:{instance.DefinitionKey}" }, await RowsAsync(host, task.Id),
            "offered by the step");

        await host.InScopeAsync(runtime => runtime.HandOverTaskAsync(task.Id, ["chuyenvien", "gdtrh"], null, "truongphong", CancellationToken.None));

        CollectionAssert.AreEqual(new[] { $"chuyenvien:{instance.DefinitionKey}", $"gdtrh:{instance.DefinitionKey}" }, await RowsAsync(host, task.Id),
            "offered by the hand-over");
    }

    private static Task<List<string>> RowsAsync(EngineTestHost host, Guid task) =>
        host.QueryAsync(db => db.Candidates.AsNoTracking().Where(c => c.BookmarkId == task).OrderBy(c => c.Value)
            .Select(c => c.Value + ":" + c.DefinitionKey).ToListAsync());
}
