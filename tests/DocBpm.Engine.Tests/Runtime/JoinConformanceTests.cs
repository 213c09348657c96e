using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DocBpm.Engine.Tests.Runtime.Bpmn;

namespace DocBpm.Engine.Tests.Runtime;

/// <summary>BPMN 2.0 §13.3 gateway semantics the designer's diagrams rely on: when a join fires, and which way a split goes.</summary>
[TestClass]
public sealed class JoinConformanceTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    /// <summary>legal and finance on conditions, none as the default; all three meet at an inclusive merge.</summary>
    private static readonly string Inclusive = Process(
        """<bpmn:startEvent id="s"/><bpmn:inclusiveGateway id="split" default="fNone"/><bpmn:inclusiveGateway id="merge"/>"""
        + UserTask("legal") + UserTask("finance") + UserTask("none") + UserTask("after") + """<bpmn:endEvent id="e"/>"""
        + Flow("f0", "s", "split") + Flow("fLegal", "split", "legal", "needsLegal") + Flow("fFinance", "split", "finance", "needsFinance")
        + Flow("fNone", "split", "none") + Flow("f1", "legal", "merge") + Flow("f2", "finance", "merge") + Flow("f3", "none", "merge")
        + Flow("f4", "merge", "after") + Flow("f5", "after", "e"));

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Inclusive_join_waits_for_a_second_live_branch_and_fires_once(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(Inclusive, new { needsLegal = true, needsFinance = true });
        CollectionAssert.AreEquivalent(new[] { "legal", "finance" }, await ActiveAsync(host, instance.Id));

        await host.CompleteAsync(instance.Id, "legal");
        CollectionAssert.AreEqual(new[] { "finance" }, await ActiveAsync(host, instance.Id), "finance can still reach the merge");

        await host.CompleteAsync(instance.Id, "finance");
        CollectionAssert.AreEqual(new[] { "after" }, await ActiveAsync(host, instance.Id));
        var journal = await host.JournalAsync(instance.Id);
        Assert.AreEqual(1, journal.Count(j => j == "merge:completed"));
        Assert.IsFalse(journal.Contains("split:completed"), "a gateway with one incoming flow joins nothing");
        Assert.AreEqual(0, (await StateAsync(host, instance.Id)).Root.JoinArrivals.Count, "a fired join keeps no arrivals");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Inclusive_gateway_falls_back_to_its_default_flow_when_no_condition_holds(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(Inclusive, new { needsLegal = false, needsFinance = false });
        CollectionAssert.AreEqual(new[] { "none" }, await ActiveAsync(host, instance.Id));

        await host.CompleteAsync(instance.Id, "none");
        CollectionAssert.AreEqual(new[] { "after" }, await ActiveAsync(host, instance.Id));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task A_split_with_no_true_condition_and_no_default_flow_is_refused_and_nothing_starts(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        foreach (var kind in new[] { "inclusiveGateway", "exclusiveGateway" })
        {
            await host.DeployAsync(Process($"""<bpmn:startEvent id="s"/><bpmn:{kind} id="split"/>"""
                + UserTask("a") + UserTask("b") + """<bpmn:endEvent id="ea"/><bpmn:endEvent id="eb"/>""" + Flow("f0", "s", "split")
                + Flow("fa", "split", "a", "x > 1") + Flow("fb", "split", "b", "x > 2") + Flow("fae", "a", "ea") + Flow("fbe", "b", "eb"),
                id: kind));

            var error = await Assert.ThrowsExactlyAsync<ProcessExecutionException>(() =>
                host.InScopeAsync(r => r.StartAsync(new StartRequest(kind, EngineTestHost.Variables(new { x = 0 })), CancellationToken.None)));

            Assert.AreEqual("split", error.ElementId, kind);
            StringAssert.Contains(error.Reason, "no default flow", kind);
        }

        Assert.AreEqual(0, await host.QueryAsync(db => db.Instances.CountAsync()));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task A_rework_loop_passes_the_same_join_twice_and_the_second_pass_waits_for_both_branches_again(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var xml = Process("""<bpmn:startEvent id="s"/><bpmn:exclusiveGateway id="again"/><bpmn:parallelGateway id="fork"/>"""
            + """<bpmn:parallelGateway id="join"/><bpmn:exclusiveGateway id="check" default="fDone"/>"""
            + UserTask("a") + UserTask("b") + UserTask("review") + """<bpmn:endEvent id="e"/>"""
            + Flow("f0", "s", "again") + Flow("f1", "again", "fork") + Flow("fa", "fork", "a") + Flow("fb", "fork", "b")
            + Flow("ja", "a", "join") + Flow("jb", "b", "join") + Flow("f2", "join", "review") + Flow("f3", "review", "check")
            + Flow("fRework", "check", "again", "rework") + Flow("fDone", "check", "e"));
        var instance = await host.StartAsync(xml);
        await host.CompleteAsync(instance.Id, "a");
        await host.CompleteAsync(instance.Id, "b");
        await host.CompleteAsync(instance.Id, "review", new { rework = true });
        CollectionAssert.AreEquivalent(new[] { "a", "b" }, await ActiveAsync(host, instance.Id));

        await host.CompleteAsync(instance.Id, "a");
        CollectionAssert.AreEqual(new[] { "b" }, await ActiveAsync(host, instance.Id), "the first pass's arrivals must not count again");

        await host.CompleteAsync(instance.Id, "b");
        CollectionAssert.AreEqual(new[] { "review" }, await ActiveAsync(host, instance.Id));
        var done = await host.CompleteAsync(instance.Id, "review", new { rework = false });
        Assert.AreEqual(InstanceStatus.Completed, done.Status);
        Assert.AreEqual(2, (await host.JournalAsync(instance.Id)).Count(j => j == "join:completed"));
        Assert.AreEqual(2, await host.QueryAsync(db => db.Journal.CountAsync(j => j.InstanceId == instance.Id && j.Detail == "joined")));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task A_parallel_join_counts_two_arrivals_on_one_flow_and_fires_once_per_full_set(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var xml = Process("""<bpmn:startEvent id="s"/><bpmn:parallelGateway id="fork"/><bpmn:parallelGateway id="join"/>"""
            + """<bpmn:manualTask id="a"/>""" + UserTask("b") + UserTask("after") + """<bpmn:endEvent id="e"/>"""
            + Flow("f0", "s", "fork") + Flow("fa1", "fork", "a") + Flow("fa2", "fork", "a") + Flow("fb", "fork", "b")
            + Flow("ja", "a", "join") + Flow("jb", "b", "join") + Flow("f1", "join", "after") + Flow("f2", "after", "e"));
        var instance = await host.StartAsync(xml);
        CollectionAssert.AreEqual(new[] { "b" }, await ActiveAsync(host, instance.Id));
        Assert.AreEqual(2, (await StateAsync(host, instance.Id)).Root.JoinArrivals["join|ja"]);

        await host.CompleteAsync(instance.Id, "b");

        CollectionAssert.AreEqual(new[] { "after" }, await ActiveAsync(host, instance.Id));
        var left = (await StateAsync(host, instance.Id)).Root.JoinArrivals;
        Assert.AreEqual(1, left.Count);
        Assert.AreEqual(1, left["join|ja"], "the second arrival on ja waits for the next arrival on jb");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Inclusive_join_waits_for_a_branch_that_can_still_reach_it_through_a_boundary_event(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var xml = Process("""<bpmn:startEvent id="s"/><bpmn:inclusiveGateway id="split"/><bpmn:inclusiveGateway id="merge"/>"""
            + UserTask("legal") + UserTask("finance") + UserTask("after") + """<bpmn:endEvent id="e"/><bpmn:endEvent id="e2"/>"""
            + """<bpmn:boundaryEvent id="late" attachedToRef="finance">""" + Timer("timeDuration", "PT1H") + "</bpmn:boundaryEvent>"
            + Flow("f0", "s", "split") + Flow("fLegal", "split", "legal", "true") + Flow("fFinance", "split", "finance", "true")
            + Flow("f1", "legal", "merge") + Flow("f2", "finance", "e2") + Flow("f3", "late", "merge")
            + Flow("f4", "merge", "after") + Flow("f5", "after", "e"));
        var instance = await host.StartAsync(xml);

        await host.CompleteAsync(instance.Id, "legal");
        CollectionAssert.AreEqual(new[] { "finance" }, await ActiveAsync(host, instance.Id), "finance's timer can still lead to the merge");

        await host.AdvanceAsync(TimeSpan.FromHours(1));
        CollectionAssert.AreEqual(new[] { "after" }, await ActiveAsync(host, instance.Id));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Inclusive_join_fires_while_a_token_that_can_never_reach_it_waits_in_a_loop_elsewhere(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var xml = Process("""<bpmn:startEvent id="s"/><bpmn:parallelGateway id="fork"/><bpmn:inclusiveGateway id="split"/>"""
            + """<bpmn:inclusiveGateway id="merge"/><bpmn:exclusiveGateway id="again" default="fOut"/>"""
            + UserTask("archive") + UserTask("legal") + UserTask("finance") + UserTask("after")
            + """<bpmn:endEvent id="e"/><bpmn:endEvent id="e2"/>"""
            + Flow("f0", "s", "fork") + Flow("fArchive", "fork", "archive") + Flow("fSplit", "fork", "split")
            + Flow("fa", "archive", "again") + Flow("fLoop", "again", "archive", "more") + Flow("fOut", "again", "e2")
            + Flow("fLegal", "split", "legal", "true") + Flow("fFinance", "split", "finance", "true")
            + Flow("f1", "legal", "merge") + Flow("f2", "finance", "merge") + Flow("f3", "merge", "after") + Flow("f4", "after", "e"));
        var instance = await host.StartAsync(xml);

        await host.CompleteAsync(instance.Id, "legal");
        await host.CompleteAsync(instance.Id, "finance");

        CollectionAssert.AreEquivalent(new[] { "archive", "after" }, await ActiveAsync(host, instance.Id),
            "archive's loop never leads to the merge, so the merge does not wait for it");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Exclusive_gateway_evaluates_its_conditions_even_when_the_default_flow_comes_first(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var xml = Process("""<bpmn:startEvent id="s"/><bpmn:exclusiveGateway id="g" default="toLow"/>"""
            + UserTask("high") + UserTask("low") + """<bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>"""
            + Flow("f1", "s", "g") + Flow("toLow", "g", "low") + Flow("toHigh", "g", "high", "amount > 100")
            + Flow("f2", "high", "e1") + Flow("f3", "low", "e2"));

        var big = await host.StartAsync(xml, new { amount = 500 });
        var small = await host.StartAsync(xml, new { amount = 5 });

        CollectionAssert.AreEqual(new[] { "high" }, await ActiveAsync(host, big.Id));
        CollectionAssert.AreEqual(new[] { "low" }, await ActiveAsync(host, small.Id));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Exclusive_gateway_with_a_single_conditional_flow_still_checks_its_condition(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        await host.DeployAsync(Process("""<bpmn:startEvent id="s"/><bpmn:exclusiveGateway id="g"/>""" + UserTask("a") + """<bpmn:endEvent id="e"/>"""
            + Flow("f0", "s", "g") + Flow("fa", "g", "a", "approved") + Flow("f1", "a", "e")));

        var error = await Assert.ThrowsExactlyAsync<ProcessExecutionException>(() => host.InScopeAsync(r =>
            r.StartAsync(new StartRequest("p", EngineTestHost.Variables(new { approved = false })), CancellationToken.None)));

        Assert.AreEqual("g", error.ElementId);
    }

    private static async Task<List<string>> ActiveAsync(EngineTestHost host, Guid instanceId) =>
        [.. (await host.ActiveBookmarksAsync(instanceId)).Where(b => b.Kind == BookmarkKind.UserTask).Select(b => b.ElementId)];

    private static async Task<InstanceState> StateAsync(EngineTestHost host, Guid instanceId) =>
        InstanceState.Deserialize((await host.InstanceAsync(instanceId)).State);
}
