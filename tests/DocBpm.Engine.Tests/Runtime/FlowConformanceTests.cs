using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Engine.Tests.Infrastructure;
using static DocBpm.Engine.Tests.Runtime.Bpmn;

namespace DocBpm.Engine.Tests.Runtime;

/// <summary>Sequence flows, gateways and tasks, on every database the engine supports.</summary>
[TestClass]
public sealed class FlowConformanceTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Service_tasks_run_in_sequence_and_map_outputs_to_variables(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var xml = Process("""<bpmn:startEvent id="s"/>""" + Service("a", "Echo", ("text", "'xin chào ' + name")) +
            """<bpmn:scriptTask id="b" docbpm:resultVariable="length"><bpmn:script>result.length</bpmn:script></bpmn:scriptTask><bpmn:endEvent id="e"/>"""
            + Chain("s", "a", "b", "e"));

        var instance = await host.StartAsync(xml, new { name = "Lạng Sơn" });

        Assert.AreEqual(InstanceStatus.Completed, instance.Status);
        Assert.AreEqual("xin chào Lạng Sơn", (string?)await host.VariableAsync(instance.Id, "result"));
        Assert.AreEqual(17, (int?)await host.VariableAsync(instance.Id, "length"));
        CollectionAssert.AreEqual(new[] { "s:started", "a:started", "a:completed", "b:started", "b:completed", "e:started" },
            await host.JournalAsync(instance.Id));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Exclusive_gateway_takes_the_first_true_condition_else_the_default_flow(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var xml = Process("""<bpmn:startEvent id="s"/><bpmn:exclusiveGateway id="g" default="toLow"/>"""
            + UserTask("high") + UserTask("low") + """<bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>"""
            + Flow("f1", "s", "g") + Flow("toHigh", "g", "high", "amount > 100") + Flow("toLow", "g", "low")
            + Flow("f2", "high", "e1") + Flow("f3", "low", "e2"));

        var big = await host.StartAsync(xml, new { amount = 500 });
        var small = await host.StartAsync(xml, new { amount = 5 });

        Assert.AreEqual("high", (await host.ActiveBookmarksAsync(big.Id)).Single().ElementId);
        Assert.AreEqual("low", (await host.ActiveBookmarksAsync(small.Id)).Single().ElementId);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Parallel_join_waits_for_every_branch_and_continues_once(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var xml = Process("""<bpmn:startEvent id="s"/><bpmn:parallelGateway id="fork"/><bpmn:parallelGateway id="join"/>"""
            + UserTask("a") + UserTask("b") + UserTask("after") + """<bpmn:endEvent id="e"/>"""
            + Flow("f0", "s", "fork") + Flow("f1", "fork", "a") + Flow("f2", "fork", "b")
            + Flow("f3", "a", "join") + Flow("f4", "b", "join") + Flow("f5", "join", "after") + Flow("f6", "after", "e"));

        var instance = await host.StartAsync(xml);
        CollectionAssert.AreEquivalent(new[] { "a", "b" }, (await host.ActiveBookmarksAsync(instance.Id)).Select(b => b.ElementId).ToList());

        await host.CompleteAsync(instance.Id, "a");
        Assert.AreEqual("b", (await host.ActiveBookmarksAsync(instance.Id)).Single().ElementId);

        await host.CompleteAsync(instance.Id, "b");
        Assert.AreEqual("after", (await host.ActiveBookmarksAsync(instance.Id)).Single().ElementId);

        var done = await host.CompleteAsync(instance.Id, "after");
        Assert.AreEqual(InstanceStatus.Completed, done.Status);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Inclusive_gateway_runs_every_true_branch_and_joins_only_those(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var xml = Process("""<bpmn:startEvent id="s"/><bpmn:inclusiveGateway id="split" default="fNone"/><bpmn:inclusiveGateway id="merge"/>"""
            + UserTask("legal") + UserTask("finance") + UserTask("none") + UserTask("after") + """<bpmn:endEvent id="e"/>"""
            + Flow("f0", "s", "split") + Flow("fLegal", "split", "legal", "needsLegal") + Flow("fFinance", "split", "finance", "needsFinance")
            + Flow("fNone", "split", "none") + Flow("f1", "legal", "merge") + Flow("f2", "finance", "merge") + Flow("f3", "none", "merge")
            + Flow("f4", "merge", "after") + Flow("f5", "after", "e"));

        var instance = await host.StartAsync(xml, new { needsLegal = true, needsFinance = false });
        Assert.AreEqual("legal", (await host.ActiveBookmarksAsync(instance.Id)).Single().ElementId);
        await host.CompleteAsync(instance.Id, "legal");
        Assert.AreEqual("after", (await host.ActiveBookmarksAsync(instance.Id)).Single().ElementId);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Conditional_flows_after_an_activity_follow_its_named_outcome(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var xml = Process("""<bpmn:startEvent id="s"/>""" + Service("echo", "Echo", ("text", "text"))
            + UserTask("filled") + UserTask("blank") + """<bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>"""
            + Flow("f0", "s", "echo") + Flow("f1", "echo", "filled", "outcome === 'done'") + Flow("f2", "echo", "blank", "outcome === 'empty'")
            + Flow("f3", "filled", "e1") + Flow("f4", "blank", "e2"));

        var empty = await host.StartAsync(xml, new { text = "" });

        Assert.AreEqual("blank", (await host.ActiveBookmarksAsync(empty.Id)).Single().ElementId);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Embedded_subprocess_runs_inside_and_continues_after_it(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var xml = Process("""<bpmn:startEvent id="s"/><bpmn:subProcess id="sub"><bpmn:startEvent id="subStart"/>"""
            + """<bpmn:scriptTask id="inner"><bpmn:script>steps = steps + 1</bpmn:script></bpmn:scriptTask>"""
            + UserTask("review") + """<bpmn:endEvent id="subEnd"/>""" + Chain("subStart", "inner", "review", "subEnd")
            + "</bpmn:subProcess>" + UserTask("after") + """<bpmn:endEvent id="e"/>""" + Chain("s", "sub", "after", "e"));

        var instance = await host.StartAsync(xml, new { steps = 0 });
        Assert.AreEqual("review", (await host.ActiveBookmarksAsync(instance.Id)).Single().ElementId);
        Assert.AreEqual(1, (int?)await host.VariableAsync(instance.Id, "steps"));

        await host.CompleteAsync(instance.Id, "review");

        Assert.AreEqual("after", (await host.ActiveBookmarksAsync(instance.Id)).Single().ElementId);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Terminate_end_ends_every_branch_of_the_instance(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var xml = Process("""<bpmn:startEvent id="s"/><bpmn:parallelGateway id="fork"/>""" + UserTask("slow") + UserTask("decide")
            + """<bpmn:endEvent id="end1"/><bpmn:endEvent id="kill"><bpmn:terminateEventDefinition/></bpmn:endEvent>"""
            + Flow("f0", "s", "fork") + Flow("f1", "fork", "slow") + Flow("f2", "fork", "decide")
            + Flow("f3", "slow", "end1") + Flow("f4", "decide", "kill"));

        var instance = await host.StartAsync(xml);
        var ended = await host.CompleteAsync(instance.Id, "decide");

        Assert.AreEqual(InstanceStatus.Terminated, ended.Status);
        Assert.AreEqual(0, (await host.ActiveBookmarksAsync(instance.Id)).Count);
    }
}
