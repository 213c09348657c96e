using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Engine.Tests.Infrastructure;
using static DocBpm.Engine.Tests.Runtime.Bpmn;

namespace DocBpm.Engine.Tests.Runtime;

/// <summary>Messages, timers, boundary events and errors, on every database the engine supports.</summary>
[TestClass]
public sealed class EventConformanceTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    private static readonly string RaceXml = Process(
        """<bpmn:startEvent id="s"/><bpmn:eventBasedGateway id="race"/>"""
        + """<bpmn:intermediateCatchEvent id="answer">""" + MessageCatch("m1", "=docId") + "</bpmn:intermediateCatchEvent>"
        + """<bpmn:intermediateCatchEvent id="timeout">""" + Timer("timeDuration", "P2D") + "</bpmn:intermediateCatchEvent>"
        + UserTask("handleAnswer") + UserTask("chase") + """<bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>"""
        + Flow("f0", "s", "race") + Flow("f1", "race", "answer") + Flow("f2", "race", "timeout")
        + Flow("f3", "answer", "handleAnswer") + Flow("f4", "timeout", "chase") + Flow("f5", "handleAnswer", "e1") + Flow("f6", "chase", "e2"),
        definitions: Message("m1", "reply"));

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Event_based_gateway_message_wins_the_race_and_cancels_the_timer(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(RaceXml, new { docId = "D-1" });
        Assert.AreEqual(2, (await host.ActiveBookmarksAsync(instance.Id)).Count);

        var result = await host.CorrelateAsync("reply", "D-1", new { answer = "đồng ý" });

        Assert.AreEqual(CorrelationKind.Resumed, result.Kind);
        Assert.AreEqual("handleAnswer", (await host.ActiveBookmarksAsync(instance.Id)).Single().ElementId);
        Assert.AreEqual("đồng ý", (string?)await host.VariableAsync(instance.Id, "answer"));
        Assert.AreEqual(0, await host.AdvanceAsync(TimeSpan.FromDays(3)), "the cancelled timer must not fire");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Event_based_gateway_timer_wins_when_no_message_comes(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(RaceXml, new { docId = "D-2" });

        await host.AdvanceAsync(TimeSpan.FromDays(1));
        Assert.AreEqual(2, (await host.ActiveBookmarksAsync(instance.Id)).Count, "not due yet");
        await host.AdvanceAsync(TimeSpan.FromDays(1.5));

        Assert.AreEqual("chase", (await host.ActiveBookmarksAsync(instance.Id)).Single().ElementId);
        Assert.AreEqual(CorrelationKind.NotCorrelated, (await host.CorrelateAsync("reply", "D-2")).Kind);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Message_is_delivered_by_correlation_key_and_a_repeated_delivery_is_a_no_op(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var xml = Process("""<bpmn:startEvent id="s"/><bpmn:intermediateCatchEvent id="wait">""" + MessageCatch("m", "=docId")
            + """</bpmn:intermediateCatchEvent>""" + UserTask("next") + """<bpmn:endEvent id="e"/>""" + Chain("s", "wait", "next", "e"),
            definitions: Message("m", "status"));
        var first = await host.StartAsync(xml, new { docId = "A" });
        var second = await host.StartAsync(xml, new { docId = "B" });

        var delivered = await host.CorrelateAsync("status", "B", new { count = 1 }, idempotencyKey: "msg-42");
        var again = await host.CorrelateAsync("status", "B", new { count = 2 }, idempotencyKey: "msg-42");

        Assert.AreEqual(CorrelationKind.Resumed, delivered.Kind);
        CollectionAssert.AreEqual(new[] { second.Id }, delivered.InstanceIds.ToArray());
        Assert.AreEqual(CorrelationKind.Duplicate, again.Kind);
        Assert.AreEqual(1, (int?)await host.VariableAsync(second.Id, "count"));
        Assert.AreEqual("wait", (await host.ActiveBookmarksAsync(first.Id)).Single().ElementId);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Message_start_event_starts_the_latest_version(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var xml = Process("""<bpmn:startEvent id="s"><bpmn:messageEventDefinition messageRef="m"/></bpmn:startEvent>"""
            + UserTask("register") + """<bpmn:endEvent id="e"/>""" + Chain("s", "register", "e"),
            id: "intake", definitions: Message("m", "document-arrived"));
        await host.DeployAsync(xml);

        var result = await host.CorrelateAsync("document-arrived", "000.00.01.H37-2026-15", new { subject = "Công văn" });

        Assert.AreEqual(CorrelationKind.Started, result.Kind);
        var instance = await host.InstanceAsync(result.InstanceIds.Single());
        Assert.AreEqual("000.00.01.H37-2026-15", instance.BusinessKey);
        Assert.AreEqual("register", (await host.ActiveBookmarksAsync(instance.Id)).Single().ElementId);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Timer_start_event_starts_an_instance_per_repetition_of_its_cycle(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var xml = Process("<bpmn:startEvent id=\"daily\">" + Timer("timeCycle", "R2/P1D") + "</bpmn:startEvent>"
            + UserTask("report") + """<bpmn:endEvent id="e"/>""" + Chain("daily", "report", "e"), id: "overdue-report");
        await host.DeployAsync(xml);

        Assert.AreEqual(0, await host.AdvanceAsync(TimeSpan.FromHours(23)));
        Assert.AreEqual(1, await host.AdvanceAsync(TimeSpan.FromHours(1)));
        Assert.AreEqual(1, await host.AdvanceAsync(TimeSpan.FromDays(1)));
        Assert.AreEqual(0, await host.AdvanceAsync(TimeSpan.FromDays(5)), "two repetitions only");
        Assert.AreEqual(2, await host.QueryAsync(db => Task.FromResult(db.Instances.Count(i => i.DefinitionKey == "overdue-report"))));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Intermediate_timer_fires_when_due(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var xml = Process("""<bpmn:startEvent id="s"/><bpmn:intermediateCatchEvent id="wait">""" + Timer("timeDuration", "PT4H")
            + """</bpmn:intermediateCatchEvent>""" + UserTask("after") + """<bpmn:endEvent id="e"/>""" + Chain("s", "wait", "after", "e"));
        var instance = await host.StartAsync(xml);
        var timer = (await host.ActiveBookmarksAsync(instance.Id)).Single();
        Assert.AreEqual(host.Clock.GetUtcNow().AddHours(4), timer.DueAt);

        await host.AdvanceAsync(TimeSpan.FromHours(4));

        Assert.AreEqual("after", (await host.ActiveBookmarksAsync(instance.Id)).Single().ElementId);
    }

    private static string TaskWithBoundary(string boundary) => Process("""<bpmn:startEvent id="s"/>""" + UserTask("process")
        + boundary + UserTask("escalate") + UserTask("after") + """<bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>"""
        + Flow("f0", "s", "process") + Flow("f1", "process", "after") + Flow("f2", "after", "e1")
        + Flow("f3", "b", "escalate") + Flow("f4", "escalate", "e2"), definitions: Message("m", "recall"));

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Interrupting_boundary_timer_cancels_the_user_task(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(TaskWithBoundary(
            """<bpmn:boundaryEvent id="b" attachedToRef="process">""" + Timer("timeDuration", "P1D") + "</bpmn:boundaryEvent>"));
        var task = await host.TaskAsync(instance.Id, "process");

        await host.AdvanceAsync(TimeSpan.FromDays(1));

        Assert.AreEqual("escalate", (await host.ActiveBookmarksAsync(instance.Id)).Single().ElementId);
        await Assert.ThrowsExactlyAsync<BookmarkNotActiveException>(() => host.InScopeAsync(r =>
            r.CompleteTaskAsync(task.Id, null, new TaskActor("x", [], true), CancellationToken.None)));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Non_interrupting_cycle_timer_reminds_while_the_task_stays_open(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(TaskWithBoundary(
            """<bpmn:boundaryEvent id="b" attachedToRef="process" cancelActivity="false">""" + Timer("timeCycle", "R2/PT1H") + "</bpmn:boundaryEvent>"));

        await host.AdvanceAsync(TimeSpan.FromHours(1));
        await host.AdvanceAsync(TimeSpan.FromHours(1));
        await host.AdvanceAsync(TimeSpan.FromHours(5));

        var open = await host.ActiveBookmarksAsync(instance.Id);
        Assert.AreEqual(1, open.Count(b => b.ElementId == "process"), "the task stays");
        Assert.AreEqual(2, open.Count(b => b.ElementId == "escalate"), "one reminder per repetition, no more");
        Assert.IsFalse(open.Any(b => b.Kind == BookmarkKind.Timer), "the cycle is exhausted");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task A_boundary_timer_whose_expression_gives_null_is_not_armed_and_one_with_a_value_is(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var xml = TaskWithBoundary("""<bpmn:boundaryEvent id="b" attachedToRef="process" cancelActivity="false">""" + Timer("timeDuration", "=limit")
            + "</bpmn:boundaryEvent>");
        var unlimited = await host.StartAsync(xml, new { limit = (string?)null });
        var limited = await host.StartAsync(xml, new { limit = "PT2H" });

        Assert.IsFalse((await host.ActiveBookmarksAsync(unlimited.Id)).Any(b => b.Kind == BookmarkKind.Timer), "no limit, no timer, no incident");
        await host.AdvanceAsync(TimeSpan.FromHours(3));
        Assert.IsFalse((await host.ActiveBookmarksAsync(unlimited.Id)).Any(b => b.ElementId == "escalate"));
        Assert.AreEqual(1, (await host.ActiveBookmarksAsync(limited.Id)).Count(b => b.ElementId == "escalate"), "the limited step escalates");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Interrupting_boundary_message_takes_the_task_away(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(TaskWithBoundary(
            """<bpmn:boundaryEvent id="b" attachedToRef="process">""" + MessageCatch("m", "=businessKey") + "</bpmn:boundaryEvent>"),
            businessKey: "VB-7");

        await host.CorrelateAsync("recall", "VB-7");

        Assert.AreEqual("escalate", (await host.ActiveBookmarksAsync(instance.Id)).Single().ElementId);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Error_end_event_in_a_subprocess_is_caught_by_its_error_boundary(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var xml = Process(
            """<bpmn:startEvent id="s"/><bpmn:subProcess id="sub">"""
            + """<bpmn:startEvent id="subStart"/><bpmn:exclusiveGateway id="ok" default="fine"/>"""
            + """<bpmn:endEvent id="bad"><bpmn:errorEventDefinition errorRef="err"/></bpmn:endEvent><bpmn:endEvent id="good"/>"""
            + Flow("x0", "subStart", "ok") + Flow("x1", "ok", "bad", "!valid") + Flow("fine", "ok", "good")
            + "</bpmn:subProcess>"
            + """<bpmn:boundaryEvent id="caught" attachedToRef="sub"><bpmn:errorEventDefinition errorRef="err"/></bpmn:boundaryEvent>"""
            + UserTask("returnToSender") + UserTask("register") + """<bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>"""
            + Chain("s", "sub", "register", "e1") + Flow("h0", "caught", "returnToSender") + Flow("h1", "returnToSender", "e2"),
            definitions: Error("err", "INVALID_SIGNATURE"));

        var invalid = await host.StartAsync(xml, new { valid = false });
        var valid = await host.StartAsync(xml, new { valid = true });

        Assert.AreEqual("returnToSender", (await host.ActiveBookmarksAsync(invalid.Id)).Single().ElementId);
        Assert.AreEqual("register", (await host.ActiveBookmarksAsync(valid.Id)).Single().ElementId);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Activity_error_outcome_is_caught_by_the_matching_boundary_on_the_task(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var xml = Process("""<bpmn:startEvent id="s"/>""" + Service("call", "RaiseError", ("code", "'WRONG_RECIPIENT'"))
            + """<bpmn:boundaryEvent id="other" attachedToRef="call"><bpmn:errorEventDefinition errorRef="e1"/></bpmn:boundaryEvent>"""
            + """<bpmn:boundaryEvent id="wrong" attachedToRef="call"><bpmn:errorEventDefinition errorRef="e2"/></bpmn:boundaryEvent>"""
            + UserTask("a") + UserTask("b") + UserTask("c") + """<bpmn:endEvent id="x"/><bpmn:endEvent id="y"/><bpmn:endEvent id="z"/>"""
            + Chain("s", "call", "a", "x") + Chain("other", "b", "y") + Chain("wrong", "c", "z"),
            definitions: Error("e1", "INVALID_SIGNATURE") + Error("e2", "WRONG_RECIPIENT"));

        var instance = await host.StartAsync(xml);

        Assert.AreEqual("c", (await host.ActiveBookmarksAsync(instance.Id)).Single().ElementId);
    }
}
