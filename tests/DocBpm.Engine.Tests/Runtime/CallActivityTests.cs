using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DocBpm.Engine.Tests.Runtime.Bpmn;

namespace DocBpm.Engine.Tests.Runtime;

/// <summary>Call activities: versions, variable mappings, errors to the caller, cancellation, restarts; on every database.</summary>
[TestClass]
public sealed class CallActivityTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    /// <summary>The called process: one review task, then an end, or an error end when the review refuses.</summary>
    private static string Review(string taskId = "review") => Process(
        $"""<bpmn:startEvent id="s"/>{UserTask(taskId)}<bpmn:exclusiveGateway id="ok" default="f_yes"/>"""
        + """<bpmn:endEvent id="e"/><bpmn:endEvent id="refused"><bpmn:errorEventDefinition errorRef="err"/></bpmn:endEvent>"""
        + Chain("s", taskId, "ok") + Flow("f_yes", "ok", "e") + Flow("f_no", "ok", "refused", "typeof refuse !== 'undefined' && refuse"),
        id: "review-process", definitions: Error("err", "REFUSED"));

    private static string Caller(string call = "", string callExtensions = "", string boundaries = "", string body = "") => Process(
        $"""<bpmn:startEvent id="s"/><bpmn:callActivity id="call" calledElement="review-process"{call}>"""
        + $"""<bpmn:extensionElements>{callExtensions}</bpmn:extensionElements></bpmn:callActivity>"""
        + boundaries + UserTask("after") + """<bpmn:endEvent id="e"/>""" + Chain("s", "call", "after", "e") + body,
        id: "caller");

    private const string Mappings = """<docbpm:in source="amount * 2" target="doubled"/><docbpm:out source="approved" target="decision"/>""";

    private static async Task<InstanceRecord> ChildOfAsync(EngineTestHost host, Guid parentId) =>
        await host.QueryAsync(db => db.Instances.AsNoTracking().SingleAsync(i => i.ParentInstanceId == parentId));

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_call_activity_starts_the_latest_version_with_its_in_mappings_and_waits(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        await host.DeployAsync(Review("oldReview"));
        await host.DeployAsync(Review());

        var parent = await host.StartAsync(Caller(callExtensions: Mappings), new { amount = 21, secret = "x" }, businessKey: "doc-1");

        var child = await ChildOfAsync(host, parent.Id);
        Assert.AreEqual(2, child.DefinitionVersion);
        Assert.AreEqual("doc-1", child.BusinessKey, "without docbpm:call businessKey the caller's key is passed");
        Assert.AreEqual("review", (await host.ActiveBookmarksAsync(child.Id)).Single().ElementId);
        Assert.AreEqual(42, (int)(await host.VariableAsync(child.Id, "doubled"))!);
        Assert.IsNull(await host.VariableAsync(child.Id, "secret"), "only mapped variables go in");
        var wait = (await host.ActiveBookmarksAsync(parent.Id)).Single();
        Assert.AreEqual((BookmarkKind.Call, "call"), (wait.Kind, wait.ElementId));
        Assert.AreEqual(parent.Id, child.ParentInstanceId);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_call_activity_pinned_to_a_version_calls_that_version(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        await host.DeployAsync(Review("oldReview"));
        await host.DeployAsync(Review());

        var parent = await host.StartAsync(Caller(callExtensions: """<docbpm:call version="1" businessKey="=code"/>"""), new { code = "K-9" });

        var child = await ChildOfAsync(host, parent.Id);
        Assert.AreEqual((1, "K-9"), (child.DefinitionVersion, child.BusinessKey));
        Assert.AreEqual("oldReview", (await host.ActiveBookmarksAsync(child.Id)).Single().ElementId);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_call_activity_completes_with_the_out_mappings_when_the_child_completes(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        await host.DeployAsync(Review());
        var parent = await host.StartAsync(Caller(callExtensions: Mappings), new { amount = 1 });
        var child = await ChildOfAsync(host, parent.Id);

        await host.CompleteAsync(child.Id, "review", new { approved = true, note = "ok" });
        Assert.AreEqual(InstanceStatus.Completed, (await host.InstanceAsync(child.Id)).Status);
        Assert.AreEqual(BookmarkKind.Call, (await host.ActiveBookmarksAsync(parent.Id)).Single().Kind, "the caller moves after the child's step commits");
        await host.DeliverOutboxAsync();

        Assert.AreEqual("after", (await host.ActiveBookmarksAsync(parent.Id)).Single().ElementId);
        Assert.IsTrue((bool)(await host.VariableAsync(parent.Id, "decision"))!);
        Assert.IsNull(await host.VariableAsync(parent.Id, "note"), "only mapped variables come back");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_call_activity_with_all_variables_passes_every_variable_both_ways(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        await host.DeployAsync(Review());
        var parent = await host.StartAsync(Caller(callExtensions: """<docbpm:in variables="all"/><docbpm:out variables="all"/>"""), new { amount = 5 });
        var child = await ChildOfAsync(host, parent.Id);
        Assert.AreEqual(5, (int)(await host.VariableAsync(child.Id, "amount"))!);

        await host.CompleteAsync(child.Id, "review", new { note = "ok" });
        await host.DeliverOutboxAsync();

        Assert.AreEqual("ok", (string?)await host.VariableAsync(parent.Id, "note"));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_error_end_event_of_the_called_process_is_caught_by_the_call_activitys_boundary(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        await host.DeployAsync(Review());
        var parent = await host.StartAsync(Caller(
            boundaries: """<bpmn:boundaryEvent id="refusedHere" attachedToRef="call"><bpmn:errorEventDefinition errorRef="err2"/></bpmn:boundaryEvent>"""
                + UserTask("explain") + """<bpmn:endEvent id="e2"/>""",
            body: Chain("refusedHere", "explain", "e2")).Replace("<bpmn:process", $"{Error("err2", "REFUSED")}<bpmn:process"));
        var child = await ChildOfAsync(host, parent.Id);

        await host.CompleteAsync(child.Id, "review", new { refuse = true });
        await host.DeliverOutboxAsync();

        Assert.AreEqual(InstanceStatus.Terminated, (await host.InstanceAsync(child.Id)).Status);
        CollectionAssert.Contains(await host.JournalAsync(child.Id), "refused:error-propagated");
        Assert.AreEqual(0, (await host.InstanceAsync(child.Id)).OpenIncidents, "the error is the caller's, not an incident of the child");
        Assert.AreEqual("explain", (await host.ActiveBookmarksAsync(parent.Id)).Single().ElementId);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_error_of_the_called_process_nothing_catches_is_an_incident_on_the_call_activity_and_a_retry_calls_again(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        await host.DeployAsync(Review());
        var parent = await host.StartAsync(Caller());
        var child = await ChildOfAsync(host, parent.Id);
        await host.CompleteAsync(child.Id, "review", new { refuse = true });
        await host.DeliverOutboxAsync();
        var incident = await host.QueryAsync(db => db.Incidents.AsNoTracking().SingleAsync(i => i.InstanceId == parent.Id));
        Assert.AreEqual("call", incident.ElementId);
        StringAssert.Contains(incident.Error, "REFUSED");

        await host.InScopeAsync(r => r.RetryIncidentAsync(incident.Id, "admin", CancellationToken.None));

        var children = await host.QueryAsync(db => db.Instances.AsNoTracking().Where(i => i.ParentInstanceId == parent.Id).ToListAsync());
        Assert.AreEqual(1, children.Count(c => c.Status == InstanceStatus.Running), "the retry called the process again");
        Assert.AreEqual(BookmarkKind.Call, (await host.ActiveBookmarksAsync(parent.Id)).Single().Kind);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Cancelling_the_caller_cancels_the_called_instance_and_its_own_children(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        await host.DeployAsync(Review());
        await host.DeployAsync(Caller().Replace("id=\"caller\"", "id=\"middle\""));
        var top = await host.StartAsync(Process("""<bpmn:startEvent id="s"/><bpmn:callActivity id="callMiddle" calledElement="middle"/><bpmn:endEvent id="e"/>"""
            + Chain("s", "callMiddle", "e"), id: "top"));
        var middle = await ChildOfAsync(host, top.Id);
        var bottom = await ChildOfAsync(host, middle.Id);

        await host.InScopeAsync(r => r.CancelAsync(top.Id, "admin", "test", CancellationToken.None));

        Assert.AreEqual(InstanceStatus.Cancelled, (await host.InstanceAsync(middle.Id)).Status);
        Assert.AreEqual(InstanceStatus.Cancelled, (await host.InstanceAsync(bottom.Id)).Status);
        Assert.AreEqual(0, (await host.ActiveBookmarksAsync(bottom.Id)).Count, "the grandchild's task left every list");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_interrupting_timer_on_the_call_activity_cancels_the_called_instance(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        await host.DeployAsync(Review());
        var parent = await host.StartAsync(Caller(
            boundaries: $"""<bpmn:boundaryEvent id="late" attachedToRef="call">{Timer("timeDuration", "P2D")}</bpmn:boundaryEvent>"""
                + UserTask("chase") + """<bpmn:endEvent id="e2"/>""",
            body: Chain("late", "chase", "e2")));
        var child = await ChildOfAsync(host, parent.Id);

        await host.AdvanceAsync(TimeSpan.FromDays(3));

        Assert.AreEqual(InstanceStatus.Cancelled, (await host.InstanceAsync(child.Id)).Status);
        Assert.AreEqual("chase", (await host.ActiveBookmarksAsync(parent.Id)).Single().ElementId);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_child_that_ends_after_its_caller_moved_on_changes_nothing(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        await host.DeployAsync(Review());
        var parent = await host.StartAsync(Caller(callExtensions: Mappings), new { amount = 1 });
        var child = await ChildOfAsync(host, parent.Id);
        await host.CompleteAsync(child.Id, "review", new { approved = true });
        await host.InScopeAsync(r => r.CancelAsync(parent.Id, "admin", "test", CancellationToken.None));

        await host.DeliverOutboxAsync();

        Assert.AreEqual(InstanceStatus.Cancelled, (await host.InstanceAsync(parent.Id)).Status);
        Assert.IsNull(await host.VariableAsync(parent.Id, "decision"));
        Assert.AreEqual(0, await host.QueryAsync(db => db.Outbox.CountAsync(o => o.DeliveredAt == null)), "the late end is delivered as a no-op, not retried");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_call_activity_survives_a_host_restart_between_the_call_and_the_return(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        await host.DeployAsync(Review());
        var parent = await host.StartAsync(Caller(callExtensions: Mappings), new { amount = 1 });
        await host.RestartAsync();
        var child = await ChildOfAsync(host, parent.Id);
        await host.CompleteAsync(child.Id, "review", new { approved = false });
        await host.RestartAsync();

        await host.DeliverOutboxAsync();

        Assert.AreEqual("after", (await host.ActiveBookmarksAsync(parent.Id)).Single().ElementId);
        Assert.IsFalse((bool)(await host.VariableAsync(parent.Id, "decision"))!);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_call_activity_of_a_process_not_deployed_refuses_the_step_and_stores_nothing(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);

        var refused = await Assert.ThrowsExactlyAsync<ProcessExecutionException>(() => host.StartAsync(Caller()));

        StringAssert.Contains(refused.Reason, "review-process");
        Assert.AreEqual(RefusalKind.Invalid, refused.Kind);
        Assert.AreEqual(0, await host.QueryAsync(db => db.Instances.CountAsync()));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_process_calling_itself_stops_at_the_nesting_limit_and_stores_nothing(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);

        var refused = await Assert.ThrowsExactlyAsync<ProcessExecutionException>(() => host.StartAsync(Process(
            """<bpmn:startEvent id="s"/><bpmn:callActivity id="again" calledElement="self"/><bpmn:endEvent id="e"/>""" + Chain("s", "again", "e"),
            id: "self")));

        StringAssert.Contains(refused.Reason, "nest");
        Assert.AreEqual(0, await host.QueryAsync(db => db.Instances.CountAsync()));
    }

    private const string CamundaNs = """ xmlns:camunda="http://camunda.org/schema/1.0/bpmn" """;

    private static async Task DeployLaterAsync(EngineTestHost host, TimeSpan later, string xml)
    {
        host.Clock.Advance(later);
        await host.DeployAsync(xml);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_call_activity_drawn_in_Camunda_Modeler_passes_its_camunda_in_and_out_mappings_and_the_callers_business_key(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        await host.DeployAsync(Review());
        var parent = await host.StartAsync(Caller(call: CamundaNs, callExtensions:
            """<camunda:in businessKey="#{execution.processBusinessKey}"/><camunda:in source="amount" target="total"/><camunda:out source="approved" target="decision"/>"""),
            new { amount = 7, secret = "x" }, businessKey: "doc-7");
        var child = await ChildOfAsync(host, parent.Id);
        Assert.AreEqual("doc-7", child.BusinessKey);
        Assert.AreEqual(7, (int)(await host.VariableAsync(child.Id, "total"))!);
        Assert.IsNull(await host.VariableAsync(child.Id, "secret"), "only mapped variables go in");

        await host.CompleteAsync(child.Id, "review", new { approved = true, note = "ok" });
        await host.DeliverOutboxAsync();

        Assert.IsTrue((bool)(await host.VariableAsync(parent.Id, "decision"))!);
        Assert.IsNull(await host.VariableAsync(parent.Id, "note"), "only mapped variables come back");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_call_activity_with_camunda_variables_all_passes_every_variable_both_ways(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        await host.DeployAsync(Review());
        var parent = await host.StartAsync(Caller(call: CamundaNs, callExtensions: """<camunda:in variables="all"/><camunda:out variables="all"/>"""), new { amount = 5 });
        var child = await ChildOfAsync(host, parent.Id);
        Assert.AreEqual(5, (int)(await host.VariableAsync(child.Id, "amount"))!);

        await host.CompleteAsync(child.Id, "review", new { note = "ok" });
        await host.DeliverOutboxAsync();

        Assert.AreEqual("ok", (string?)await host.VariableAsync(parent.Id, "note"));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_call_activity_pinned_by_camunda_calledElementVersion_calls_that_version(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        await host.DeployAsync(Review("oldReview"));
        await host.DeployAsync(Review());

        var parent = await host.StartAsync(Caller(call: CamundaNs + """camunda:calledElementBinding="version" camunda:calledElementVersion="1" """));

        Assert.AreEqual(1, (await ChildOfAsync(host, parent.Id)).DefinitionVersion);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_call_activity_with_deployment_binding_calls_the_version_that_was_latest_when_the_caller_was_deployed(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        await host.DeployAsync(Review("oldReview"));
        var bound = Caller(callExtensions: """<docbpm:call binding="deployment"/>""");
        await DeployLaterAsync(host, TimeSpan.FromMinutes(1), bound);
        await DeployLaterAsync(host, TimeSpan.FromMinutes(1), Review());

        var parent = await host.StartAsync(bound);
        Assert.AreEqual(1, (await ChildOfAsync(host, parent.Id)).DefinitionVersion, "the child deployed after the caller is not called");

        var redeployed = bound.Replace("<bpmn:endEvent id=\"e\"/>", "<bpmn:endEvent id=\"e\" name=\"v2\"/>", StringComparison.Ordinal);
        await DeployLaterAsync(host, TimeSpan.FromMinutes(1), redeployed);
        var later = await host.StartAsync(redeployed);
        Assert.AreEqual(2, (await ChildOfAsync(host, later.Id)).DefinitionVersion, "a caller deployed after the child's second version calls it");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_call_activity_with_deployment_binding_deployed_before_any_version_of_the_child_refuses_the_step(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var bound = Caller(call: CamundaNs + """camunda:calledElementBinding="deployment" """);
        await host.DeployAsync(bound);
        await DeployLaterAsync(host, TimeSpan.FromMinutes(1), Review());

        var refused = await Assert.ThrowsExactlyAsync<ProcessExecutionException>(() => host.StartAsync(bound));

        StringAssert.Contains(refused.Reason, "deployment binding");
        Assert.AreEqual(0, await host.QueryAsync(db => db.Instances.CountAsync()));
    }
}
