using DocBpm.Engine.Persistence;
using DocBpm.Engine.Model;
using DocBpm.Engine.Runtime;
using DocBpm.Engine.Tests.Infrastructure;
using static DocBpm.Engine.Tests.Runtime.Bpmn;

namespace DocBpm.Engine.Tests.Runtime;

/// <summary>Sequential multi-instance and the standard loop, on every database.</summary>
[TestClass]
public sealed class LoopConformanceTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    private static string Sequential(string? completion = null) =>
        MultiInstanceThenSummary("review", "Xem xét", "assignee=\"=reviewer\"", "reviewers", "reviewer", sequential: true, completion);

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_sequential_multi_instance_runs_one_item_at_a_time_in_collection_order(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(Sequential(), new { reviewers = new[] { "an", "binh", "chi" } });

        var order = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            var task = (await host.ActiveBookmarksAsync(instance.Id)).Single();
            Assert.AreEqual("review", task.ElementId);
            order.Add(task.Assignee);
            await host.CompleteAsync(instance.Id, "review");
        }

        CollectionAssert.AreEqual(new[] { "an", "binh", "chi" }, order);
        Assert.AreEqual("summary", (await host.ActiveBookmarksAsync(instance.Id)).Single().ElementId);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_sequential_multi_instance_ends_early_when_its_completion_condition_holds(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(Sequential("nrOfCompletedInstances >= 2 || nrOfActiveInstances !== 1"),
            new { reviewers = new[] { "an", "binh", "chi" } });

        await host.CompleteAsync(instance.Id, "review");
        await host.CompleteAsync(instance.Id, "review");

        Assert.AreEqual("summary", (await host.ActiveBookmarksAsync(instance.Id)).Single().ElementId);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_multi_instance_by_cardinality_runs_that_many_times_with_a_loop_counter(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var xml = Process("""<bpmn:startEvent id="s"/><bpmn:userTask id="sign"><bpmn:extensionElements><docbpm:assignment assignee="=signers[loopCounter]"/></bpmn:extensionElements>"""
            + """<bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>signers.length</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics></bpmn:userTask>"""
            + UserTask("after") + """<bpmn:endEvent id="e"/>""" + Chain("s", "sign", "after", "e"));

        var instance = await host.StartAsync(xml, new { signers = new[] { "an", "binh" } });

        CollectionAssert.AreEquivalent(new[] { "an", "binh" }, (await host.ActiveBookmarksAsync(instance.Id)).Select(b => b.Assignee).ToArray());
    }

    private static string Looping(string loop, string task = """<bpmn:scriptTask id="work" scriptFormat="javascript"><bpmn:script>runs = (typeof runs === 'number' ? runs : 0) + 1</bpmn:script>{0}</bpmn:scriptTask>""") =>
        Process("""<bpmn:startEvent id="s"/>""" + string.Format(System.Globalization.CultureInfo.InvariantCulture, task, loop)
            + UserTask("after") + """<bpmn:endEvent id="e"/>""" + Chain("s", "work", "after", "e"));

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_standard_loop_tested_after_runs_until_its_condition_fails(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var xml = Looping("""<bpmn:standardLoopCharacteristics><bpmn:loopCondition>runs &lt; 3</bpmn:loopCondition></bpmn:standardLoopCharacteristics>""");

        var instance = await host.StartAsync(xml, new { runs = 5 });

        Assert.AreEqual(6, (int?)await host.VariableAsync(instance.Id, "runs"), "tested after: the first run happens anyway");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_standard_loop_tested_before_may_not_run_at_all(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var xml = Looping("""<bpmn:standardLoopCharacteristics testBefore="true"><bpmn:loopCondition>runs &lt; 3</bpmn:loopCondition></bpmn:standardLoopCharacteristics>""");

        var skipped = await host.StartAsync(xml, new { runs = 5 });
        var looped = await host.StartAsync(xml, new { runs = 0 });

        Assert.AreEqual(5, (int?)await host.VariableAsync(skipped.Id, "runs"));
        Assert.AreEqual(3, (int?)await host.VariableAsync(looped.Id, "runs"));
        Assert.AreEqual("after", (await host.ActiveBookmarksAsync(skipped.Id)).Single().ElementId);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_standard_loop_stops_at_its_maximum_and_its_condition_sees_the_loop_counter(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var capped = Looping("""<bpmn:standardLoopCharacteristics loopMaximum="4"><bpmn:loopCondition>true</bpmn:loopCondition></bpmn:standardLoopCharacteristics>""");
        var counted = Looping("""<bpmn:standardLoopCharacteristics><bpmn:loopCondition>loopCounter &lt; 2</bpmn:loopCondition></bpmn:standardLoopCharacteristics>""");

        var first = await host.StartAsync(capped);
        var second = await host.StartAsync(counted);

        Assert.AreEqual(4, (int?)await host.VariableAsync(first.Id, "runs"));
        Assert.AreEqual(2, (int?)await host.VariableAsync(second.Id, "runs"));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_standard_loop_on_a_user_task_offers_the_task_again_until_it_is_approved(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var xml = Looping("""<bpmn:standardLoopCharacteristics><bpmn:loopCondition>!approved</bpmn:loopCondition></bpmn:standardLoopCharacteristics>""",
            """<bpmn:userTask id="work">{0}</bpmn:userTask>""");
        var instance = await host.StartAsync(xml);

        await host.CompleteAsync(instance.Id, "work", new { approved = false });
        Assert.AreEqual("work", (await host.ActiveBookmarksAsync(instance.Id)).Single().ElementId);
        await host.CompleteAsync(instance.Id, "work", new { approved = true });

        Assert.AreEqual("after", (await host.ActiveBookmarksAsync(instance.Id)).Single().ElementId);
    }

    [TestMethod]
    public void Bpmn_standard_loop_without_condition_or_maximum_is_refused()
    {
        var xml = Looping("<bpmn:standardLoopCharacteristics/>");

        var result = BpmnParser.Parse(xml, new Engine.Activities.ActivityRegistry([]));

        Assert.AreEqual("work", result.Errors.Single().ElementId, string.Join(" | ", result.Errors));
    }
}
