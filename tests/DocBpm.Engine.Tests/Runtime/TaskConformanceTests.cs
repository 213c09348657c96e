using System.Text.Json.Nodes;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DocBpm.Engine.Tests.Runtime.Bpmn;

namespace DocBpm.Engine.Tests.Runtime;

/// <summary>
/// What each kind of task does when a token enters it: a receive task waits for its message, a user task carries its
/// assignment (due date, item variables), a standard loop runs up to its maximum; and the history records every run.
/// </summary>
[TestClass]
public sealed class TaskConformanceTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_receive_task_waits_for_its_message_with_its_correlation_key_then_goes_on(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(Process("""<bpmn:startEvent id="s"/><bpmn:receiveTask id="reply" messageRef="m">"""
            + """<bpmn:extensionElements><docbpm:subscription correlationKey="=docId"/></bpmn:extensionElements></bpmn:receiveTask>"""
            + UserTask("next") + """<bpmn:endEvent id="e"/>""" + Chain("s", "reply", "next", "e"), definitions: Message("m", "answer")),
            new { docId = "D-1" });
        var wait = (await host.ActiveBookmarksAsync(instance.Id)).Single();
        Assert.AreEqual((BookmarkKind.Message, "reply", "answer", "D-1"), (wait.Kind, wait.ElementId, wait.MessageName, wait.CorrelationKey));

        var other = await host.CorrelateAsync("answer", "D-2");
        Assert.AreEqual(0, other.InstanceIds.Count, "another document's answer is not this one's");
        await host.CorrelateAsync("answer", "D-1", new { accepted = true });

        Assert.AreEqual("next", (await host.ActiveBookmarksAsync(instance.Id)).Single().ElementId);
        Assert.IsTrue((bool)(await host.VariableAsync(instance.Id, "accepted"))!);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_user_task_due_date_and_priority_are_evaluated_when_the_task_is_created(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(Process("""<bpmn:startEvent id="s"/><bpmn:userTask id="answer"><bpmn:extensionElements>"""
            + """<docbpm:assignment assignee="an" dueDate="=deadline" priority="=urgent ? '80' : '50'"/></bpmn:extensionElements></bpmn:userTask>"""
            + UserTask("plain") + """<bpmn:endEvent id="e"/>""" + Chain("s", "answer", "plain", "e")),
            new { deadline = "2026-11-30T10:00:00+07:00", urgent = true });

        var task = await host.TaskAsync(instance.Id, "answer");
        Assert.AreEqual(new DateTimeOffset(2026, 11, 30, 3, 0, 0, TimeSpan.Zero), task.TaskDueDate);
        Assert.AreEqual(80, task.Priority);
        await host.CompleteAsync(instance.Id, "answer");

        var plain = await host.TaskAsync(instance.Id, "plain");
        Assert.AreEqual((null, 0), (plain.TaskDueDate, plain.Priority), "a task without a due date or priority has neither");
    }

    /// <summary>The item variables a waiting task carries in the instance's state, for the screen that shows it.</summary>
    private static async Task<List<JsonObject?>> TaskContextsAsync(EngineTestHost host, Guid instanceId) =>
        [.. InstanceState.Deserialize((await host.InstanceAsync(instanceId)).State).Bookmarks
            .Where(b => b.Kind == BookmarkKind.UserTask).Select(b => b.Task!.Context)];

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_user_task_of_a_multi_instance_item_shows_its_item_variables_and_a_single_task_none(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(MultiInstanceThenSummary("opinion", "Góp ý", "candidateGroups=\"=unit\"", "units", "unit",
            sequential: false, completion: null), new { units = new[] { "KHTC", "TCCB" } });

        var contexts = await TaskContextsAsync(host, instance.Id);
        CollectionAssert.AreEquivalent(new[] { "KHTC#0", "TCCB#1" },
            contexts.Select(c => $"{(string?)c!["unit"]}#{(int?)c["loopCounter"]}").ToArray());
        foreach (var bookmark in await host.ActiveBookmarksAsync(instance.Id))
            await host.InScopeAsync(r => r.CompleteTaskAsync(bookmark.Id, null, new TaskActor("u", [], IsAdministrator: true), CancellationToken.None));

        Assert.IsNull((await TaskContextsAsync(host, instance.Id)).Single(), "the summary task is no item's");
    }

    private static string Looping(string loop) => Process("""<bpmn:startEvent id="s"/>"""
        + $"""<bpmn:scriptTask id="work" scriptFormat="javascript"><bpmn:script>runs = (typeof runs === 'number' ? runs : 0) + 1</bpmn:script>{loop}</bpmn:scriptTask>"""
        + UserTask("after") + """<bpmn:endEvent id="e"/>""" + Chain("s", "work", "after", "e"));

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_standard_loop_with_only_a_maximum_runs_exactly_that_many_times_each_in_the_history(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);

        var instance = await host.StartAsync(Looping("""<bpmn:standardLoopCharacteristics loopMaximum="3"/>"""));

        Assert.AreEqual(3, (int?)await host.VariableAsync(instance.Id, "runs"));
        CollectionAssert.AreEqual(new[] { "work:started", "work:completed [done]", "work:started (loop run 2)", "work:completed [done]",
            "work:started (loop run 3)", "work:completed [done]" }, await History.OfAsync(host, instance.Id, "work"));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_loop_condition_that_fails_to_evaluate_refuses_the_step_naming_the_loop_condition(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        await host.DeployAsync(Looping("""<bpmn:standardLoopCharacteristics><bpmn:loopCondition>missing.field &lt; 3</bpmn:loopCondition></bpmn:standardLoopCharacteristics>"""));

        var error = await Assert.ThrowsExactlyAsync<ProcessExecutionException>(() =>
            host.InScopeAsync(r => r.StartAsync(new StartRequest("p"), CancellationToken.None)));

        Assert.AreEqual("work", error.ElementId);
        StringAssert.StartsWith(error.Reason, "loop condition failed: ");
        Assert.AreEqual(0, await host.QueryAsync(db => db.Instances.CountAsync()));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_multi_instance_items_each_start_in_the_history(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);

        var instance = await host.StartAsync(MultiInstanceThenSummary("opinion", "Góp ý", "candidateGroups=\"=unit\"", "units", "unit",
            sequential: false, completion: null), new { units = new[] { "KHTC", "TCCB" } });

        CollectionAssert.AreEqual(new[] { "opinion:started", "opinion:started (multi-instance item)", "opinion:started (multi-instance item)" },
            await History.OfAsync(host, instance.Id, "opinion"));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Activity_that_fails_is_reported_on_its_task_naming_its_type_and_its_error(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        host.Flaky.FailTimes("k", 1);
        var instance = await host.StartAsync(Process("""<bpmn:startEvent id="s"/>""" + Service("call", "FlakyCall", ("key", "key"))
            + UserTask("after") + """<bpmn:endEvent id="e"/>""" + Chain("s", "call", "after", "e")), new { key = "k" });

        await host.AdvanceAsync(TimeSpan.Zero);

        var job = (await host.ActiveBookmarksAsync(instance.Id)).Single();
        Assert.AreEqual((BookmarkKind.Job, "call", 1), (job.Kind, job.ElementId, job.Attempts));
        StringAssert.StartsWith(job.LastError, "call: activity FlakyCall failed: Service unavailable");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Activity_input_that_fails_to_evaluate_is_refused_as_the_inputs_own_failure_and_stores_nothing(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        await host.DeployAsync(Process("""<bpmn:startEvent id="s"/>""" + Service("echo", "Echo", ("text", "missing.field"))
            + """<bpmn:endEvent id="e"/>""" + Chain("s", "echo", "e")));

        var error = await Assert.ThrowsExactlyAsync<ProcessExecutionException>(() =>
            host.InScopeAsync(r => r.StartAsync(new StartRequest("p"), CancellationToken.None)));

        Assert.AreEqual("echo", error.ElementId);
        StringAssert.StartsWith(error.Reason, "expression failed: ");
        Assert.AreEqual(0, await host.QueryAsync(db => db.Instances.CountAsync()));
    }
}
