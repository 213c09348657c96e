using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DocBpm.Engine.Tests.Runtime.Bpmn;

namespace DocBpm.Engine.Tests.Runtime;

/// <summary>Compensation: boundary handlers, throw and end events, reverse order of completion.</summary>
[TestClass]
public sealed class CompensationTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    /// <summary>A script task that records its own id in <c>undone</c> when it runs as a handler.</summary>
    internal static string Undo(string id) =>
        $"""<bpmn:scriptTask id="{id}" isForCompensation="true" scriptFormat="javascript"><bpmn:script>undone = (typeof undone === 'undefined' ? [] : undone).concat(['{id}'])</bpmn:script></bpmn:scriptTask>""";

    internal static string Compensable(string task, string handler) => UserTask(task)
        + $"""<bpmn:boundaryEvent id="{task}Comp" attachedToRef="{task}"><bpmn:compensateEventDefinition/></bpmn:boundaryEvent>"""
        + Undo(handler) + $"""<bpmn:association id="{task}Assoc" associationDirection="One" sourceRef="{task}Comp" targetRef="{handler}"/>""";

    /// <summary>Book, then pay, then a decision: cancel (compensate everything, or only the payment) or keep.</summary>
    private static string Booking(string throwDefinition, bool byEndEvent) => Process("""<bpmn:startEvent id="s"/>"""
        + Compensable("book", "unbook") + Compensable("pay", "refund") + UserTask("decide")
        + (byEndEvent
            ? $"""<bpmn:endEvent id="undo">{throwDefinition}</bpmn:endEvent>""" + Chain("s", "book", "pay", "decide", "undo")
            : $"""<bpmn:intermediateThrowEvent id="undo">{throwDefinition}</bpmn:intermediateThrowEvent>""" + UserTask("after")
              + """<bpmn:endEvent id="e"/>""" + Chain("s", "book", "pay", "decide", "undo", "after", "e")));

    internal static async Task<List<string>> UndoneAsync(EngineTestHost host, Guid instanceId) =>
        [.. ((await host.VariableAsync(instanceId, "undone"))?.AsArray() ?? []).Select(n => (string)n!)];

    private static async Task<Guid> RunToDecisionAsync(EngineTestHost host, string xml)
    {
        var instance = await host.StartAsync(xml);
        await host.CompleteAsync(instance.Id, "book");
        await host.CompleteAsync(instance.Id, "pay");
        return instance.Id;
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_compensation_throw_event_undoes_completed_activities_in_reverse_order_then_goes_on(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var id = await RunToDecisionAsync(host, Booking("<bpmn:compensateEventDefinition/>", byEndEvent: false));

        await host.CompleteAsync(id, "decide");

        CollectionAssert.AreEqual(new[] { "refund", "unbook" }, await UndoneAsync(host, id));
        Assert.AreEqual("after", (await host.ActiveBookmarksAsync(id)).Single().ElementId);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_compensation_end_event_with_activity_ref_undoes_only_that_activity_and_ends(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var id = await RunToDecisionAsync(host, Booking("""<bpmn:compensateEventDefinition activityRef="pay"/>""", byEndEvent: true));

        var done = await host.CompleteAsync(id, "decide");

        CollectionAssert.AreEqual(new[] { "refund" }, await UndoneAsync(host, id));
        Assert.AreEqual(InstanceStatus.Completed, done.Status);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_compensation_waits_for_a_user_task_handler_before_the_next_one_and_survives_a_restart(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var xml = Booking("<bpmn:compensateEventDefinition/>", byEndEvent: false)
            .Replace(Undo("refund"), """<bpmn:userTask id="refund" isForCompensation="true"/>""", StringComparison.Ordinal);
        var id = await RunToDecisionAsync(host, xml);
        await host.CompleteAsync(id, "decide");
        Assert.AreEqual("refund", (await host.ActiveBookmarksAsync(id)).Single().ElementId);
        Assert.AreEqual(0, (await UndoneAsync(host, id)).Count, "unbook waits for the refund");
        await host.RestartAsync();

        await host.CompleteAsync(id, "refund");

        CollectionAssert.AreEqual(new[] { "unbook" }, await UndoneAsync(host, id));
        Assert.AreEqual("after", (await host.ActiveBookmarksAsync(id)).Single().ElementId);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_compensation_stored_by_an_earlier_version_as_handler_ids_goes_on_with_the_next_handler(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var xml = Booking("<bpmn:compensateEventDefinition/>", byEndEvent: false)
            .Replace(Undo("refund"), """<bpmn:userTask id="refund" isForCompensation="true"/>""", StringComparison.Ordinal);
        var id = await RunToDecisionAsync(host, xml);
        await host.CompleteAsync(id, "decide");
        await host.InScopeAsync(async runtime =>
        {
            var instance = await runtime.Db.Instances.SingleAsync(i => i.Id == id);
            var state = InstanceState.Deserialize(instance.State);
            var thrower = state.Tokens.Single(t => t.ElementId == "undo");
            Assert.AreEqual("unbook", thrower.Pending!.Single().HandlerId);
            (thrower.Pending, thrower.PendingHandlers) = (null, ["unbook"]);
            instance.State = state.Serialize();
            await runtime.Db.Context.SaveChangesAsync();
        });

        await host.CompleteAsync(id, "refund");

        CollectionAssert.AreEqual(new[] { "unbook" }, await UndoneAsync(host, id));
        Assert.AreEqual("after", (await host.ActiveBookmarksAsync(id)).Single().ElementId);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_compensation_of_an_activity_that_never_completed_runs_nothing(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(Process("""<bpmn:startEvent id="s"/><bpmn:exclusiveGateway id="gw" default="skip"/>"""
            + Compensable("book", "unbook") + """<bpmn:intermediateThrowEvent id="undo"><bpmn:compensateEventDefinition/></bpmn:intermediateThrowEvent>"""
            + UserTask("after") + """<bpmn:endEvent id="e"/>""" + Flow("f0", "s", "gw") + Flow("f1", "gw", "book", "false") + Flow("skip", "gw", "undo")
            + Chain("book", "undo", "after", "e")));

        Assert.AreEqual("after", (await host.ActiveBookmarksAsync(instance.Id)).Single().ElementId);
        Assert.AreEqual(0, (await UndoneAsync(host, instance.Id)).Count);
    }

    [TestMethod]
    public void Compensation_boundary_without_a_handler_is_refused()
    {
        var result = Model.BpmnParser.Parse(Process("""<bpmn:startEvent id="s"/>""" + UserTask("book")
            + """<bpmn:boundaryEvent id="comp" attachedToRef="book"><bpmn:compensateEventDefinition/></bpmn:boundaryEvent><bpmn:endEvent id="e"/>"""
            + Chain("s", "book", "e")), new Activities.ActivityRegistry([]));

        Assert.AreEqual("comp", result.Errors.Single().ElementId, string.Join("; ", result.Errors));
        StringAssert.Contains(result.Errors.Single().Message, "isForCompensation");
    }
}
