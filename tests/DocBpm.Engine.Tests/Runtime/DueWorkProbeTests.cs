using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Engine.Tests.Infrastructure;
using static DocBpm.Engine.Tests.Runtime.Bpmn;

namespace DocBpm.Engine.Tests.Runtime;

/// <summary>
/// The one read an idle host's sweep makes before claiming anything (<see cref="WorkflowRuntime.AnyDueAsync"/>): it must
/// answer yes whenever a pass would find work of any kind, or that work would wait for nothing.
/// </summary>
[TestClass]
public sealed class DueWorkProbeTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task A_timer_is_due_once_its_time_comes_and_not_before(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        await host.StartAsync(Waiting("PT4H"));

        Assert.IsFalse(await AnyDueAsync(host), "nothing is due for four hours");
        host.Clock.Advance(TimeSpan.FromHours(4));
        Assert.IsTrue(await AnyDueAsync(host));
        Assert.AreEqual(1, await host.SweepAsync());
        Assert.IsFalse(await AnyDueAsync(host), "the fired timer is due no more");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task A_timer_another_host_has_claimed_still_counts_as_due_so_that_its_expired_claim_is_found(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        await host.StartAsync(Waiting("PT1H"));
        host.Clock.Advance(TimeSpan.FromHours(1));
        await host.InScopeAsync(runtime => runtime.ClaimDueAsync("gone", 10, TimeSpan.FromMinutes(2), CancellationToken.None));

        Assert.IsTrue(await AnyDueAsync(host));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task A_timer_start_event_is_due_when_its_cycle_comes(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        await host.DeployAsync(Process("<bpmn:startEvent id=\"daily\">" + Timer("timeCycle", "R2/P1D") + "</bpmn:startEvent>"
            + """<bpmn:endEvent id="e"/>""" + Chain("daily", "e"), id: "daily"));

        Assert.IsFalse(await AnyDueAsync(host));
        host.Clock.Advance(TimeSpan.FromDays(1));
        Assert.IsTrue(await AnyDueAsync(host));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task An_outbox_message_is_due_until_it_is_delivered(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        await host.StartAsync(Process("""<bpmn:startEvent id="s"/><bpmn:intermediateCatchEvent id="wait">""" + MessageCatch("m", "=docId")
            + """</bpmn:intermediateCatchEvent><bpmn:endEvent id="e"/>""" + Chain("s", "wait", "e"), id: "receiver", definitions: Message("m", "done")),
            new { docId = "D-1" });
        await host.StartAsync(Process("""<bpmn:startEvent id="s"/><bpmn:endEvent id="tell">""" + MessageCatch("m", "=docId") + "</bpmn:endEvent>"
            + Chain("s", "tell"), id: "sender", definitions: Message("m", "done")), new { docId = "D-1" });

        Assert.IsTrue(await AnyDueAsync(host));
        Assert.AreEqual(1, await host.DeliverOutboxAsync());
        Assert.IsFalse(await AnyDueAsync(host));
    }

    /// <summary>A process that waits <paramref name="duration"/> at a timer, then ends.</summary>
    private static string Waiting(string duration) => Process("""<bpmn:startEvent id="s"/><bpmn:intermediateCatchEvent id="wait">"""
        + Timer("timeDuration", duration) + """</bpmn:intermediateCatchEvent><bpmn:endEvent id="e"/>""" + Chain("s", "wait", "e"));

    private static Task<bool> AnyDueAsync(EngineTestHost host) => host.InScopeAsync(runtime => runtime.AnyDueAsync(CancellationToken.None));
}
