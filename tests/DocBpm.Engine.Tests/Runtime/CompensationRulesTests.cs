using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using static DocBpm.Engine.Tests.Runtime.Bpmn;
using static DocBpm.Engine.Tests.Runtime.CompensationTests;

namespace DocBpm.Engine.Tests.Runtime;

/// <summary>
/// Compensation over time: each completion is undone once, a subprocess that compensated inside itself still completes,
/// and the history says what was compensated, by which handler.
/// </summary>
[TestClass]
public sealed class CompensationRulesTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    private static string Throw(string id, string? activityRef = null) =>
        $"""<bpmn:intermediateThrowEvent id="{id}"><bpmn:compensateEventDefinition{(activityRef is null ? "" : $" activityRef=\"{activityRef}\"")}/></bpmn:intermediateThrowEvent>""";

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_compensation_undoes_each_completion_once_so_a_later_throw_skips_what_an_earlier_one_undid(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(Process("""<bpmn:startEvent id="s"/>""" + Compensable("book", "unbook") + Compensable("pay", "refund")
            + Throw("undoPayment", activityRef: "pay") + Throw("undoAll") + UserTask("after") + """<bpmn:endEvent id="e"/>"""
            + Chain("s", "book", "pay", "undoPayment", "undoAll", "after", "e")));
        await host.CompleteAsync(instance.Id, "book");

        await host.CompleteAsync(instance.Id, "pay");

        CollectionAssert.AreEqual(new[] { "refund", "unbook" }, await UndoneAsync(host, instance.Id));
        CollectionAssert.AreEqual(new[] { "after" }, await host.WaitingAtAsync(instance.Id));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_subprocess_that_compensates_its_multi_instance_activity_inside_itself_still_completes(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(Process("""<bpmn:startEvent id="s"/><bpmn:subProcess id="trip"><bpmn:startEvent id="ts"/>"""
            + """<bpmn:scriptTask id="book" scriptFormat="javascript"><bpmn:script>booked = true</bpmn:script><bpmn:multiInstanceLoopCharacteristics>"""
            + """<bpmn:extensionElements><docbpm:loop collection="=rooms" elementVariable="room"/></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics></bpmn:scriptTask>"""
            + """<bpmn:boundaryEvent id="bookComp" attachedToRef="book"><bpmn:compensateEventDefinition/></bpmn:boundaryEvent>"""
            + """<bpmn:scriptTask id="unbook" isForCompensation="true" scriptFormat="javascript"><bpmn:script>undone = (typeof undone === 'undefined' ? [] : undone).concat([room])</bpmn:script></bpmn:scriptTask>"""
            + """<bpmn:association id="bookAssoc" associationDirection="One" sourceRef="bookComp" targetRef="unbook"/>"""
            + Throw("cancel") + """<bpmn:endEvent id="te"/>""" + Chain("ts", "book", "cancel", "te") + "</bpmn:subProcess>"
            + UserTask("after") + """<bpmn:endEvent id="e"/>""" + Chain("s", "trip", "after", "e")), new { rooms = new[] { "r1", "r2" } });

        CollectionAssert.AreEqual(new[] { "r2", "r1" }, await UndoneAsync(host, instance.Id));
        CollectionAssert.AreEqual(new[] { "after" }, await host.WaitingAtAsync(instance.Id), "the subprocess completed after its compensation");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_compensation_history_names_what_a_throw_undoes_and_each_handler_started_for_it(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(Process("""<bpmn:startEvent id="s"/>""" + Compensable("book", "unbook") + Compensable("pay", "refund")
            + Throw("undo") + UserTask("after") + """<bpmn:endEvent id="e"/>""" + Chain("s", "book", "pay", "undo", "after", "e")));
        await host.CompleteAsync(instance.Id, "book");

        await host.CompleteAsync(instance.Id, "pay");

        CollectionAssert.AreEqual(new[] { "undo:started", "undo:compensating (pay, book)" }, await History.OfAsync(host, instance.Id, "undo"));
        CollectionAssert.AreEqual(new[] { "refund:started (compensation)", "refund:completed [done]" }, await History.OfAsync(host, instance.Id, "refund"));
        CollectionAssert.AreEqual(new[] { "unbook:started (compensation)", "unbook:completed [done]" }, await History.OfAsync(host, instance.Id, "unbook"));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_compensation_event_subprocess_runs_from_its_start_in_the_history_when_it_undoes_its_subprocess(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(Process("""<bpmn:startEvent id="s"/><bpmn:subProcess id="trip"><bpmn:startEvent id="ts"/>""" + UserTask("hotel")
            + """<bpmn:endEvent id="te"/>""" + Chain("ts", "hotel", "te")
            + """<bpmn:subProcess id="undoTrip" triggeredByEvent="true"><bpmn:startEvent id="cs"><bpmn:compensateEventDefinition/></bpmn:startEvent>"""
            + """<bpmn:scriptTask id="tripUndone" scriptFormat="javascript"><bpmn:script>undone = ['tripUndone']</bpmn:script></bpmn:scriptTask>"""
            + """<bpmn:endEvent id="ce"/>""" + Chain("cs", "tripUndone", "ce") + "</bpmn:subProcess></bpmn:subProcess>"
            + Throw("undo") + UserTask("after") + """<bpmn:endEvent id="e"/>""" + Chain("s", "trip", "undo", "after", "e")));

        await host.CompleteAsync(instance.Id, "hotel");

        CollectionAssert.AreEqual(new[] { "undo:started", "undo:compensating (trip)", "undoTrip:started (compensation)", "cs:started",
            "tripUndone:started", "tripUndone:completed [done]", "ce:started", "undoTrip:completed [done]", "after:started" },
            (await History.OfAsync(host, instance.Id)).SkipWhile(e => e != "undo:started").ToList());
    }
}
