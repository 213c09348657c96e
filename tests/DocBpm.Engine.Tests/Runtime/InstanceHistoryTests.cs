using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DocBpm.Engine.Tests.Runtime.Bpmn;

namespace DocBpm.Engine.Tests.Runtime;

/// <summary>What the instance history an administrator reads says of a boundary event, a loop or a condition.</summary>
[TestClass]
public sealed class InstanceHistoryTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    private static string TaskWithTimerBoundary(bool interrupting) => Process("""<bpmn:startEvent id="s"/>""" + UserTask("process")
        + $"""<bpmn:boundaryEvent id="late" attachedToRef="process" cancelActivity="{(interrupting ? "true" : "false")}">"""
        + Timer("timeDuration", "P1D") + "</bpmn:boundaryEvent>"
        + UserTask("chase") + """<bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>""" + Chain("s", "process", "e1") + Chain("late", "chase", "e2"),
        id: interrupting ? "interrupting" : "alongside");

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_interrupting_boundary_shows_in_the_history_that_it_interrupted_the_task(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(TaskWithTimerBoundary(interrupting: true));

        await host.AdvanceAsync(TimeSpan.FromDays(1));

        var history = await HistoryAsync(host, instance.Id);
        CollectionAssert.Contains(history, ("process", "interrupted", "late"), "the task says which boundary took it away");
        CollectionAssert.Contains(history, ("late", "started", (string?)null));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_non_interrupting_boundary_shows_in_the_history_as_a_path_started_beside_the_task(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(TaskWithTimerBoundary(interrupting: false));

        await host.AdvanceAsync(TimeSpan.FromDays(1));

        var history = await HistoryAsync(host, instance.Id);
        CollectionAssert.Contains(history, ("late", "started", "non-interrupting"));
        Assert.IsFalse(history.Any(h => h.Event == "interrupted"), "the task was not interrupted");
        CollectionAssert.AreEqual(new[] { "chase", "process" }, await host.WaitingAtAsync(instance.Id));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_loop_tested_before_whose_condition_is_false_shows_in_the_history_as_completed_without_a_run(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var xml = Process("""<bpmn:startEvent id="s"/><bpmn:scriptTask id="count"><bpmn:standardLoopCharacteristics testBefore="true">"""
            + """<bpmn:loopCondition>runs &lt; 3</bpmn:loopCondition></bpmn:standardLoopCharacteristics><bpmn:script>runs = runs + 1</bpmn:script>"""
            + "</bpmn:scriptTask>" + UserTask("after") + """<bpmn:endEvent id="e"/>""" + Chain("s", "count", "after", "e"));

        var instance = await host.StartAsync(xml, new { runs = 5 });

        CollectionAssert.Contains(await HistoryAsync(host, instance.Id), ("count", "completed", "loop condition false before the first run"));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_conditional_catch_event_passed_at_once_shows_in_the_history_that_its_condition_already_held(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var xml = Process("""<bpmn:startEvent id="s"/><bpmn:intermediateCatchEvent id="whenApproved"><bpmn:conditionalEventDefinition>"""
            + """<bpmn:condition xsi:type="bpmn:tFormalExpression">approved</bpmn:condition></bpmn:conditionalEventDefinition>"""
            + "</bpmn:intermediateCatchEvent>" + UserTask("publish") + """<bpmn:endEvent id="e"/>""" + Chain("s", "whenApproved", "publish", "e"));

        var instance = await host.StartAsync(xml, new { approved = true });

        CollectionAssert.Contains(await HistoryAsync(host, instance.Id), ("whenApproved", "completed", "condition already true"));
    }

    private static Task<List<(string ElementId, string Event, string? Detail)>> HistoryAsync(EngineTestHost host, Guid instanceId) =>
        host.QueryAsync(async db => (await db.Journal.AsNoTracking().Where(j => j.InstanceId == instanceId).OrderBy(j => j.Id)
            .Select(j => new { j.ElementId, j.Event, j.Detail }).ToListAsync())
            .Select(j => (j.ElementId, j.Event, j.Detail)).ToList());
}
