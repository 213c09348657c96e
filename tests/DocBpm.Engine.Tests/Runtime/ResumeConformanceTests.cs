using DocBpm.Engine.Activities;
using DocBpm.Engine.Expressions;
using DocBpm.Engine.Model;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DocBpm.Engine.Tests.Decisions.Dmn;
using static DocBpm.Engine.Tests.Runtime.Bpmn;

namespace DocBpm.Engine.Tests.Runtime;

/// <summary>
/// A waiting instance resumed: by whom the history says it was, which event of an event-based gateway won, what a retry of
/// an incident leaves behind, a resume of what is no longer waiting, and the time the step's JavaScript may take.
/// </summary>
[TestClass]
public sealed class ResumeConformanceTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    private static Task<List<JournalRecord>> JournalOfAsync(EngineTestHost host, Guid instanceId) =>
        host.QueryAsync(db => db.Journal.AsNoTracking().Where(j => j.InstanceId == instanceId).OrderBy(j => j.Id).ToListAsync());

    /// <summary>The interpreter alone (<see cref="InMemoryWorkflowHost"/>), with this host's activities, started on <paramref name="xml"/>.</summary>
    private static async Task<(InMemoryWorkflowHost Memory, InMemoryInstance Started)> StartInMemoryAsync(EngineTestHost host, string xml)
    {
        var memory = host.Services.GetRequiredService<InMemoryWorkflowHost>();
        var model = BpmnParser.ParseSingle(xml, host.Services.GetRequiredService<ActivityRegistry>());
        return (memory, await memory.StartAsync(model, null, CancellationToken.None));
    }

    [TestMethod]
    public async Task The_history_of_a_run_in_memory_names_who_completed_a_task()
    {
        await using var host = await EngineTestHost.StartAsync(DatabaseProvider.Sqlite);
        var (memory, started) = await StartInMemoryAsync(host, Process("""<bpmn:startEvent id="s"/>""" + UserTask("sign") + UserTask("issue")
            + """<bpmn:endEvent id="e"/>""" + Chain("s", "sign", "issue", "e")));

        var resumed = await memory.ResumeAsync(started.Id, started.Bookmarks.Single().Id, new ResumeInput(null, "giamdoc"), CancellationToken.None);

        Assert.AreEqual("giamdoc", resumed.Output.Journal.Single(j => j.ElementId == "sign" && j.Event == "completed").Actor);
    }

    [TestMethod]
    public async Task A_resume_cancelled_before_it_runs_calls_no_outside_service_and_the_instance_still_waits_for_it()
    {
        await using var host = await EngineTestHost.StartAsync(DatabaseProvider.Sqlite);
        var (memory, started) = await StartInMemoryAsync(host, Process("""<bpmn:startEvent id="s"/>""" + Service("call", "FlakyCall", ("key", "'k'"))
            + UserTask("after") + """<bpmn:endEvent id="e"/>""" + Chain("s", "call", "after", "e")));
        var job = started.Bookmarks.Single();
        using var stopping = new CancellationTokenSource();
        await stopping.CancelAsync();

        await Assert.ThrowsExactlyAsync<OperationCanceledException>(() => memory.ResumeAsync(started.Id, job.Id, ResumeInput.Empty, stopping.Token));
        Assert.AreEqual(0, host.Flaky.Calls("k"));

        var resumed = await memory.ResumeAsync(started.Id, job.Id, ResumeInput.Empty, CancellationToken.None);
        Assert.AreEqual(1, host.Flaky.Calls("k"));
        Assert.AreEqual("after", resumed.Bookmarks.Single().ElementId);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Event_based_gateway_history_says_which_event_won_and_the_path_goes_on_from_it(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(Process("""<bpmn:startEvent id="s"/><bpmn:eventBasedGateway id="race"/>"""
            + """<bpmn:intermediateCatchEvent id="answer">""" + MessageCatch("m", "=docId") + "</bpmn:intermediateCatchEvent>"
            + """<bpmn:intermediateCatchEvent id="timeout">""" + Timer("timeDuration", "P2D") + "</bpmn:intermediateCatchEvent>"
            + UserTask("handleAnswer") + """<bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>"""
            + Chain("s", "race", "answer", "handleAnswer", "e1") + Chain("race", "timeout", "e2"), definitions: Message("m", "reply")),
            new { docId = "D-1" });

        await host.CorrelateAsync("reply", "D-1");

        var journal = (await JournalOfAsync(host, instance.Id)).SkipWhile(j => j.ElementId != "race" || j.Event != "completed").ToList();
        CollectionAssert.AreEqual(new[] { "race:completed", "answer:started", "answer:completed", "handleAnswer:started" },
            journal.Take(4).Select(j => j.ElementId + ":" + j.Event).ToList());
        Assert.AreEqual("answer", journal[0].Detail, "the gateway names the event that won");
        CollectionAssert.AreEqual(new[] { "handleAnswer" }, await host.WaitingAtAsync(instance.Id));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Dmn13_a_retry_before_the_table_is_fixed_raises_one_new_incident_and_leaves_nothing_else_due(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        await host.DeployDecisionsAsync(Table("UNIQUE", [("amount", "number")], [("fee", "number")], [["> 100", "20"], ["> 1000", "50"]], id: "fees"));
        var instance = await host.StartAsync(Process("""<bpmn:startEvent id="s"/>"""
            + """<bpmn:businessRuleTask id="decide" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" camunda:decisionRef="fees" camunda:resultVariable="fee" camunda:mapDecisionResult="singleEntry"/>"""
            + UserTask("after") + """<bpmn:endEvent id="e"/>""" + Chain("s", "decide", "after", "e")), new { amount = 5000 });
        var first = await host.QueryAsync(db => db.Incidents.AsNoTracking().SingleAsync(i => i.InstanceId == instance.Id));

        await host.InScopeAsync(r => r.RetryIncidentAsync(first.Id, "quantri", CancellationToken.None));

        var open = await host.QueryAsync(db => db.Incidents.AsNoTracking().Where(i => i.InstanceId == instance.Id && i.ResolvedAt == null).ToListAsync());
        Assert.AreNotEqual(first.Id, open.Single().Id);
        Assert.AreEqual(1, (await host.InstanceAsync(instance.Id)).OpenIncidents);
        CollectionAssert.AreEqual(new[] { "decide" }, await host.WaitingAtAsync(instance.Id), "one job, the new incident's");
        Assert.AreEqual(0, await host.AdvanceAsync(TimeSpan.FromMinutes(5)), "nothing runs the decision again until an administrator retries");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task A_task_completed_already_is_refused_as_a_conflict_in_Vietnamese_and_the_log_names_the_task(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(Process("""<bpmn:startEvent id="s"/>""" + UserTask("sign") + UserTask("issue")
            + """<bpmn:endEvent id="e"/>""" + Chain("s", "sign", "issue", "e")));
        var task = await host.TaskAsync(instance.Id, "sign");
        await host.CompleteAsync(instance.Id, "sign");

        var refused = await Assert.ThrowsExactlyAsync<BookmarkNotActiveException>(() => host.InScopeAsync(r =>
            r.CompleteTaskAsync(task.Id, null, new TaskActor("tester", [], IsAdministrator: true), CancellationToken.None)));

        Assert.AreEqual(RefusalKind.Conflict, refused.Kind);
        Assert.AreEqual(task.Id, refused.BookmarkId);
        StringAssert.Contains(refused.TitleVi, "không còn hiệu lực");
        StringAssert.Contains(refused.DetailVi, "không thực hiện lại");
        StringAssert.Contains(refused.Message, task.Id.ToString());
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Issue16_JavaScript_that_ran_past_the_steps_time_budget_stops_the_next_script_with_an_incident_naming_the_time_and_a_retry_goes_on(
        DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider, SandboxLimits.Default with { ScriptTimePerStep = TimeSpan.FromTicks(1) });
        var instance = await host.StartAsync(Process("""<bpmn:startEvent id="s"/>"""
            + """<bpmn:scriptTask id="first"><bpmn:script>runs = 1</bpmn:script></bpmn:scriptTask>"""
            + """<bpmn:scriptTask id="second"><bpmn:script>runs = runs + 1</bpmn:script></bpmn:scriptTask>"""
            + UserTask("after") + """<bpmn:endEvent id="e"/>""" + Chain("s", "first", "second", "after", "e")));

        Assert.AreEqual(1, (int?)await host.VariableAsync(instance.Id, "runs"), "the first script spent the budget");
        var incident = await host.QueryAsync(db => db.Incidents.AsNoTracking().SingleAsync(i => i.InstanceId == instance.Id));
        Assert.AreEqual("second", incident.ElementId);
        StringAssert.StartsWith(incident.Error, "script budget spent: JavaScript ran ");
        StringAssert.EndsWith(incident.Error, " s in one step (at most 0.0 s)");

        await host.InScopeAsync(r => r.RetryIncidentAsync(incident.Id, "quantri", CancellationToken.None));

        Assert.AreEqual(2, (int?)await host.VariableAsync(instance.Id, "runs"), "the retry is a step with a budget of its own");
        CollectionAssert.AreEqual(new[] { "after" }, await host.WaitingAtAsync(instance.Id));
    }
}
