using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using static DocBpm.Engine.Tests.Runtime.Bpmn;
using static DocBpm.Engine.Tests.Runtime.EventSubProcessTests;

namespace DocBpm.Engine.Tests.Runtime;

/// <summary>
/// Where a BPMN error is caught when one level offers both a catch for its code and a catch-all (Camunda 7): the exact
/// code wins, the catch-all takes every other code — on the task itself, in an event subprocess of its scope, and on the
/// subprocess around it. Each model lists the catch-all first, so that document order cannot decide.
/// </summary>
[TestClass]
public sealed class ErrorCatchPrecedenceTests
{
    private const string CatchAll = "<bpmn:errorEventDefinition/>";
    private const string CatchLate = """<bpmn:errorEventDefinition errorRef="late"/>""";

    /// <summary>"fail" raises <paramref name="code"/>; <paramref name="catches"/> holds both catches, leading to "byAny" and "byCode".</summary>
    private static string Raising(string code, string around, string catches) => Process(around.Replace("{fail}",
        Service("fail", "RaiseError", ("code", $"'{code}'")), StringComparison.Ordinal) + catches, definitions: Error("late", "LATE"));

    private static string Handled(string from, string task) => UserTask(task) + $"""<bpmn:endEvent id="{task}End"/>""" + Chain(from, task, $"{task}End");

    private static string OnTheTask(string code) => Raising(code,
        """<bpmn:startEvent id="s"/>{fail}<bpmn:endEvent id="e"/>""" + Chain("s", "fail", "e"),
        $"""<bpmn:boundaryEvent id="any" attachedToRef="fail">{CatchAll}</bpmn:boundaryEvent>""" + Handled("any", "byAny")
        + $"""<bpmn:boundaryEvent id="exact" attachedToRef="fail">{CatchLate}</bpmn:boundaryEvent>""" + Handled("exact", "byCode"));

    private static string InAnEventSubProcess(string code) => Raising(code,
        """<bpmn:startEvent id="s"/>{fail}<bpmn:endEvent id="e"/>""" + Chain("s", "fail", "e"),
        EventSubProcess("any", CatchAll, "byAny") + EventSubProcess("exact", CatchLate, "byCode"));

    private static string OnTheSubprocessAround(string code) => Raising(code,
        """<bpmn:startEvent id="s"/><bpmn:subProcess id="sub"><bpmn:startEvent id="ss"/>{fail}<bpmn:endEvent id="se"/>"""
        + Chain("ss", "fail", "se") + """</bpmn:subProcess><bpmn:endEvent id="e"/>""" + Chain("s", "sub", "e"),
        $"""<bpmn:boundaryEvent id="any" attachedToRef="sub">{CatchAll}</bpmn:boundaryEvent>""" + Handled("any", "byAny")
        + $"""<bpmn:boundaryEvent id="exact" attachedToRef="sub">{CatchLate}</bpmn:boundaryEvent>""" + Handled("exact", "byCode"));

    private static async Task<List<string>> CaughtAtAsync(string xml)
    {
        await using var host = await EngineTestHost.StartAsync(DatabaseProvider.Sqlite);
        var instance = await host.StartAsync(xml);
        return await host.WaitingAtAsync(instance.Id);
    }

    [TestMethod]
    [DataRow("LATE", "byCode")]
    [DataRow("OTHER", "byAny")]
    public async Task Bpmn_error_boundaries_of_the_task_itself_prefer_the_exact_code_to_the_catch_all(string code, string caughtBy) =>
        CollectionAssert.AreEqual(new[] { caughtBy }, await CaughtAtAsync(OnTheTask(code)));

    [TestMethod]
    [DataRow("LATE", "byCode")]
    [DataRow("OTHER", "byAny")]
    public async Task Bpmn_error_event_subprocesses_of_one_scope_prefer_the_exact_code_to_the_catch_all(string code, string caughtBy) =>
        CollectionAssert.AreEqual(new[] { caughtBy }, await CaughtAtAsync(InAnEventSubProcess(code)));

    [TestMethod]
    [DataRow("LATE", "byCode")]
    [DataRow("OTHER", "byAny")]
    public async Task Bpmn_error_boundaries_of_the_subprocess_around_prefer_the_exact_code_to_the_catch_all(string code, string caughtBy) =>
        CollectionAssert.AreEqual(new[] { caughtBy }, await CaughtAtAsync(OnTheSubprocessAround(code)));
}
