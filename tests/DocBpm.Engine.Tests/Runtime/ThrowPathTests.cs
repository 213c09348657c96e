using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Engine.Tests.Infrastructure;
using static DocBpm.Engine.Tests.Runtime.Bpmn;

namespace DocBpm.Engine.Tests.Runtime;

/// <summary>
/// Throw events as the monitor and the receivers see them: a link's both ends on the path, every message thrown
/// delivered to its own receiver, an escalation nothing catches recorded and its path ended once.
/// </summary>
[TestClass]
public sealed class ThrowPathTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;


    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_link_throw_and_its_catch_event_are_both_on_the_path_and_in_the_history(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);

        var instance = await host.StartAsync(Process("""<bpmn:startEvent id="s"/><bpmn:intermediateThrowEvent id="go"><bpmn:linkEventDefinition name="page2"/></bpmn:intermediateThrowEvent>"""
            + """<bpmn:intermediateCatchEvent id="arrive"><bpmn:linkEventDefinition name="page2"/></bpmn:intermediateCatchEvent>"""
            + UserTask("there") + """<bpmn:endEvent id="e"/>""" + Chain("s", "go") + Chain("arrive", "there", "e")));

        CollectionAssert.AreEqual(new[] { "s", "go", "arrive" }, await History.PathAsync(host, instance.Id));
        CollectionAssert.AreEqual(new[] { "arrive:started" }, await History.OfAsync(host, instance.Id, "arrive"));
    }

    /// <summary>A process waiting at "wait" for the message "done" with its own document id.</summary>
    private static string Receiver() => Process("""<bpmn:startEvent id="s"/><bpmn:intermediateCatchEvent id="wait">""" + MessageCatch("m", "=docId")
        + "</bpmn:intermediateCatchEvent>" + UserTask("next") + """<bpmn:endEvent id="e"/>""" + Chain("s", "wait", "next", "e"),
        id: "receiver", definitions: Message("m", "done"));

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_messages_thrown_by_two_instances_at_the_same_instant_each_reach_their_receiver(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var first = await host.StartAsync(Receiver(), new { docId = "D-1" });
        var second = await host.StartAsync(Receiver(), new { docId = "D-2" });
        var sender = Process("""<bpmn:startEvent id="s"/><bpmn:endEvent id="tell">""" + MessageCatch("m", "=docId") + "</bpmn:endEvent>"
            + Chain("s", "tell"), id: "sender", definitions: Message("m", "done"));
        var tellsFirst = await host.StartAsync(sender, new { docId = "D-1" });
        await host.StartAsync(sender, new { docId = "D-2" });

        await host.DeliverOutboxAsync();

        CollectionAssert.AreEqual(new[] { "next" }, await host.WaitingAtAsync(first.Id));
        CollectionAssert.AreEqual(new[] { "next" }, await host.WaitingAtAsync(second.Id));
        CollectionAssert.AreEqual(new[] { "tell:started", "tell:thrown (done)" }, await History.OfAsync(host, tellsFirst.Id, "tell"));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_message_thrown_twice_in_one_step_by_a_loop_reaches_both_receivers(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var first = await host.StartAsync(Receiver(), new { docId = "D-1" });
        var second = await host.StartAsync(Receiver(), new { docId = "D-2" });

        var sender = await host.StartAsync(Process("""<bpmn:startEvent id="s"/>"""
            + """<bpmn:scriptTask id="count" scriptFormat="javascript"><bpmn:script>n = (typeof n === 'number' ? n : 0) + 1</bpmn:script></bpmn:scriptTask>"""
            + """<bpmn:intermediateThrowEvent id="tell">""" + MessageCatch("m", "='D-' + n") + "</bpmn:intermediateThrowEvent>"
            + """<bpmn:exclusiveGateway id="more" default="enough"/><bpmn:endEvent id="e"/>"""
            + Chain("s", "count", "tell", "more") + Flow("again", "more", "count", "n < 2") + Flow("enough", "more", "e"),
            id: "sender", definitions: Message("m", "done")));

        Assert.AreEqual(InstanceStatus.Completed, sender.Status);
        Assert.AreEqual(2, await host.DeliverOutboxAsync());
        CollectionAssert.AreEqual(new[] { "next" }, await host.WaitingAtAsync(first.Id));
        CollectionAssert.AreEqual(new[] { "next" }, await host.WaitingAtAsync(second.Id));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_parallel_multi_instance_send_task_delivers_one_message_per_item_in_the_same_step(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var first = await host.StartAsync(Receiver(), new { docId = "D-1" });
        var second = await host.StartAsync(Receiver(), new { docId = "D-2" });

        var sender = await host.StartAsync(Process("""<bpmn:startEvent id="s"/>"""
            + """<bpmn:sendTask id="tell"><bpmn:extensionElements><docbpm:activity type="PublishMessage">"""
            + """<docbpm:input name="messageName" expression="'done'"/><docbpm:input name="correlationKey" expression="docId"/>"""
            + """</docbpm:activity></bpmn:extensionElements>"""
            + """<bpmn:multiInstanceLoopCharacteristics isSequential="false"><bpmn:extensionElements>"""
            + """<docbpm:loop collection="=docs" elementVariable="docId"/></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics></bpmn:sendTask>"""
            + """<bpmn:endEvent id="e"/>""" + Chain("s", "tell", "e"), id: "sender"), new { docs = new[] { "D-1", "D-2" } });

        Assert.AreEqual(InstanceStatus.Completed, sender.Status);
        Assert.AreEqual(2, await host.DeliverOutboxAsync(), "both sends of the one step leave the outbox");
        CollectionAssert.AreEqual(new[] { "next" }, await host.WaitingAtAsync(first.Id));
        CollectionAssert.AreEqual(new[] { "next" }, await host.WaitingAtAsync(second.Id));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_escalation_end_event_nothing_catches_ends_its_path_once_and_is_recorded_with_its_code(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);

        var instance = await host.StartAsync(Process("""<bpmn:startEvent id="s"/><bpmn:parallelGateway id="fork"/>""" + UserTask("work")
            + """<bpmn:endEvent id="raise"><bpmn:escalationEventDefinition escalationRef="esc"/></bpmn:endEvent><bpmn:endEvent id="e"/>"""
            + Chain("s", "fork", "raise") + Chain("fork", "work", "e"), definitions: """<bpmn:escalation id="esc" escalationCode="LATE"/>"""));

        CollectionAssert.AreEqual(new[] { "s", "raise" }, await History.PathAsync(host, instance.Id));
        CollectionAssert.AreEqual(new[] { "raise:started", "raise:escalated [LATE]" }, await History.OfAsync(host, instance.Id, "raise"));
        CollectionAssert.AreEqual(new[] { "work" }, await host.WaitingAtAsync(instance.Id));
        Assert.AreEqual(InstanceStatus.Completed, (await host.CompleteAsync(instance.Id, "work")).Status);
    }
}
