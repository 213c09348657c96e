using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Engine.Tests.Infrastructure;
using static DocBpm.Engine.Tests.Runtime.Bpmn;
using static DocBpm.Engine.Tests.Runtime.CompensationTests;

namespace DocBpm.Engine.Tests.Runtime;

/// <summary>
/// Compensating what holds other activities (Camunda 7, BPMN 2.0 §10.5.7/§13.5.5): a completed subprocess (its own
/// activities, or its compensation event subprocess instead) and a completed multi-instance activity (once per
/// completed instance, with that instance's variables).
/// </summary>
[TestClass]
public sealed class CompensationScopeTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    private const string Throw = """<bpmn:intermediateThrowEvent id="undo"><bpmn:compensateEventDefinition/></bpmn:intermediateThrowEvent>""";

    /// <summary>A subprocess "trip" booking a hotel and a flight (each undone by its handler), with <paramref name="inside"/> beside them.</summary>
    private static string Trip(string inside = "") => """<bpmn:subProcess id="trip"><bpmn:startEvent id="ts"/>"""
        + Compensable("hotel", "cancelHotel") + Compensable("flight", "cancelFlight") + """<bpmn:endEvent id="te"/>"""
        + Chain("ts", "hotel", "flight", "te") + inside + "</bpmn:subProcess>";

    /// <summary>
    /// A compensation event subprocess that records itself, with <paramref name="before"/> (an element "again") between its
    /// start and that record; <paramref name="n"/> tells a second one apart.
    /// </summary>
    private static string UndoTrip(string before = "", string n = "") => $"""<bpmn:subProcess id="undoTrip{n}" triggeredByEvent="true">"""
        + $"""<bpmn:startEvent id="cs{n}"><bpmn:compensateEventDefinition/></bpmn:startEvent>""" + before
        + $"""<bpmn:scriptTask id="tripUndone{n}" scriptFormat="javascript"><bpmn:script>undone = (typeof undone === 'undefined' ? [] : undone).concat(['undoTrip'])</bpmn:script></bpmn:scriptTask>"""
        + $"""<bpmn:endEvent id="ce{n}"/>""" + (before == "" ? Chain($"cs{n}", $"tripUndone{n}", $"ce{n}") : Chain($"cs{n}", "again", $"tripUndone{n}", $"ce{n}"))
        + "</bpmn:subProcess>";

    private static string TripThenUndo(string trip) => Process("""<bpmn:startEvent id="s"/>""" + trip + UserTask("decide") + Throw
        + UserTask("after") + """<bpmn:endEvent id="e"/>""" + Chain("s", "trip", "decide", "undo", "after", "e"));

    private static async Task<Guid> BookTripAsync(EngineTestHost host, string xml)
    {
        var instance = await host.StartAsync(xml);
        await host.CompleteAsync(instance.Id, "hotel");
        await host.CompleteAsync(instance.Id, "flight");
        await host.CompleteAsync(instance.Id, "decide");
        return instance.Id;
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_compensating_a_completed_subprocess_undoes_its_own_activities_in_reverse_order(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);

        var id = await BookTripAsync(host, TripThenUndo(Trip()));

        CollectionAssert.AreEqual(new[] { "cancelFlight", "cancelHotel" }, await UndoneAsync(host, id));
        CollectionAssert.AreEqual(new[] { "after" }, await host.WaitingAtAsync(id));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_compensation_event_subprocess_runs_instead_of_the_subprocess_activities_handlers(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);

        var id = await BookTripAsync(host, TripThenUndo(Trip(UndoTrip())));

        CollectionAssert.AreEqual(new[] { "undoTrip" }, await UndoneAsync(host, id));
        CollectionAssert.AreEqual(new[] { "after" }, await host.WaitingAtAsync(id));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_compensation_throw_inside_the_compensation_event_subprocess_undoes_the_subprocess_activities(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var again = """<bpmn:intermediateThrowEvent id="again"><bpmn:compensateEventDefinition activityRef="flight"/></bpmn:intermediateThrowEvent>""";

        var id = await BookTripAsync(host, TripThenUndo(Trip(UndoTrip(again))));

        CollectionAssert.AreEqual(new[] { "cancelFlight", "undoTrip" }, await UndoneAsync(host, id));
        CollectionAssert.AreEqual(new[] { "after" }, await host.WaitingAtAsync(id));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_compensation_event_subprocess_of_a_subprocess_that_did_not_complete_does_not_run(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(Process("""<bpmn:startEvent id="s"/><bpmn:parallelGateway id="fork"/>""" + Trip(UndoTrip())
            + Throw + UserTask("after") + """<bpmn:endEvent id="e"/><bpmn:endEvent id="e2"/>"""
            + Chain("s", "fork", "trip", "e2") + Chain("fork", "undo", "after", "e")));

        Assert.AreEqual(0, (await UndoneAsync(host, instance.Id)).Count);
        CollectionAssert.AreEqual(new[] { "after", "hotel" }, await host.WaitingAtAsync(instance.Id));
    }

    [TestMethod]
    public void Compensation_event_subprocess_at_process_level_beside_another_or_beside_a_boundary_is_refused_naming_it()
    {
        var atProcessLevel = Model.BpmnParser.Parse(Process("""<bpmn:startEvent id="s"/>""" + UserTask("a") + """<bpmn:endEvent id="e"/>"""
            + Chain("s", "a", "e") + UndoTrip()), new Activities.ActivityRegistry([]));
        var twice = Model.BpmnParser.Parse(TripThenUndo(Trip(UndoTrip() + UndoTrip(n: "2"))), new Activities.ActivityRegistry([]));
        var withBoundary = Model.BpmnParser.Parse(TripThenUndo(Trip(UndoTrip())).Replace("</bpmn:subProcess>" + UserTask("decide"),
            "</bpmn:subProcess>" + """<bpmn:boundaryEvent id="tripComp" attachedToRef="trip"><bpmn:compensateEventDefinition/></bpmn:boundaryEvent>"""
            + Undo("cancelTrip") + """<bpmn:association id="tripAssoc" associationDirection="One" sourceRef="tripComp" targetRef="cancelTrip"/>""" + UserTask("decide"),
            StringComparison.Ordinal), new Activities.ActivityRegistry([]));

        Assert.AreEqual("undoTrip", atProcessLevel.Errors.Single().ElementId, string.Join("; ", atProcessLevel.Errors));
        Assert.AreEqual("undoTrip2", twice.Errors.Single().ElementId, string.Join("; ", twice.Errors));
        Assert.AreEqual("undoTrip", withBoundary.Errors.Single().ElementId, string.Join("; ", withBoundary.Errors));
    }

    /// <summary>"book" once per item of <c>items</c>, each undone by a handler that records its item and loop counter.</summary>
    private static string BookEach(bool sequential, string? completion = null) => Process("""<bpmn:startEvent id="s"/>"""
        + UserTask("book", candidateGroups: "=item", extra: $"""<bpmn:multiInstanceLoopCharacteristics isSequential="{(sequential ? "true" : "false")}">"""
            + """<bpmn:extensionElements><docbpm:loop collection="=items" elementVariable="item"/></bpmn:extensionElements>"""
            + (completion is null ? "" : $"""<bpmn:completionCondition xsi:type="bpmn:tFormalExpression">{completion}</bpmn:completionCondition>""")
            + "</bpmn:multiInstanceLoopCharacteristics>")
        + """<bpmn:boundaryEvent id="bookComp" attachedToRef="book"><bpmn:compensateEventDefinition/></bpmn:boundaryEvent>"""
        + """<bpmn:scriptTask id="unbook" isForCompensation="true" scriptFormat="javascript"><bpmn:script>undone = (typeof undone === 'undefined' ? [] : undone).concat([item + '#' + loopCounter])</bpmn:script></bpmn:scriptTask>"""
        + """<bpmn:association id="bookAssoc" associationDirection="One" sourceRef="bookComp" targetRef="unbook"/>"""
        + UserTask("decide") + Throw + UserTask("after") + """<bpmn:endEvent id="e"/>""" + Chain("s", "book", "decide", "undo", "after", "e"));

    private static async Task<Guid> BookInOrderAsync(EngineTestHost host, string xml, string[] items, params string[] completionOrder)
    {
        var instance = await host.StartAsync(xml, new { items });
        foreach (var item in completionOrder)
        {
            var task = (await host.ActiveBookmarksAsync(instance.Id)).Single(b => b.ElementId == "book" && b.CandidateGroups!.Trim(',') == item);
            await host.InScopeAsync(r => r.CompleteTaskAsync(task.Id, null, new TaskActor("u", [], IsAdministrator: true), CancellationToken.None));
        }

        await host.CompleteAsync(instance.Id, "decide");
        return instance.Id;
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_compensating_a_parallel_multi_instance_runs_the_handler_once_per_instance_with_its_variables_in_reverse_order(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);

        var id = await BookInOrderAsync(host, BookEach(sequential: false), ["a", "b", "c"], "b", "c", "a");

        CollectionAssert.AreEqual(new[] { "a#0", "c#2", "b#1" }, await UndoneAsync(host, id));
        CollectionAssert.AreEqual(new[] { "after" }, await host.WaitingAtAsync(id));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_compensating_a_sequential_multi_instance_runs_the_handler_once_per_instance_last_first(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);

        var id = await BookInOrderAsync(host, BookEach(sequential: true), ["a", "b"], "a", "b");

        CollectionAssert.AreEqual(new[] { "b#1", "a#0" }, await UndoneAsync(host, id));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_compensating_a_multi_instance_ended_by_its_completion_condition_undoes_only_the_completed_instances(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);

        var id = await BookInOrderAsync(host, BookEach(sequential: false, "nrOfCompletedInstances &gt;= 2"), ["a", "b", "c"], "c", "a");

        CollectionAssert.AreEqual(new[] { "a#0", "c#2" }, await UndoneAsync(host, id));
    }
}
