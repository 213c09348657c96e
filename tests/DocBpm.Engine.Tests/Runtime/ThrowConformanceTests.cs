using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Engine.Tests.Infrastructure;
using static DocBpm.Engine.Tests.Runtime.Bpmn;

namespace DocBpm.Engine.Tests.Runtime;

/// <summary>Signals, message throw and end events, links and escalations, on every database.</summary>
[TestClass]
public sealed class ThrowConformanceTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    private const string AlarmSignal = """<bpmn:signal id="sig" name="alarm"/>""";

    private static Task<SignalResult> SignalAsync(EngineTestHost host, string name) =>
        host.InScopeAsync(r => r.SignalAsync(new SignalRequest(name), CancellationToken.None));

    private static readonly string WaitForAlarm = Process(
        """<bpmn:startEvent id="s"/><bpmn:intermediateCatchEvent id="wait"><bpmn:signalEventDefinition signalRef="sig"/></bpmn:intermediateCatchEvent>"""
        + UserTask("next") + """<bpmn:endEvent id="e"/>""" + Chain("s", "wait", "next", "e"), id: "waiter", definitions: AlarmSignal);

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_signal_is_broadcast_to_every_waiting_instance(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var first = await host.StartAsync(WaitForAlarm);
        var second = await host.StartAsync(WaitForAlarm);

        var result = await SignalAsync(host, "alarm");

        CollectionAssert.AreEquivalent(new[] { first.Id, second.Id }, result.Resumed.ToArray());
        Assert.AreEqual("next", (await host.ActiveBookmarksAsync(first.Id)).Single().ElementId);
        Assert.AreEqual("next", (await host.ActiveBookmarksAsync(second.Id)).Single().ElementId);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_signal_start_event_starts_the_latest_version(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        await host.DeployAsync(Process("""<bpmn:startEvent id="s"><bpmn:signalEventDefinition signalRef="sig"/></bpmn:startEvent>"""
            + UserTask("react") + """<bpmn:endEvent id="e"/>""" + Chain("s", "react", "e"), id: "reactor", definitions: AlarmSignal));

        var result = await SignalAsync(host, "alarm");

        Assert.AreEqual("react", (await host.ActiveBookmarksAsync(result.Started.Single())).Single().ElementId);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_signal_boundary_event_interrupts_the_task(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(Process("""<bpmn:startEvent id="s"/>""" + UserTask("work")
            + """<bpmn:boundaryEvent id="stop" attachedToRef="work"><bpmn:signalEventDefinition signalRef="sig"/></bpmn:boundaryEvent>"""
            + UserTask("stopped") + """<bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>""" + Chain("s", "work", "e1") + Chain("stop", "stopped", "e2"),
            definitions: AlarmSignal));

        await SignalAsync(host, "alarm");

        Assert.AreEqual("stopped", (await host.ActiveBookmarksAsync(instance.Id)).Single().ElementId);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_signal_throw_event_reaches_waiting_instances_after_its_step_commits(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var waiter = await host.StartAsync(WaitForAlarm);
        var thrower = await host.StartAsync(Process("""<bpmn:startEvent id="s"/><bpmn:intermediateThrowEvent id="raise"><bpmn:signalEventDefinition signalRef="sig"/></bpmn:intermediateThrowEvent>"""
            + UserTask("after") + """<bpmn:endEvent id="e"/>""" + Chain("s", "raise", "after", "e"), id: "thrower", definitions: AlarmSignal));
        Assert.AreEqual("wait", (await host.ActiveBookmarksAsync(waiter.Id)).Single().ElementId, "not before the outbox delivers it");

        Assert.AreEqual(1, await host.DeliverOutboxAsync());

        Assert.AreEqual("next", (await host.ActiveBookmarksAsync(waiter.Id)).Single().ElementId);
        Assert.AreEqual("after", (await host.ActiveBookmarksAsync(thrower.Id)).Single().ElementId);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_message_end_event_sends_its_message_with_its_correlation_key_through_the_outbox(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var waiter = await host.StartAsync(Process("""<bpmn:startEvent id="s"/><bpmn:intermediateCatchEvent id="wait">""" + MessageCatch("m", "=docId")
            + "</bpmn:intermediateCatchEvent>" + UserTask("next") + """<bpmn:endEvent id="e"/>""" + Chain("s", "wait", "next", "e"),
            id: "receiver", definitions: Message("m", "done")), new { docId = "D-7" });
        var sender = await host.StartAsync(Process("""<bpmn:startEvent id="s"/><bpmn:endEvent id="tell">""" + MessageCatch("m", "=docId")
            + "</bpmn:endEvent>" + Chain("s", "tell"), id: "sender", definitions: Message("m", "done")), new { docId = "D-7" });

        Assert.AreEqual(InstanceStatus.Completed, sender.Status);
        await host.DeliverOutboxAsync();

        Assert.AreEqual("next", (await host.ActiveBookmarksAsync(waiter.Id)).Single().ElementId);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_link_throw_event_continues_at_the_catch_event_of_its_name(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(Process("""<bpmn:startEvent id="s"/><bpmn:intermediateThrowEvent id="go"><bpmn:linkEventDefinition name="page2"/></bpmn:intermediateThrowEvent>"""
            + """<bpmn:intermediateCatchEvent id="arrive"><bpmn:linkEventDefinition name="page2"/></bpmn:intermediateCatchEvent>"""
            + UserTask("there") + """<bpmn:endEvent id="e"/>""" + Chain("s", "go") + Chain("arrive", "there", "e")));

        Assert.AreEqual("there", (await host.ActiveBookmarksAsync(instance.Id)).Single().ElementId);
    }

    private static string Escalating(string inner, bool interrupting) => Process(
        """<bpmn:startEvent id="s"/><bpmn:subProcess id="sub"><bpmn:startEvent id="ss"/>""" + inner + "</bpmn:subProcess>"
        + $"""<bpmn:boundaryEvent id="late" attachedToRef="sub" cancelActivity="{(interrupting ? "true" : "false")}"><bpmn:escalationEventDefinition escalationRef="esc"/></bpmn:boundaryEvent>"""
        + UserTask("chase") + UserTask("after") + """<bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>"""
        + Chain("s", "sub", "after", "e1") + Chain("late", "chase", "e2"),
        definitions: """<bpmn:escalation id="esc" escalationCode="LATE"/>""");

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_escalation_caught_by_a_non_interrupting_boundary_lets_the_subprocess_go_on(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var xml = Escalating("""<bpmn:intermediateThrowEvent id="raise"><bpmn:escalationEventDefinition escalationRef="esc"/></bpmn:intermediateThrowEvent>"""
            + UserTask("inside") + """<bpmn:endEvent id="se"/>""" + Chain("ss", "raise", "inside", "se"), interrupting: false);

        var instance = await host.StartAsync(xml);

        CollectionAssert.AreEquivalent(new[] { "inside", "chase" }, (await host.ActiveBookmarksAsync(instance.Id)).Select(b => b.ElementId).ToArray());
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_escalation_end_event_caught_by_an_interrupting_boundary_ends_the_subprocess(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var xml = Escalating("""<bpmn:parallelGateway id="fork"/>""" + UserTask("inside") + """<bpmn:endEvent id="raise"><bpmn:escalationEventDefinition escalationRef="esc"/></bpmn:endEvent><bpmn:endEvent id="se"/>"""
            + Flow("a", "ss", "fork") + Flow("b", "fork", "inside") + Flow("c", "fork", "raise") + Chain("inside", "se"), interrupting: true);

        var instance = await host.StartAsync(xml);

        Assert.AreEqual("chase", (await host.ActiveBookmarksAsync(instance.Id)).Single().ElementId);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_escalation_nothing_catches_is_not_an_error_and_the_path_goes_on(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(Process("""<bpmn:startEvent id="s"/><bpmn:intermediateThrowEvent id="raise"><bpmn:escalationEventDefinition escalationRef="esc"/></bpmn:intermediateThrowEvent>"""
            + UserTask("after") + """<bpmn:endEvent id="e"/>""" + Chain("s", "raise", "after", "e"), definitions: """<bpmn:escalation id="esc" escalationCode="LATE"/>"""));

        Assert.AreEqual("after", (await host.ActiveBookmarksAsync(instance.Id)).Single().ElementId);
    }
}
