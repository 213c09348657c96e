using DocBpm.Engine.Messages;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Engine.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static DocBpm.Engine.Tests.Runtime.Bpmn;

namespace DocBpm.Engine.Tests.Runtime;

/// <summary>One diagram using every construct issue 17 added, run from its start to its end.</summary>
[TestClass]
public sealed class CoverageScenarioTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    private static readonly string Everything = Process(
        """<bpmn:startEvent id="s"/><bpmn:task id="triage" default="toReview"/>"""
        + """<bpmn:userTask id="review"><bpmn:extensionElements><docbpm:assignment assignee="=reviewers[loopCounter]"/></bpmn:extensionElements>"""
        + """<bpmn:multiInstanceLoopCharacteristics isSequential="true"><bpmn:loopCardinality>reviewers.length</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics></bpmn:userTask>"""
        + """<bpmn:boundaryEvent id="reviewComp" attachedToRef="review"><bpmn:compensateEventDefinition/></bpmn:boundaryEvent>"""
        + Record("unreview", "'unreview:' + loopCounter", isForCompensation: true)
        + """<bpmn:association id="reviewAssoc" associationDirection="One" sourceRef="reviewComp" targetRef="unreview"/>"""
        + """<bpmn:subProcess id="handle"><bpmn:startEvent id="hs"/>"""
        + """<bpmn:subProcess id="undoHandle" triggeredByEvent="true"><bpmn:startEvent id="uhs"><bpmn:compensateEventDefinition/></bpmn:startEvent>"""
        + Record("handleUndone", "'undoHandle'") + """<bpmn:endEvent id="uhe"/>""" + Chain("uhs", "handleUndone", "uhe") + "</bpmn:subProcess>"
        + """<bpmn:intermediateThrowEvent id="late"><bpmn:escalationEventDefinition escalationRef="esc"/></bpmn:intermediateThrowEvent>"""
        + """<bpmn:intermediateCatchEvent id="go"><bpmn:signalEventDefinition signalRef="sig"/></bpmn:intermediateCatchEvent><bpmn:endEvent id="he"/>"""
        + Chain("hs", "late", "go", "he") + "</bpmn:subProcess>"
        + """<bpmn:boundaryEvent id="chase" attachedToRef="handle" cancelActivity="false"><bpmn:escalationEventDefinition escalationRef="esc"/></bpmn:boundaryEvent>"""
        + """<bpmn:endEvent id="alarm"><bpmn:signalEventDefinition signalRef="sig"/></bpmn:endEvent>"""
        + """<bpmn:intermediateThrowEvent id="jump"><bpmn:linkEventDefinition name="finish"/></bpmn:intermediateThrowEvent>"""
        + """<bpmn:intermediateCatchEvent id="land"><bpmn:linkEventDefinition name="finish"/></bpmn:intermediateCatchEvent>"""
        + """<bpmn:scriptTask id="count" scriptFormat="javascript"><bpmn:script>rounds = (typeof rounds === "number" ? rounds : 0) + 1</bpmn:script>"""
        + """<bpmn:standardLoopCharacteristics loopMaximum="3"><bpmn:loopCondition>rounds &lt; 10</bpmn:loopCondition></bpmn:standardLoopCharacteristics></bpmn:scriptTask>"""
        + """<bpmn:intermediateThrowEvent id="undo"><bpmn:compensateEventDefinition/></bpmn:intermediateThrowEvent>"""
        + """<bpmn:endEvent id="done">""" + MessageCatch("m", "=docId") + "</bpmn:endEvent><bpmn:endEvent id=\"skipped\"/>"
        + Flow("f0", "s", "triage") + Flow("toReview", "triage", "review") + Flow("toSkip", "triage", "skipped", "urgent === true")
        + Chain("review", "handle", "jump") + Chain("chase", "alarm") + Chain("land", "count", "undo", "done"),
        id: "everything",
        definitions: """<bpmn:signal id="sig" name="go-on"/><bpmn:escalation id="esc" escalationCode="LATE"/>""" + Message("m", "finished"));

    /// <summary>A script task that appends <paramref name="entry"/> (JavaScript) to the <c>undone</c> list.</summary>
    private static string Record(string id, string entry, bool isForCompensation = false) =>
        $"""<bpmn:scriptTask id="{id}"{(isForCompensation ? " isForCompensation=\"true\"" : "")} scriptFormat="javascript"><bpmn:script>undone = (typeof undone === 'undefined' ? [] : undone).concat([{entry}])</bpmn:script></bpmn:scriptTask>""";

    private static readonly string Receiver = Process("""<bpmn:startEvent id="s"><bpmn:messageEventDefinition messageRef="m"/></bpmn:startEvent>"""
        + UserTask("archive") + """<bpmn:endEvent id="e"/>""" + Chain("s", "archive", "e"), id: "receiver", definitions: Message("m", "finished"));

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_diagram_with_every_added_construct_runs_to_its_end(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        await host.DeployAsync(Receiver);
        var instance = await host.StartAsync(Everything, new { reviewers = new[] { "an", "binh" }, urgent = false, docId = "D-9" });

        await host.CompleteAsync(instance.Id, "review");
        await host.CompleteAsync(instance.Id, "review");
        // The signal the boundary path threw moves the subprocess on; the message end event then queues its own message.
        for (var pass = 0; pass < 2; pass++)
        {
            await using var scope = host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<OutboxProcessor>().DeliverDueAsync("test", 100, CancellationToken.None);
        }

        var ended = await host.InstanceAsync(instance.Id);
        Assert.AreEqual(InstanceStatus.Completed, ended.Status, string.Join(", ", await host.JournalAsync(instance.Id)));
        Assert.AreEqual(3, (int?)await host.VariableAsync(instance.Id, "rounds"));
        CollectionAssert.AreEqual(new[] { "undoHandle", "unreview:1", "unreview:0" },
            (await host.VariableAsync(instance.Id, "undone"))!.AsArray().Select(n => (string)n!).ToArray());
        var receivers = await host.QueryAsync(db => Task.FromResult(db.Instances.Where(i => i.DefinitionKey == "receiver").Select(i => i.BusinessKey).ToList()));
        CollectionAssert.AreEqual(new[] { "D-9" }, receivers);
    }
}
