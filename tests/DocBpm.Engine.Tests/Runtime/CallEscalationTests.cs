using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DocBpm.Engine.Tests.Runtime.Bpmn;

namespace DocBpm.Engine.Tests.Runtime;

/// <summary>
/// Escalations a called process does not catch reach its caller's call activity (Camunda 7): its escalation boundary
/// events, interrupting or not, or an escalation event subprocess around it; the child goes on unless interrupted.
/// </summary>
[TestClass]
public sealed class CallEscalationTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    private const string Late = """<bpmn:escalation id="late" escalationCode="LATE"/>""";

    /// <summary>The called process: it escalates LATE, then waits at a review task.</summary>
    private static string Child() => Process(
        """<bpmn:startEvent id="s"/><bpmn:intermediateThrowEvent id="raise"><bpmn:escalationEventDefinition escalationRef="late"/></bpmn:intermediateThrowEvent>"""
        + UserTask("review") + """<bpmn:endEvent id="e"/>""" + Chain("s", "raise", "review", "e"),
        id: "child", definitions: Late);

    private static string Caller(string catcher) => Process(
        """<bpmn:startEvent id="s"/><bpmn:callActivity id="call" calledElement="child">"""
        + """<bpmn:extensionElements><docbpm:in source="'overdue'" target="reason"/><docbpm:out source="reason" target="lateBecause"/></bpmn:extensionElements></bpmn:callActivity>"""
        + catcher + UserTask("after") + """<bpmn:endEvent id="e"/>""" + Chain("s", "call", "after", "e"),
        id: "caller", definitions: Late + """<bpmn:escalation id="other" escalationCode="OTHER"/>""");

    /// <summary>An escalation boundary on the call activity, leading to a chase task.</summary>
    private static string Boundary(bool interrupting, string escalationRef = "late") =>
        $"""<bpmn:boundaryEvent id="onLate" attachedToRef="call" cancelActivity="{(interrupting ? "true" : "false")}"><bpmn:escalationEventDefinition escalationRef="{escalationRef}"/></bpmn:boundaryEvent>"""
        + UserTask("chase") + """<bpmn:endEvent id="e2"/>""" + Chain("onLate", "chase", "e2");

    private static async Task<(EngineTestHost Host, Guid Parent, Guid Child)> StartAsync(DatabaseProvider provider, string caller)
    {
        var host = await EngineTestHost.StartAsync(provider);
        await host.DeployAsync(Child());
        var parent = await host.StartAsync(caller);
        var child = await host.QueryAsync(db => db.Instances.AsNoTracking().SingleAsync(i => i.ParentInstanceId == parent.Id));
        return (host, parent.Id, child.Id);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_child_escalation_reaches_an_interrupting_boundary_of_the_call_activity_which_cancels_the_child(DatabaseProvider provider)
    {
        var (host, parent, child) = await StartAsync(provider, Caller(Boundary(interrupting: true)));
        await using var _ = host;
        Assert.AreEqual("review", (await host.ActiveBookmarksAsync(child)).Single().ElementId, "the child goes on until its caller takes the escalation");

        await host.DeliverOutboxAsync();

        CollectionAssert.AreEqual(new[] { "chase" }, await host.WaitingAtAsync(parent));
        Assert.AreEqual(InstanceStatus.Cancelled, (await host.InstanceAsync(child)).Status);
        Assert.AreEqual("overdue", (string?)await host.VariableAsync(parent, "lateBecause"), "the call's out mappings reach the catcher");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_child_escalation_reaches_a_non_interrupting_boundary_and_the_child_goes_on_to_return(DatabaseProvider provider)
    {
        var (host, parent, child) = await StartAsync(provider, Caller(Boundary(interrupting: false)));
        await using var _ = host;

        await host.DeliverOutboxAsync();

        CollectionAssert.AreEqual(new[] { "call", "chase" }, await host.WaitingAtAsync(parent));
        Assert.AreEqual(InstanceStatus.Running, (await host.InstanceAsync(child)).Status);
        await host.CompleteAsync(child, "review");
        await host.DeliverOutboxAsync();
        CollectionAssert.AreEqual(new[] { "after", "chase" }, await host.WaitingAtAsync(parent));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_child_escalation_starts_an_escalation_event_subprocess_around_the_call_activity(DatabaseProvider provider)
    {
        var (host, parent, _) = await StartAsync(provider, Caller(
            """<bpmn:subProcess id="handleLate" triggeredByEvent="true"><bpmn:startEvent id="onLate" isInterrupting="false"><bpmn:escalationEventDefinition escalationRef="late"/></bpmn:startEvent>"""
            + UserTask("chaseHere") + """<bpmn:endEvent id="eLate"/>""" + Chain("onLate", "chaseHere", "eLate") + "</bpmn:subProcess>"));
        await using var __ = host;

        await host.DeliverOutboxAsync();

        CollectionAssert.AreEqual(new[] { "call", "chaseHere" }, await host.WaitingAtAsync(parent));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_child_escalation_nothing_catches_changes_nothing_in_the_caller_and_the_child_goes_on(DatabaseProvider provider)
    {
        var (host, parent, child) = await StartAsync(provider, Caller(Boundary(interrupting: true, escalationRef: "other")));
        await using var _ = host;

        await host.DeliverOutboxAsync();

        CollectionAssert.AreEqual(new[] { "call" }, await host.WaitingAtAsync(parent));
        Assert.IsNull(await host.VariableAsync(parent, "lateBecause"));
        await host.CompleteAsync(child, "review");
        await host.DeliverOutboxAsync();
        CollectionAssert.AreEqual(new[] { "after" }, await host.WaitingAtAsync(parent));
    }
}
