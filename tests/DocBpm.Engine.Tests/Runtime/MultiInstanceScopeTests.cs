using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DocBpm.Engine.Tests.Runtime.Bpmn;
using static DocBpm.Engine.Tests.Runtime.CompensationTests;

namespace DocBpm.Engine.Tests.Runtime;

/// <summary>
/// A multi-instance activity as one whole (BPMN 2.0 §10.2.8, Camunda 7): what its items and its completion condition see,
/// the boundary events of the whole activity, its collection or cardinality refused when it is not one, and what the
/// history says of it.
/// </summary>
[TestClass]
public sealed class MultiInstanceScopeTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    /// <summary>"review" once per item of <c>reviewers</c>, each offered to its reviewer, then "summary".</summary>
    private static string Reviews(bool sequential = false, string? completion = null, string assignee = "=reviewer") =>
        MultiInstanceThenSummary("review", "Xem xét", $"assignee=\"{assignee}\"", "reviewers", "reviewer", sequential, completion);

    /// <summary><see cref="Reviews"/> with <paramref name="boundary"/> attached to the whole activity, leading to "late".</summary>
    private static string ReviewsWith(string boundary) => Reviews().Replace("</bpmn:process>",
        $"""<bpmn:boundaryEvent id="overdue" attachedToRef="review">{boundary}</bpmn:boundaryEvent>""" + UserTask("late")
        + """<bpmn:endEvent id="lateEnd"/>""" + Chain("overdue", "late", "lateEnd") + "</bpmn:process>", StringComparison.Ordinal);

    /// <summary>"sign" as many times as <paramref name="cardinality"/> says, one after the other, then "after".</summary>
    private static string Signatures(string cardinality) => Process("""<bpmn:startEvent id="s"/>"""
        + UserTask("sign", extra: $"""<bpmn:multiInstanceLoopCharacteristics isSequential="true"><bpmn:loopCardinality>{cardinality}</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>""")
        + UserTask("after") + """<bpmn:endEvent id="e"/>""" + Chain("s", "sign", "after", "e"));

    private static async Task CompleteOneAsync(EngineTestHost host, Guid instanceId, string assignee)
    {
        var task = (await host.ActiveBookmarksAsync(instanceId)).Single(b => b.ElementId == "review" && b.Assignee == assignee);
        await host.InScopeAsync(r => r.CompleteTaskAsync(task.Id, null, new TaskActor(assignee, []), CancellationToken.None));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_multi_instance_over_an_empty_collection_completes_at_once_and_the_history_says_why(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);

        var instance = await host.StartAsync(Reviews(), new { reviewers = Array.Empty<string>() });

        CollectionAssert.AreEqual(new[] { "summary" }, await host.WaitingAtAsync(instance.Id));
        CollectionAssert.AreEqual(new[] { "empty collection" }, await host.JournalDetailsAsync(instance.Id, "review", "completed"));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_each_item_sees_the_number_of_instances_from_its_start(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);

        var instance = await host.StartAsync(Reviews(assignee: "=reviewer + ' ' + (loopCounter + 1) + '/' + nrOfInstances"),
            new { reviewers = new[] { "an", "binh", "chi" } });

        CollectionAssert.AreEquivalent(new[] { "an 1/3", "binh 2/3", "chi 3/3" },
            (await host.ActiveBookmarksAsync(instance.Id)).Select(b => b.Assignee).ToList());
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_parallel_completion_condition_on_the_share_of_instances_done_ends_the_activity_and_the_history_counts_them(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(Reviews(completion: "nrOfCompletedInstances / nrOfInstances &gt;= 0.5"),
            new { reviewers = new[] { "an", "binh", "chi", "dung" } });

        await CompleteOneAsync(host, instance.Id, "binh");
        Assert.AreEqual(3, (await host.WaitingAtAsync(instance.Id)).Count(e => e == "review"), "a quarter is not half");
        await CompleteOneAsync(host, instance.Id, "dung");

        CollectionAssert.AreEqual(new[] { "summary" }, await host.WaitingAtAsync(instance.Id));
        Assert.AreEqual("2/4 instances", (await host.JournalDetailsAsync(instance.Id, "review", "completed"))[^1]);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_parallel_completion_condition_sees_how_many_instances_are_still_active(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(Reviews(completion: "nrOfActiveInstances === 1"), new { reviewers = new[] { "an", "binh", "chi" } });

        await CompleteOneAsync(host, instance.Id, "an");
        Assert.AreEqual(2, (await host.WaitingAtAsync(instance.Id)).Count(e => e == "review"), "two still active");
        await CompleteOneAsync(host, instance.Id, "chi");

        CollectionAssert.AreEqual(new[] { "summary" }, await host.WaitingAtAsync(instance.Id), "one still active: the condition holds");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_completion_condition_that_fails_to_evaluate_is_reported_on_the_activity_and_the_item_stays_open(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(Reviews(completion: "missing.field &gt; 1"), new { reviewers = new[] { "an", "binh" } });

        var error = await Assert.ThrowsExactlyAsync<ProcessExecutionException>(() => CompleteOneAsync(host, instance.Id, "an"));

        Assert.AreEqual("review", error.ElementId);
        StringAssert.StartsWith(error.Reason, "completion condition failed: ");
        Assert.AreEqual(2, (await host.WaitingAtAsync(instance.Id)).Count(e => e == "review"));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_interrupting_boundary_timer_on_a_multi_instance_cancels_every_item(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(ReviewsWith(Timer("timeDuration", "PT1H")), new { reviewers = new[] { "an", "binh", "chi" } });
        await CompleteOneAsync(host, instance.Id, "an");

        await host.AdvanceAsync(TimeSpan.FromHours(1));

        CollectionAssert.AreEqual(new[] { "late" }, await host.WaitingAtAsync(instance.Id));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_boundary_timer_of_a_multi_instance_completed_in_time_never_fires(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(ReviewsWith(Timer("timeDuration", "PT1H")), new { reviewers = new[] { "an", "binh" } });
        await CompleteOneAsync(host, instance.Id, "an");
        await CompleteOneAsync(host, instance.Id, "binh");

        Assert.AreEqual(0, await host.AdvanceAsync(TimeSpan.FromHours(2)));

        CollectionAssert.AreEqual(new[] { "summary" }, await host.WaitingAtAsync(instance.Id));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_multi_instance_collection_that_is_not_an_array_is_refused_naming_the_activity_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        await host.DeployAsync(Reviews());

        var error = await Assert.ThrowsExactlyAsync<ProcessExecutionException>(() => host.InScopeAsync(r =>
            r.StartAsync(new StartRequest("p", EngineTestHost.Variables(new { reviewers = "an" })), CancellationToken.None)));

        Assert.AreEqual("review", error.ElementId);
        StringAssert.Contains(error.Reason, "is not an array");
        Assert.AreEqual(0, await host.QueryAsync(db => db.Instances.CountAsync()));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_loop_cardinality_from_0_to_10000_is_run_that_many_times(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);

        var none = await host.StartAsync(Signatures("0"));
        var most = await host.StartAsync(Signatures("10000"));

        CollectionAssert.AreEqual(new[] { "after" }, await host.WaitingAtAsync(none.Id));
        CollectionAssert.AreEqual(new[] { "sign" }, await host.WaitingAtAsync(most.Id), "one at a time");
    }

    [TestMethod]
    [DataRow("-1")]
    [DataRow("2.5")]
    [DataRow("10001")]
    [DataRow("'3'")]
    public async Task Bpmn_loop_cardinality_that_is_not_a_whole_number_from_0_to_10000_is_refused_naming_the_activity(string cardinality)
    {
        await using var host = await EngineTestHost.StartAsync(DatabaseProvider.Sqlite);
        await host.DeployAsync(Signatures(cardinality));

        var error = await Assert.ThrowsExactlyAsync<ProcessExecutionException>(() =>
            host.InScopeAsync(r => r.StartAsync(new StartRequest("p"), CancellationToken.None)));

        Assert.AreEqual("sign", error.ElementId);
        Assert.AreEqual($"the loop cardinality '{cardinality}' is not a whole number from 0 to 10000", error.Reason);
        Assert.AreEqual(0, await host.QueryAsync(db => db.Instances.CountAsync()));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_compensation_after_a_multi_instance_undoes_each_of_its_instances_and_the_activities_before_it(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var xml = Process("""<bpmn:startEvent id="s"/>""" + Compensable("pay", "refund")
            + UserTask("book", candidateGroups: "=item", extra: """<bpmn:multiInstanceLoopCharacteristics isSequential="false">"""
                + """<bpmn:extensionElements><docbpm:loop collection="=items" elementVariable="item"/></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>""")
            + """<bpmn:boundaryEvent id="bookComp" attachedToRef="book"><bpmn:compensateEventDefinition/></bpmn:boundaryEvent>""" + Undo("unbook")
            + """<bpmn:association id="bookAssoc" associationDirection="One" sourceRef="bookComp" targetRef="unbook"/>"""
            + """<bpmn:intermediateThrowEvent id="undo"><bpmn:compensateEventDefinition/></bpmn:intermediateThrowEvent>"""
            + UserTask("after") + """<bpmn:endEvent id="e"/>""" + Chain("s", "pay", "book", "undo", "after", "e"));
        var instance = await host.StartAsync(xml, new { items = new[] { "hotel", "flight" } });
        await host.CompleteAsync(instance.Id, "pay");

        foreach (var task in (await host.ActiveBookmarksAsync(instance.Id)).Where(b => b.ElementId == "book").ToList())
            await host.InScopeAsync(r => r.CompleteTaskAsync(task.Id, null, new TaskActor("u", [], IsAdministrator: true), CancellationToken.None));

        CollectionAssert.AreEqual(new[] { "unbook", "unbook", "refund" }, await UndoneAsync(host, instance.Id));
        CollectionAssert.AreEqual(new[] { "after" }, await host.WaitingAtAsync(instance.Id));
    }
}
