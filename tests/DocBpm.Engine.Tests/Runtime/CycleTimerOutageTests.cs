using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Engine.Tests.Infrastructure;
using static DocBpm.Engine.Tests.Runtime.Bpmn;

namespace DocBpm.Engine.Tests.Runtime;

/// <summary>
/// What a cycle timer does after the hosts were down across several of its periods (docs/bpmn-extensions.md, Timers):
/// it fires once for every period it missed, in order, and then waits for the next period from its schedule, not from
/// the moment the hosts came back.
/// </summary>
[TestClass]
public sealed class CycleTimerOutageTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task A_cycle_boundary_timer_fires_once_per_period_missed_while_the_hosts_were_down_and_keeps_its_schedule(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(Process("""<bpmn:startEvent id="s"/>""" + UserTask("process")
            + """<bpmn:boundaryEvent id="b" attachedToRef="process" cancelActivity="false">""" + Timer("timeCycle", "R/PT1H")
            + "</bpmn:boundaryEvent>" + UserTask("remind") + """<bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>"""
            + Flow("f0", "s", "process") + Flow("f1", "process", "e1") + Flow("f2", "b", "remind") + Flow("f3", "remind", "e2")));
        var armedAt = host.Clock.GetUtcNow();

        Assert.AreEqual(3, await host.AdvanceAsync(TimeSpan.FromMinutes(210)), "three periods passed unseen: three reminders");

        var open = await host.ActiveBookmarksAsync(instance.Id);
        Assert.AreEqual(3, open.Count(b => b.ElementId == "remind"));
        Assert.AreEqual(armedAt.AddHours(4), open.Single(b => b.Kind == BookmarkKind.Timer).DueAt,
            "the next reminder is due on the cycle's own schedule, not an hour after the hosts came back");
        Assert.AreEqual(0, await host.AdvanceAsync(TimeSpan.FromMinutes(29)));
        Assert.AreEqual(1, await host.AdvanceAsync(TimeSpan.FromMinutes(1)));
    }
}
