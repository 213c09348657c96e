using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DocBpm.Engine.Tests.Runtime.Bpmn;

namespace DocBpm.Engine.Tests.Runtime;

/// <summary>Terminate and error end events: what they end, and what an administrator sees of them.</summary>
[TestClass]
public sealed class EndEventConformanceTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    private const string Terminate = "<bpmn:terminateEventDefinition/>";

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_terminate_end_in_a_subprocess_ends_only_that_subprocess_which_completes_and_the_process_goes_on(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var xml = Process("""<bpmn:startEvent id="s"/><bpmn:parallelGateway id="fork"/>"""
            + """<bpmn:subProcess id="sub"><bpmn:startEvent id="ss"/><bpmn:parallelGateway id="split"/>"""
            + UserTask("draft") + UserTask("decide")
            + """<bpmn:subProcess id="inner"><bpmn:startEvent id="is"/>""" + UserTask("review") + """<bpmn:endEvent id="ie"/>"""
            + Chain("is", "review", "ie") + "</bpmn:subProcess>"
            + $"""<bpmn:endEvent id="se1"/><bpmn:endEvent id="se2"/><bpmn:endEvent id="kill">{Terminate}</bpmn:endEvent>"""
            + Flow("x0", "ss", "split") + Flow("x1", "split", "draft") + Flow("x2", "split", "inner") + Flow("x3", "split", "decide")
            + Chain("draft", "se1") + Chain("inner", "se2") + Chain("decide", "kill") + "</bpmn:subProcess>"
            + UserTask("outside") + UserTask("after") + """<bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>"""
            + Flow("f0", "s", "fork") + Flow("f1", "fork", "sub") + Flow("f2", "fork", "outside")
            + Chain("sub", "after", "e1") + Chain("outside", "e2"));
        var instance = await host.StartAsync(xml);
        CollectionAssert.AreEqual(new[] { "decide", "draft", "outside", "review" }, await host.WaitingAtAsync(instance.Id));

        var after = await host.CompleteAsync(instance.Id, "decide");

        Assert.AreEqual(InstanceStatus.Running, after.Status, "a terminate end in a subprocess does not end the instance");
        CollectionAssert.AreEqual(new[] { "after", "outside" }, await host.WaitingAtAsync(instance.Id),
            "the subprocess's other branches, the nested one too, are gone; the branch outside it stays");
        CollectionAssert.Contains(await host.JournalAsync(instance.Id), "sub:completed");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_terminate_end_at_process_level_leaves_no_active_element_even_inside_a_subprocess(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var xml = Process("""<bpmn:startEvent id="s"/><bpmn:parallelGateway id="fork"/>"""
            + """<bpmn:subProcess id="sub"><bpmn:startEvent id="ss"/>""" + UserTask("draft") + """<bpmn:endEvent id="se"/>"""
            + Chain("ss", "draft", "se") + "</bpmn:subProcess>"
            + UserTask("decide") + $"""<bpmn:endEvent id="e1"/><bpmn:endEvent id="kill">{Terminate}</bpmn:endEvent>"""
            + Flow("f0", "s", "fork") + Flow("f1", "fork", "sub") + Flow("f2", "fork", "decide") + Chain("sub", "e1") + Chain("decide", "kill"));
        var instance = await host.StartAsync(xml, new { subject = "Công văn" });

        var ended = await host.CompleteAsync(instance.Id, "decide");

        Assert.AreEqual(InstanceStatus.Terminated, ended.Status);
        Assert.AreEqual(0, (await host.ActiveBookmarksAsync(instance.Id)).Count);
        var state = InstanceState.Deserialize(ended.State);
        Assert.AreEqual(0, state.Tokens.Count, "the instance view lists no element as active");
        Assert.AreEqual(1, state.Scopes.Count, "no subprocess scope is left behind");
        Assert.AreEqual("Công văn", (string?)state.Root.Variables["subject"], "the variables are kept");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_uncaught_error_end_event_incident_names_the_error_code_and_the_end_events_name_and_the_history_keeps_the_error(
        DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var xml = Process("""<bpmn:startEvent id="s"/><bpmn:parallelGateway id="fork"/>"""
            + """<bpmn:endEvent id="named" name="Hồ sơ thiếu"><bpmn:errorEventDefinition errorRef="missing"/></bpmn:endEvent>"""
            + """<bpmn:endEvent id="unnamed"><bpmn:errorEventDefinition errorRef="refused"/></bpmn:endEvent>"""
            + """<bpmn:endEvent id="uncoded"><bpmn:errorEventDefinition errorRef="bare"/></bpmn:endEvent>"""
            + Flow("f0", "s", "fork") + Flow("f1", "fork", "named") + Flow("f2", "fork", "unnamed") + Flow("f3", "fork", "uncoded"),
            definitions: Error("missing", "INCOMPLETE") + Error("refused", "REFUSED") + """<bpmn:error id="bare"/>""");

        var instance = await host.StartAsync(xml);

        var incidents = await host.QueryAsync(db => db.Incidents.AsNoTracking().Where(i => i.InstanceId == instance.Id)
            .ToDictionaryAsync(i => i.ElementId, i => i.Error));
        Assert.AreEqual("BPMN error 'INCOMPLETE' is not caught: Hồ sơ thiếu", incidents["named"]);
        Assert.AreEqual("BPMN error 'REFUSED' is not caught", incidents["unnamed"]);
        Assert.AreEqual("BPMN error 'bare' is not caught", incidents["uncoded"], "an error without a code is thrown with its id as the code");
        var thrown = await host.QueryAsync(db => db.Journal.AsNoTracking().Where(j => j.InstanceId == instance.Id && j.Event == "error")
            .ToDictionaryAsync(j => j.ElementId, j => (j.Outcome, j.Detail)));
        Assert.AreEqual(("INCOMPLETE", "Hồ sơ thiếu"), thrown["named"]);
        Assert.AreEqual(("REFUSED", (string?)null), thrown["unnamed"]);
        Assert.AreEqual(("bare", (string?)null), thrown["uncoded"]);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_escalation_end_event_nothing_catches_ends_its_path_there_once(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var xml = Process("""<bpmn:startEvent id="s"/><bpmn:endEvent id="raise"><bpmn:escalationEventDefinition escalationRef="esc"/></bpmn:endEvent>"""
            + Chain("s", "raise"), definitions: """<bpmn:escalation id="esc" escalationCode="LATE"/>""");

        var instance = await host.StartAsync(xml);

        Assert.AreEqual(InstanceStatus.Completed, instance.Status);
        CollectionAssert.AreEqual(new[] { "s", "raise" }, InstanceState.Deserialize(instance.State).Path,
            "the executed path shows the end event once");
    }
}
