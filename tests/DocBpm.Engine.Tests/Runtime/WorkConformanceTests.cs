using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DocBpm.Engine.Tests.Runtime.Bpmn;

namespace DocBpm.Engine.Tests.Runtime;

/// <summary>User tasks, multi-instance, transactions, concurrency and asynchronous jobs, on every database.</summary>
[TestClass]
public sealed class WorkConformanceTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    private static string AssignToUnits(string? completion = null) =>
        MultiInstanceThenSummary("opinion", "Cho ý kiến", "candidateGroups=\"=unit\"", "units", "unit", sequential: false, completion);

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Parallel_multi_instance_creates_one_task_per_unit_and_completes_after_all(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(AssignToUnits(), new { units = new[] { "PhongTCCB", "PhongKHTC", "VanPhong" } });
        var tasks = await host.ActiveBookmarksAsync(instance.Id);
        CollectionAssert.AreEquivalent(new[] { ",PhongTCCB,", ",PhongKHTC,", ",VanPhong," }, tasks.Select(t => t.CandidateGroups).ToList());

        foreach (var task in tasks.Take(2))
            await host.InScopeAsync(r => r.CompleteTaskAsync(task.Id, null, new TaskActor("u", [task.CandidateGroups!.Trim(',')]), CancellationToken.None));
        Assert.AreEqual(1, (await host.ActiveBookmarksAsync(instance.Id)).Count(b => b.ElementId == "opinion"));

        await host.InScopeAsync(r => r.CompleteTaskAsync(tasks[2].Id, null, new TaskActor("u", [tasks[2].CandidateGroups!.Trim(',')]), CancellationToken.None));
        Assert.AreEqual("summary", (await host.ActiveBookmarksAsync(instance.Id)).Single().ElementId);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Multi_instance_completion_condition_cancels_the_remaining_tasks(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(AssignToUnits("nrOfCompletedInstances &gt;= 2"), new { units = new[] { "A", "B", "C" } });
        var tasks = await host.ActiveBookmarksAsync(instance.Id);

        foreach (var task in tasks.Take(2))
            await host.InScopeAsync(r => r.CompleteTaskAsync(task.Id, null, new TaskActor("u", [], true), CancellationToken.None));

        Assert.AreEqual("summary", (await host.ActiveBookmarksAsync(instance.Id)).Single().ElementId);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task A_user_task_cannot_be_completed_twice_or_by_someone_else(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var xml = Process("""<bpmn:startEvent id="s"/>""" + UserTask("sign", assignee: "giamdoc") + UserTask("issue")
            + """<bpmn:endEvent id="e"/>""" + Chain("s", "sign", "issue", "e"));
        var instance = await host.StartAsync(xml);
        var task = await host.TaskAsync(instance.Id, "sign");

        await Assert.ThrowsExactlyAsync<TaskAccessDeniedException>(() => host.InScopeAsync(r =>
            r.CompleteTaskAsync(task.Id, null, new TaskActor("chuyenvien", ["ChuyenVien"]), CancellationToken.None)));
        await host.InScopeAsync(r => r.CompleteTaskAsync(task.Id, null, new TaskActor("giamdoc", []), CancellationToken.None));
        await Assert.ThrowsExactlyAsync<BookmarkNotActiveException>(() => host.InScopeAsync(r =>
            r.CompleteTaskAsync(task.Id, null, new TaskActor("giamdoc", []), CancellationToken.None)));

        Assert.AreEqual(1, (await host.JournalAsync(instance.Id)).Count(j => j == "sign:completed"));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Two_concurrent_completions_of_one_task_exactly_one_wins(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var xml = Process("""<bpmn:startEvent id="s"/>""" + UserTask("approve") + UserTask("next")
            + """<bpmn:endEvent id="e"/>""" + Chain("s", "approve", "next", "e"));
        var instance = await host.StartAsync(xml);
        var task = await host.TaskAsync(instance.Id, "approve");
        var actor = new TaskActor("a", [], true);

        // Both runs load the instance before either stores: the second store must lose on the revision check.
        using var bothLoaded = new Barrier(2);
        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => Task.Run(async () =>
        {
            try
            {
                await host.InScopeAsync(async r =>
                {
                    var row = await r.Db.Instances.FirstAsync(x => x.Id == instance.Id);
                    bothLoaded.SignalAndWait(TimeSpan.FromSeconds(10));
                    return await r.CompleteTaskAsync(task.Id, new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["by"] = i }, actor, CancellationToken.None);
                });
                return "ok";
            }
            catch (ConcurrencyConflictException)
            {
                return "conflict";
            }
            catch (BookmarkNotActiveException)
            {
                return "conflict";
            }
        })));

        Assert.AreEqual(1, results.Count(r => r == "ok"));
        Assert.AreEqual(1, results.Count(r => r == "conflict"));
        Assert.AreEqual(1, (await host.ActiveBookmarksAsync(instance.Id)).Count(b => b.ElementId == "next"));
        Assert.AreEqual(1, (await host.JournalAsync(instance.Id)).Count(j => j == "approve:completed"));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task A_failing_step_leaves_the_database_as_it_was(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var xml = Process("""<bpmn:startEvent id="s"/>""" + UserTask("fill")
            + """<bpmn:scriptTask id="check"><bpmn:script>if (!form.number) { throw new Error('thiếu số'); }</bpmn:script></bpmn:scriptTask>"""
            + UserTask("done") + """<bpmn:endEvent id="e"/>""" + Chain("s", "fill", "check", "done", "e"));
        var instance = await host.StartAsync(xml);
        var journalBefore = await host.JournalAsync(instance.Id);
        var before = await host.InstanceAsync(instance.Id);

        var error = await Assert.ThrowsExactlyAsync<ProcessExecutionException>(() =>
            host.CompleteAsync(instance.Id, "fill", new { form = new { number = "" } }));

        Assert.AreEqual("check", error.ElementId);
        var after = await host.InstanceAsync(instance.Id);
        Assert.AreEqual(before.Revision, after.Revision);
        Assert.AreEqual(before.State, after.State);
        CollectionAssert.AreEqual(journalBefore, await host.JournalAsync(instance.Id));
        Assert.AreEqual("fill", (await host.ActiveBookmarksAsync(instance.Id)).Single().ElementId);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Script_that_never_ends_is_stopped_by_the_sandbox(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var xml = Process("""<bpmn:startEvent id="s"/><bpmn:scriptTask id="loop"><bpmn:script>while (true) {}</bpmn:script></bpmn:scriptTask><bpmn:endEvent id="e"/>"""
            + Chain("s", "loop", "e"));
        await host.DeployAsync(xml);

        var error = await Assert.ThrowsExactlyAsync<ProcessExecutionException>(() =>
            host.InScopeAsync(r => r.StartAsync(new StartRequest("p"), CancellationToken.None)));

        StringAssert.Contains(error.Reason, "limit");
    }

    private static readonly string CallOutside = Process("""<bpmn:startEvent id="s"/>""" + Service("call", "FlakyCall", ("key", "key"))
        + UserTask("after") + """<bpmn:endEvent id="e"/>""" + Chain("s", "call", "after", "e"));

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Asynchronous_activity_retries_with_backoff_then_succeeds(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        host.Flaky.FailTimes("k1", 2);
        var instance = await host.StartAsync(CallOutside, new { key = "k1" });
        Assert.AreEqual(0, host.Flaky.Calls("k1"), "called only after the start committed");

        await host.AdvanceAsync(TimeSpan.Zero);
        var job = (await host.ActiveBookmarksAsync(instance.Id)).Single();
        Assert.AreEqual(1, job.Attempts);
        Assert.AreEqual(host.Clock.GetUtcNow() + WorkflowRuntime.Backoff(1), job.DueAt);

        await host.AdvanceAsync(WorkflowRuntime.Backoff(1));
        await host.AdvanceAsync(WorkflowRuntime.Backoff(2));

        Assert.AreEqual(3, host.Flaky.Calls("k1"));
        Assert.AreEqual("after", (await host.ActiveBookmarksAsync(instance.Id)).Single().ElementId);
        Assert.AreEqual(3, (int?)await host.VariableAsync(instance.Id, "calls"));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task After_the_last_attempt_an_incident_is_raised_and_an_admin_retry_runs_it_again(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        host.Flaky.FailTimes("k2", 3);
        var instance = await host.StartAsync(CallOutside, new { key = "k2" });

        await host.AdvanceAsync(TimeSpan.Zero);
        await host.AdvanceAsync(WorkflowRuntime.Backoff(1));
        await host.AdvanceAsync(WorkflowRuntime.Backoff(2));
        await host.AdvanceAsync(TimeSpan.FromDays(1));

        var incident = await host.QueryAsync(db => db.Incidents.AsNoTracking().SingleAsync(i => i.InstanceId == instance.Id));
        Assert.AreEqual("call", incident.ElementId);
        StringAssert.Contains(incident.Error, "Service unavailable");
        Assert.AreEqual(1, (await host.InstanceAsync(instance.Id)).OpenIncidents);
        Assert.AreEqual(3, host.Flaky.Calls("k2"));

        await host.InScopeAsync(r => r.RetryIncidentAsync(incident.Id, "quantri", CancellationToken.None));

        Assert.AreEqual("after", (await host.ActiveBookmarksAsync(instance.Id)).Single().ElementId);
        Assert.AreEqual(0, (await host.InstanceAsync(instance.Id)).OpenIncidents);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task An_asynchronous_activitys_uncaught_BPMN_error_raises_one_incident_and_its_job_does_not_run_again(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(Process("""<bpmn:startEvent id="s"/>"""
            + Service("call", "RaiseErrorLater", ("key", "'late'"), ("code", "'E-LATE'")) + """<bpmn:endEvent id="e"/>""" + Chain("s", "call", "e")));

        await host.AdvanceAsync(TimeSpan.Zero);
        await host.AdvanceAsync(TimeSpan.FromDays(1));

        Assert.AreEqual(1, host.Flaky.Calls("late"), "the job that answered with the error is spent; only an administrator's retry calls again");
        var incident = await host.QueryAsync(db => db.Incidents.AsNoTracking().SingleAsync(i => i.InstanceId == instance.Id));
        Assert.AreEqual("call", incident.ElementId);
        StringAssert.Contains(incident.Error, "E-LATE");
        Assert.AreEqual(1, (await host.InstanceAsync(instance.Id)).OpenIncidents);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Redeploying_the_same_file_keeps_the_version_and_running_instances_keep_theirs(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var v1 = Process("""<bpmn:startEvent id="s"/>""" + UserTask("a") + """<bpmn:endEvent id="e"/>""" + Chain("s", "a", "e"));
        var v2 = Process("""<bpmn:startEvent id="s"/>""" + UserTask("a") + UserTask("b") + """<bpmn:endEvent id="e"/>""" + Chain("s", "a", "b", "e"));
        var old = await host.StartAsync(v1);

        var same = await host.DeployAsync(v1);
        var changed = await host.DeployAsync(v2);
        var fresh = await host.InScopeAsync(r => r.StartAsync(new StartRequest("p"), CancellationToken.None));

        Assert.IsFalse(same.IsNew);
        Assert.AreEqual(1, same.Definition.Version);
        Assert.AreEqual(2, changed.Definition.Version);
        Assert.AreEqual(2, fresh.DefinitionVersion);
        var finished = await host.CompleteAsync(old.Id, "a");
        Assert.AreEqual(InstanceStatus.Completed, finished.Status, "the old instance follows version 1, which has no task b");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Cancelling_an_instance_closes_its_tasks_and_keeps_its_history(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var xml = Process("""<bpmn:startEvent id="s"/>""" + UserTask("a") + """<bpmn:endEvent id="e"/>""" + Chain("s", "a", "e"));
        var instance = await host.StartAsync(xml);

        await host.InScopeAsync(r => r.CancelAsync(instance.Id, "quantri", "nhập nhầm", CancellationToken.None));

        Assert.AreEqual(InstanceStatus.Cancelled, (await host.InstanceAsync(instance.Id)).Status);
        Assert.AreEqual(0, (await host.ActiveBookmarksAsync(instance.Id)).Count);
        CollectionAssert.Contains(await host.JournalAsync(instance.Id), "p:cancelled");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task An_error_in_one_item_of_a_multi_instance_subprocess_interrupts_the_whole_activity(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var xml = Process("""<bpmn:startEvent id="s"/><bpmn:subProcess id="perUnit"><bpmn:multiInstanceLoopCharacteristics isSequential="false">"""
            + """<bpmn:extensionElements><docbpm:loop collection="=units" elementVariable="unit"/></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>"""
            + """<bpmn:startEvent id="in"/><bpmn:exclusiveGateway id="known" default="ok"/>"""
            + """<bpmn:endEvent id="unknownUnit"><bpmn:errorEventDefinition errorRef="err"/></bpmn:endEvent>""" + UserTask("work")
            + """<bpmn:endEvent id="out"/>""" + Flow("i0", "in", "known") + Flow("bad", "known", "unknownUnit", "unit === 'X'")
            + Flow("ok", "known", "work") + Flow("i1", "work", "out") + "</bpmn:subProcess>"
            + """<bpmn:boundaryEvent id="failed" attachedToRef="perUnit"><bpmn:errorEventDefinition errorRef="err"/></bpmn:boundaryEvent>"""
            + UserTask("fix") + UserTask("after") + """<bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>"""
            + Chain("s", "perUnit", "after", "e1") + Chain("failed", "fix", "e2"),
            definitions: Error("err", "UNKNOWN_UNIT"));

        var instance = await host.StartAsync(xml, new { units = new[] { "A", "X", "B" } });

        Assert.AreEqual("fix", (await host.ActiveBookmarksAsync(instance.Id)).Single().ElementId, "the other units' tasks are cancelled");
        var state = DocBpm.Engine.Runtime.InstanceState.Deserialize((await host.InstanceAsync(instance.Id)).State);
        Assert.AreEqual(1, state.Scopes.Count, "no multi-instance scope is left behind");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Hosts_deploying_the_same_file_at_once_store_one_version(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var xml = Process("""<bpmn:startEvent id="s"/>""" + UserTask("a") + """<bpmn:endEvent id="e"/>""" + Chain("s", "a", "e"), id: "together");

        var deployments = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => host.DeployAsync(xml))));

        Assert.AreEqual(1, deployments.Count(d => d.IsNew));
        Assert.IsTrue(deployments.All(d => d.Definition.Version == 1));
        Assert.AreEqual(1, await host.QueryAsync(db => db.Definitions.CountAsync(d => d.Key == "together")));
    }
}
