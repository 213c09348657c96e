using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DocBpm.Engine.Tests.Runtime.Bpmn;

namespace DocBpm.Engine.Tests.Runtime;

/// <summary>
/// Call activities at their edges: a called element that names no process, an out mapping that fails, a BPMN error that
/// ends a called instance with other branches still live, an escalation caught around the call, and the history of each.
/// </summary>
[TestClass]
public sealed class CallRulesTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    private const string Late = """<bpmn:escalation id="late" escalationCode="LATE"/>""";

    /// <summary>The called process: a review task, after an escalation when <c>late</c>.</summary>
    private static string Child() => Process("""<bpmn:startEvent id="s"/><bpmn:exclusiveGateway id="when" default="onTime"/>"""
        + """<bpmn:intermediateThrowEvent id="raise"><bpmn:escalationEventDefinition escalationRef="late"/></bpmn:intermediateThrowEvent>"""
        + UserTask("review") + """<bpmn:endEvent id="e"/>""" + Chain("s", "when") + Flow("isLate", "when", "raise", "late")
        + Flow("onTime", "when", "review") + Chain("raise", "review", "e"), id: "child", definitions: Late);

    /// <summary>The caller: it calls the process named by <c>target</c> with all its variables, then waits at "after".</summary>
    private static string Caller(string mappings, string beside = "") => Process(
        $"""<bpmn:startEvent id="s"/><bpmn:callActivity id="call" calledElement="=target"><bpmn:extensionElements><docbpm:in variables="all"/>{mappings}</bpmn:extensionElements></bpmn:callActivity>"""
        + beside + UserTask("after") + """<bpmn:endEvent id="e"/>""" + Chain("s", "call", "after", "e"), id: "caller", definitions: Late);

    private static Task<InstanceRecord> ChildOfAsync(EngineTestHost host, Guid parentId) =>
        host.QueryAsync(db => db.Instances.AsNoTracking().SingleAsync(i => i.ParentInstanceId == parentId));

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_call_activity_whose_called_element_gives_no_process_key_is_refused_naming_it_and_stores_nothing(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        await host.DeployAsync(Caller(""));

        var refused = await Assert.ThrowsExactlyAsync<ProcessExecutionException>(() => host.InScopeAsync(r =>
            r.StartAsync(new StartRequest("caller", EngineTestHost.Variables(new { target = " " })), CancellationToken.None)));

        Assert.AreEqual("call", refused.ElementId);
        StringAssert.Contains(refused.Reason, "gave no process key");
        Assert.AreEqual(0, await host.QueryAsync(db => db.Instances.CountAsync()));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_call_activity_and_its_child_are_in_the_callers_history(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        await host.DeployAsync(Child());

        var parent = await host.StartAsync(Caller(""), new { target = "child", late = false });

        var child = await ChildOfAsync(host, parent.Id);
        CollectionAssert.AreEqual(new[] { "call:started", $"call:called (child {child.Id})" }, await History.OfAsync(host, parent.Id, "call"));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_call_activity_out_mapping_that_fails_leaves_the_caller_waiting_and_names_the_mapping(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        await host.DeployAsync(Child());
        var parent = await host.StartAsync(Caller("""<docbpm:out source="missing.field" target="decision"/>"""), new { target = "child", late = false });
        var child = await ChildOfAsync(host, parent.Id);
        await host.CompleteAsync(child.Id, "review");

        await host.DeliverOutboxAsync();

        CollectionAssert.AreEqual(new[] { "call" }, await host.WaitingAtAsync(parent.Id));
        Assert.IsNull(await host.VariableAsync(parent.Id, "decision"));
        var undelivered = await host.QueryAsync(db => db.Outbox.AsNoTracking().SingleAsync(o => o.DeliveredAt == null));
        StringAssert.Contains(undelivered.LastError, "call: out mapping to 'decision' failed");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_child_escalation_caught_by_an_event_subprocess_around_the_call_gets_the_out_mappings_and_is_in_the_history(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        await host.DeployAsync(Child());
        var parent = await host.StartAsync(Caller("""<docbpm:out source="reason" target="lateBecause"/>""",
            """<bpmn:subProcess id="handleLate" triggeredByEvent="true"><bpmn:startEvent id="onLate" isInterrupting="false"><bpmn:escalationEventDefinition escalationRef="late"/></bpmn:startEvent>"""
            + UserTask("chase") + """<bpmn:endEvent id="eLate"/>""" + Chain("onLate", "chase", "eLate") + "</bpmn:subProcess>"),
            new { target = "child", late = true, reason = "overdue" });

        await host.DeliverOutboxAsync();

        CollectionAssert.AreEqual(new[] { "call", "chase" }, await host.WaitingAtAsync(parent.Id));
        Assert.AreEqual("overdue", (string?)await host.VariableAsync(parent.Id, "lateBecause"));
        CollectionAssert.Contains(await History.OfAsync(host, parent.Id, "call"), "call:escalated [LATE] (from the called instance)");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_error_ending_a_called_instance_drops_its_other_branches_tokens_and_tasks_before_the_caller_catches_it(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        await host.DeployAsync(Process("""<bpmn:startEvent id="s"/><bpmn:parallelGateway id="fork"/>"""
            + """<bpmn:subProcess id="check"><bpmn:startEvent id="cs"/><bpmn:endEvent id="deny"><bpmn:errorEventDefinition errorRef="err"/></bpmn:endEvent>"""
            + Chain("cs", "deny") + "</bpmn:subProcess>" + UserTask("review") + """<bpmn:endEvent id="e"/>"""
            + Chain("s", "fork", "check", "e") + Chain("fork", "review", "e"), id: "child", definitions: Error("err", "DENIED")));
        var parent = await host.StartAsync(Caller("", """<bpmn:boundaryEvent id="denied" attachedToRef="call"><bpmn:errorEventDefinition errorRef="err"/></bpmn:boundaryEvent>"""
            + UserTask("explain") + """<bpmn:endEvent id="e2"/>""" + Chain("denied", "explain", "e2")).Replace("<bpmn:process", Error("err", "DENIED") + "<bpmn:process", StringComparison.Ordinal),
            new { target = "child" });
        var child = await ChildOfAsync(host, parent.Id);

        var state = InstanceState.Deserialize(child.State);
        Assert.AreEqual(InstanceStatus.Terminated, child.Status);
        Assert.AreEqual((0, 0), (state.Tokens.Count, state.Bookmarks.Count), "nothing of the child is left live");
        Assert.AreEqual(ScopeKind.Process, state.Scopes.Single().Kind, "only the process scope is left");
        Assert.AreEqual(0, (await host.ActiveBookmarksAsync(child.Id)).Count, "the review left every list");
        await host.DeliverOutboxAsync();
        CollectionAssert.AreEqual(new[] { "explain" }, await host.WaitingAtAsync(parent.Id));
    }
}
