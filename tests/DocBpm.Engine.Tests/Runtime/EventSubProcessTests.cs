using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DocBpm.Engine.Tests.Runtime.Bpmn;

namespace DocBpm.Engine.Tests.Runtime;

/// <summary>Event subprocesses: message, timer, signal, error and escalation starts, interrupting or not, at both levels.</summary>
[TestClass]
public sealed class EventSubProcessTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    /// <summary>An event subprocess whose start event has <paramref name="definition"/>, then one user task.</summary>
    internal static string EventSubProcess(string id, string definition, string task, bool interrupting = true) =>
        $"""<bpmn:subProcess id="{id}" triggeredByEvent="true"><bpmn:startEvent id="{id}Start" isInterrupting="{(interrupting ? "true" : "false")}">{definition}</bpmn:startEvent>"""
        + UserTask(task) + $"""<bpmn:endEvent id="{id}End"/>""" + Chain($"{id}Start", task, $"{id}End") + "</bpmn:subProcess>";

    private static string WorkWith(string eventSubProcess, string definitions = "") => Process(
        """<bpmn:startEvent id="s"/>""" + UserTask("work") + """<bpmn:endEvent id="e"/>""" + Chain("s", "work", "e") + eventSubProcess,
        definitions: definitions);

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_interrupting_message_event_subprocess_cancels_the_process_work_and_ends_it_after_a_restart(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(WorkWith(EventSubProcess("recall", MessageCatch("m", "=docId"), "handleRecall"), Message("m", "recall")),
            new { docId = "D1" });
        CollectionAssert.AreEqual(new[] { "recallStart", "work" }, await host.WaitingAtAsync(instance.Id));
        await host.RestartAsync();

        await host.CorrelateAsync("recall", "D1");

        CollectionAssert.AreEqual(new[] { "handleRecall" }, await host.WaitingAtAsync(instance.Id));
        Assert.AreEqual(InstanceStatus.Completed, (await host.CompleteAsync(instance.Id, "handleRecall")).Status);
        CollectionAssert.Contains(await host.JournalAsync(instance.Id), "recall:interrupted");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_non_interrupting_timer_event_subprocess_runs_beside_the_work_each_cycle(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(WorkWith(EventSubProcess("remind", Timer("timeCycle", "R2/PT1H"), "chase", interrupting: false)));

        await host.AdvanceAsync(TimeSpan.FromHours(1));
        await host.AdvanceAsync(TimeSpan.FromHours(1));
        await host.AdvanceAsync(TimeSpan.FromHours(1));

        CollectionAssert.AreEqual(new[] { "chase", "chase", "work" }, await host.WaitingAtAsync(instance.Id), "two cycles, then the timer is done");
        await host.CompleteAsync(instance.Id, "work");
        var chases = (await host.ActiveBookmarksAsync(instance.Id)).Where(b => b.ElementId == "chase").ToList();
        await host.InScopeAsync(r => r.CompleteTaskAsync(chases[0].Id, null, new TaskActor("t", [], IsAdministrator: true), CancellationToken.None));
        Assert.AreEqual(InstanceStatus.Running, (await host.InstanceAsync(instance.Id)).Status, "a running event subprocess keeps its scope alive");
        var last = await host.InScopeAsync(r => r.CompleteTaskAsync(chases[1].Id, null, new TaskActor("t", [], IsAdministrator: true), CancellationToken.None));
        Assert.AreEqual(InstanceStatus.Completed, last.Status);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_event_subprocess_stops_waiting_when_its_scope_completes(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(WorkWith(EventSubProcess("remind", Timer("timeDuration", "P1D"), "chase", interrupting: false)));

        var done = await host.CompleteAsync(instance.Id, "work");

        Assert.AreEqual(InstanceStatus.Completed, done.Status);
        Assert.AreEqual(0, (await host.ActiveBookmarksAsync(instance.Id)).Count);
        Assert.AreEqual(0, await host.AdvanceAsync(TimeSpan.FromDays(2)));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_error_event_subprocess_of_a_subprocess_catches_its_error_and_the_subprocess_completes(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(Process("""<bpmn:startEvent id="s"/><bpmn:subProcess id="sub"><bpmn:startEvent id="ss"/>"""
            + Service("fail", "RaiseError", ("code", "'LATE'")) + UserTask("never") + """<bpmn:endEvent id="se"/>""" + Chain("ss", "fail", "never", "se")
            + EventSubProcess("onError", """<bpmn:errorEventDefinition errorRef="err"/>""", "fix")
            + "</bpmn:subProcess>" + UserTask("after") + """<bpmn:endEvent id="e"/>""" + Chain("s", "sub", "after", "e"),
            definitions: Error("err", "LATE")));

        CollectionAssert.AreEqual(new[] { "fix" }, await host.WaitingAtAsync(instance.Id));
        await host.CompleteAsync(instance.Id, "fix");

        CollectionAssert.AreEqual(new[] { "after" }, await host.WaitingAtAsync(instance.Id));
        Assert.AreEqual(0, (await host.InstanceAsync(instance.Id)).OpenIncidents);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_error_inside_an_error_event_subprocess_goes_to_the_enclosing_scope_not_back_to_itself(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(Process("""<bpmn:startEvent id="s"/>""" + Service("fail", "RaiseError", ("code", "'X'"))
            + """<bpmn:endEvent id="e"/>""" + Chain("s", "fail", "e")
            + """<bpmn:subProcess id="onError" triggeredByEvent="true"><bpmn:startEvent id="os"><bpmn:errorEventDefinition/></bpmn:startEvent>"""
            + Service("failAgain", "RaiseError", ("code", "'X'")) + """<bpmn:endEvent id="oe"/>""" + Chain("os", "failAgain", "oe") + "</bpmn:subProcess>"));

        var incident = await host.QueryAsync(db => db.Incidents.AsNoTracking().SingleAsync(i => i.InstanceId == instance.Id));

        Assert.AreEqual("failAgain", incident.ElementId);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_non_interrupting_signal_event_subprocess_of_a_subprocess_runs_only_while_the_subprocess_does(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(Process("""<bpmn:startEvent id="s"/><bpmn:subProcess id="sub"><bpmn:startEvent id="ss"/>"""
            + UserTask("work") + """<bpmn:endEvent id="se"/>""" + Chain("ss", "work", "se")
            + EventSubProcess("onAlarm", """<bpmn:signalEventDefinition signalRef="sig"/>""", "note", interrupting: false)
            + "</bpmn:subProcess>" + UserTask("after") + """<bpmn:endEvent id="e"/>""" + Chain("s", "sub", "after", "e"),
            definitions: """<bpmn:signal id="sig" name="alarm"/>"""));

        await host.InScopeAsync(r => r.SignalAsync(new SignalRequest("alarm"), CancellationToken.None));
        CollectionAssert.AreEqual(new[] { "note", "onAlarmStart", "work" }, await host.WaitingAtAsync(instance.Id));
        await host.CompleteAsync(instance.Id, "work");
        await host.CompleteAsync(instance.Id, "note");
        var later = await host.InScopeAsync(r => r.SignalAsync(new SignalRequest("alarm"), CancellationToken.None));

        CollectionAssert.AreEqual(new[] { "after" }, await host.WaitingAtAsync(instance.Id));
        Assert.AreEqual(0, later.Resumed.Count);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_escalation_event_subprocess_interrupting_or_not(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        static string Escalating(bool interrupting) => Process("""<bpmn:startEvent id="s"/>"""
            + """<bpmn:intermediateThrowEvent id="raise"><bpmn:escalationEventDefinition escalationRef="esc"/></bpmn:intermediateThrowEvent>"""
            + UserTask("goOn") + """<bpmn:endEvent id="e"/>""" + Chain("s", "raise", "goOn", "e")
            + EventSubProcess("onLate", """<bpmn:escalationEventDefinition escalationRef="esc"/>""", "handle", interrupting),
            id: interrupting ? "interrupting" : "alongside", definitions: """<bpmn:escalation id="esc" escalationCode="LATE"/>""");

        var interrupted = await host.StartAsync(Escalating(interrupting: true));
        var alongside = await host.StartAsync(Escalating(interrupting: false));

        CollectionAssert.AreEqual(new[] { "handle" }, await host.WaitingAtAsync(interrupted.Id));
        CollectionAssert.AreEqual(new[] { "goOn", "handle" }, await host.WaitingAtAsync(alongside.Id));
    }

    /// <summary>"sub" (an embedded subprocess with "inner", and <paramref name="insideSub"/>), then "after"; <paramref name="besideSub"/> at process level.</summary>
    private static string SubThenAfter(string insideSub = "", string besideSub = "", string definitions = "") => Process(
        """<bpmn:startEvent id="s"/><bpmn:subProcess id="sub"><bpmn:startEvent id="ss"/>""" + UserTask("inner") + """<bpmn:endEvent id="se"/>"""
        + Chain("ss", "inner", "se") + insideSub + "</bpmn:subProcess>" + UserTask("after") + """<bpmn:endEvent id="e"/>""" + Chain("s", "sub", "after", "e")
        + besideSub, definitions: definitions);

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_process_event_subprocess_keeps_listening_after_an_embedded_subprocess_completes(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(SubThenAfter(besideSub: EventSubProcess("recall", MessageCatch("m", "=docId"), "handleRecall", interrupting: false),
            definitions: Message("m", "recall")), new { docId = "D1" });
        await host.CompleteAsync(instance.Id, "inner");

        await host.CorrelateAsync("recall", "D1");

        CollectionAssert.AreEqual(new[] { "after", "handleRecall", "recallStart" }, await host.WaitingAtAsync(instance.Id));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_subprocess_that_completed_leaves_no_event_subprocess_behind_so_the_instance_moves_to_a_version_without_it(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(SubThenAfter(insideSub: EventSubProcess("onAlarm", """<bpmn:signalEventDefinition signalRef="sig"/>""", "note", interrupting: false),
            definitions: """<bpmn:signal id="sig" name="alarm"/>"""));
        await host.CompleteAsync(instance.Id, "inner");
        await host.DeployAsync(SubThenAfter());

        var moved = await host.InScopeAsync(r => r.MigrateAsync(instance.Id, null, "quantri", CancellationToken.None));

        Assert.AreEqual(2, moved.DefinitionVersion);
        CollectionAssert.AreEqual(new[] { "after" }, await host.WaitingAtAsync(instance.Id));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_non_interrupting_message_event_subprocess_runs_for_every_message_also_after_an_earlier_run_ended(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(WorkWith(EventSubProcess("recall", MessageCatch("m", "=docId"), "handleRecall", interrupting: false), Message("m", "recall")),
            new { docId = "D1" });
        await host.CorrelateAsync("recall", "D1");
        await host.CompleteAsync(instance.Id, "handleRecall");

        await host.CorrelateAsync("recall", "D1");

        CollectionAssert.AreEqual(new[] { "handleRecall", "recallStart", "work" }, await host.WaitingAtAsync(instance.Id));
        CollectionAssert.AreEqual(new[] { "non-interrupting", "non-interrupting" }, await host.JournalDetailsAsync(instance.Id, "recall", "started"));
        Assert.AreEqual(2, (await host.JournalAsync(instance.Id)).Count(j => j == "recallStart:started"));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_interrupting_event_subprocess_cancels_the_work_inside_an_embedded_subprocess_too(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(SubThenAfter(besideSub: EventSubProcess("recall", MessageCatch("m", "=docId"), "handleRecall"),
            definitions: Message("m", "recall")), new { docId = "D1" });

        await host.CorrelateAsync("recall", "D1");

        CollectionAssert.AreEqual(new[] { "handleRecall" }, await host.WaitingAtAsync(instance.Id));
        Assert.AreEqual(InstanceStatus.Completed, (await host.CompleteAsync(instance.Id, "handleRecall")).Status);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_interrupting_event_subprocess_history_names_the_scope_it_interrupted(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var ofProcess = await host.StartAsync(WorkWith(EventSubProcess("recall", MessageCatch("m", "=docId"), "handleRecall"), Message("m", "recall")),
            new { docId = "D1" });
        var ofSub = await host.StartAsync(SubThenAfter(insideSub: EventSubProcess("stop", MessageCatch("m2", "=docId"), "handleStop"),
            definitions: Message("m2", "stop")), new { docId = "D2" });

        await host.CorrelateAsync("recall", "D1");
        await host.CorrelateAsync("stop", "D2");

        CollectionAssert.AreEqual(new[] { "p" }, await host.JournalDetailsAsync(ofProcess.Id, "recall", "interrupted"));
        CollectionAssert.AreEqual(new[] { "sub" }, await host.JournalDetailsAsync(ofSub.Id, "stop", "interrupted"));
        CollectionAssert.AreEqual(new string?[] { null }, await host.JournalDetailsAsync(ofSub.Id, "stop", "started"));
        CollectionAssert.Contains(await host.JournalAsync(ofSub.Id), "stopStart:started");
        CollectionAssert.AreEqual(new[] { "handleStop" }, await host.WaitingAtAsync(ofSub.Id));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_error_inside_one_item_of_a_multi_instance_subprocess_is_caught_by_an_error_event_subprocess_of_the_process(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(Process("""<bpmn:startEvent id="s"/><bpmn:subProcess id="perUnit">"""
            + """<bpmn:multiInstanceLoopCharacteristics isSequential="false"><bpmn:extensionElements><docbpm:loop collection="=units" elementVariable="unit"/>"""
            + """</bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics><bpmn:startEvent id="in"/>""" + UserTask("work")
            + """<bpmn:endEvent id="unknownUnit"><bpmn:errorEventDefinition errorRef="err"/></bpmn:endEvent><bpmn:endEvent id="out"/>"""
            + Flow("bad", "in", "unknownUnit", "unit === 'X'") + Flow("ok", "in", "work", "unit !== 'X'") + Flow("done", "work", "out") + "</bpmn:subProcess>"
            + UserTask("after") + """<bpmn:endEvent id="e"/>""" + Chain("s", "perUnit", "after", "e")
            + EventSubProcess("onError", """<bpmn:errorEventDefinition errorRef="err"/>""", "fix"), definitions: Error("err", "UNKNOWN_UNIT")),
            new { units = new[] { "A", "X" } });

        CollectionAssert.AreEqual(new[] { "fix" }, await host.WaitingAtAsync(instance.Id), "the item's error leaves the activity, which has no catch of its own");
    }

    [TestMethod]
    public void Event_subprocess_rules_are_checked_at_deploy()
    {
        var registry = new Activities.ActivityRegistry([]);
        var result = Model.BpmnParser.Parse(Process("""<bpmn:startEvent id="s"/><bpmn:endEvent id="e"/>""" + Chain("s", "e")
            + """<bpmn:subProcess id="noTrigger" triggeredByEvent="true"><bpmn:startEvent id="n1"/><bpmn:endEvent id="n2"/>""" + Chain("n1", "n2") + "</bpmn:subProcess>"
            + """<bpmn:subProcess id="errorAlongside" triggeredByEvent="true"><bpmn:startEvent id="x1" isInterrupting="false"><bpmn:errorEventDefinition/></bpmn:startEvent><bpmn:endEvent id="x2"/>"""
            + Chain("x1", "x2") + "</bpmn:subProcess>"), registry);

        Assert.AreEqual(1, result.Errors.Count(e => e.ElementId == "noTrigger" && e.Message.Contains("exactly one start event", StringComparison.Ordinal)));
        Assert.AreEqual(1, result.Errors.Count(e => e.ElementId == "x1" && e.Message.Contains("always interrupts", StringComparison.Ordinal)));
        Assert.AreEqual(2, result.Errors.Count, string.Join("; ", result.Errors.Select(e => e.Message)));
    }
}
