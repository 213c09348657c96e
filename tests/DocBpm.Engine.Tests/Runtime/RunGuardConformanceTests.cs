using DocBpm.Engine.Expressions;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DocBpm.Engine.Tests.Runtime.Bpmn;

namespace DocBpm.Engine.Tests.Runtime;

/// <summary>What one run may do before it must wait, and the path it leaves for the administrators' instance view.</summary>
[TestClass]
public sealed class RunGuardConformanceTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    /// <summary>
    /// A loop of script tasks that runs <c>n</c> times and ends without a wait state: one step per element entered —
    /// s, the gateway n + 1 times, the script n times, done and e — so 2n + 4 steps in one run.
    /// </summary>
    private static readonly string Loop = Process("""<bpmn:startEvent id="s"/><bpmn:exclusiveGateway id="g" default="toDone"/>"""
        + """<bpmn:scriptTask id="t"><bpmn:script>i = i + 1</bpmn:script></bpmn:scriptTask><bpmn:manualTask id="done"/><bpmn:endEvent id="e"/>"""
        + Flow("f0", "s", "g") + Flow("toLoop", "g", "t", "i < n") + Flow("back", "t", "g") + Flow("toDone", "g", "done") + Flow("f1", "done", "e"));

    /// <summary>The step guard is tried apart from the script budget, which would stop these loops first.</summary>
    private static readonly SandboxLimits UnlimitedScripts = SandboxLimits.Default with { MaxScriptsPerStep = int.MaxValue, ScriptTimePerStep = TimeSpan.MaxValue };

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task A_run_of_exactly_10000_steps_completes(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider, UnlimitedScripts);

        var instance = await host.StartAsync(Loop, new { i = 0, n = 4998 });

        Assert.AreEqual(InstanceStatus.Completed, instance.Status);
        Assert.AreEqual(4998, (int?)await host.VariableAsync(instance.Id, "i"));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task A_run_past_10000_steps_without_a_wait_state_is_stopped_as_a_runaway_loop_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider, UnlimitedScripts);
        await host.DeployAsync(Loop);

        var error = await Assert.ThrowsExactlyAsync<ProcessExecutionException>(() => host.InScopeAsync(r =>
            r.StartAsync(new StartRequest("p", EngineTestHost.Variables(new { i = 0, n = 4999 })), CancellationToken.None)));

        Assert.AreEqual("p", error.ElementId);
        StringAssert.Contains(error.Reason, "more than 10000 steps");
        Assert.AreEqual(0, await host.QueryAsync(db => db.Instances.CountAsync()));
        Assert.AreEqual(0, await host.QueryAsync(db => db.Journal.CountAsync()));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Issue16_a_cycle_through_a_script_stops_at_the_steps_script_budget_with_an_incident_naming_it_and_a_retry_goes_on(
        DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);

        var instance = await host.StartAsync(Loop, new { i = 0, n = 4000 });

        Assert.AreEqual(1000, (int?)await host.VariableAsync(instance.Id, "i"), "the step ran its budget of scripts and no more");
        var incident = await host.QueryAsync(db => db.Incidents.SingleAsync());
        Assert.AreEqual("g", incident.ElementId, "the token stops where it re-enters the cycle");
        StringAssert.Contains(incident.Error, "script budget spent: 1000 script tasks ran in one step");

        await host.InScopeAsync(r => r.RetryIncidentAsync(incident.Id, "quantri", CancellationToken.None));

        Assert.AreEqual(2000, (int?)await host.VariableAsync(instance.Id, "i"), "the retry is a step with a budget of its own");
        Assert.AreEqual(1, await host.QueryAsync(db => db.Incidents.CountAsync(i => i.ResolvedAt == null)));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task The_executed_path_lists_each_element_passed_in_order_without_gateways(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var xml = Process("""<bpmn:startEvent id="s"/><bpmn:exclusiveGateway id="g" default="toB"/>"""
            + UserTask("a") + """<bpmn:manualTask id="b"/><bpmn:endEvent id="e"/>"""
            + Flow("f0", "s", "a") + Flow("f1", "a", "g") + Flow("toB", "g", "b") + Flow("f2", "b", "e"));

        var instance = await host.StartAsync(xml);
        CollectionAssert.AreEqual(new[] { "s" }, await History.PathAsync(host, instance.Id), "a waiting task is not passed yet");

        await host.CompleteAsync(instance.Id, "a");

        CollectionAssert.AreEqual(new[] { "s", "a", "b", "e" }, await History.PathAsync(host, instance.Id));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Conditions_after_an_activity_see_its_outcome_and_all_false_is_refused(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var xml = Process("""<bpmn:startEvent id="s"/><bpmn:manualTask id="m"/>""" + UserTask("done") + UserTask("other") + """<bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>"""
            + Flow("f1", "done", "e1") + Flow("f2", "other", "e2") + Flow("f0", "s", "m") + Flow("fDone", "m", "done", "outcome === 'done' && go") + Flow("fOther", "m", "other", "outcome !== 'done' && go"));
        var instance = await host.StartAsync(xml, new { go = true });
        CollectionAssert.AreEqual(new[] { "done" }, (await host.ActiveBookmarksAsync(instance.Id)).Select(b => b.ElementId).ToList());

        var error = await Assert.ThrowsExactlyAsync<ProcessExecutionException>(() => host.InScopeAsync(r =>
            r.StartAsync(new StartRequest("p", EngineTestHost.Variables(new { go = false })), CancellationToken.None)));

        Assert.AreEqual("m", error.ElementId);
        StringAssert.Contains(error.Reason, "every condition is false");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task A_condition_that_fails_to_evaluate_is_reported_on_its_flow(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        await host.DeployAsync(Process("""<bpmn:startEvent id="s"/>""" + UserTask("a") + """<bpmn:endEvent id="e"/>"""
            + Flow("f0", "s", "a", "missing.field > 1") + Flow("f1", "a", "e")));

        var error = await Assert.ThrowsExactlyAsync<ProcessExecutionException>(() =>
            host.InScopeAsync(r => r.StartAsync(new StartRequest("p"), CancellationToken.None)));

        Assert.AreEqual("f0", error.ElementId);
        StringAssert.StartsWith(error.Reason, "condition failed: ");
    }
}
