using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DocBpm.Engine.Tests.Runtime.Bpmn;

namespace DocBpm.Engine.Tests.Runtime;

/// <summary>Where a variable written in a step lands, what a failing expression says, and how a list of names is read.</summary>
[TestClass]
public sealed class VariableAndExpressionTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    /// <summary>One unit at a time: a draft, then a signature offered to the unit the item is for.</summary>
    private static readonly string PerUnit = Process("""<bpmn:startEvent id="s"/><bpmn:subProcess id="perUnit">"""
        + """<bpmn:multiInstanceLoopCharacteristics isSequential="true"><bpmn:extensionElements>"""
        + """<docbpm:loop collection="=units" elementVariable="unit"/></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>"""
        + """<bpmn:startEvent id="in"/>""" + UserTask("draft") + UserTask("sign", candidateGroups: "=unit") + """<bpmn:endEvent id="out"/>"""
        + Chain("in", "draft", "sign", "out") + "</bpmn:subProcess>"
        + UserTask("summary") + """<bpmn:endEvent id="e"/>""" + Chain("s", "perUnit", "summary", "e"));

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_a_variable_an_item_holds_is_written_in_that_item_even_from_a_nested_subprocess_and_a_new_one_on_the_process(
        DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(PerUnit, new { units = new[] { "PhongA", "PhongB" }, unit = "VanPhong" });

        await host.CompleteAsync(instance.Id, "draft", new { unit = "PhongA2", note = "đã soạn" });

        Assert.AreEqual(",PhongA2,", (await host.TaskAsync(instance.Id, "sign")).CandidateGroups, "the item's own unit changed");
        Assert.AreEqual("VanPhong", (string?)await host.VariableAsync(instance.Id, "unit"), "the process's variable of that name did not");
        Assert.AreEqual("đã soạn", (string?)await host.VariableAsync(instance.Id, "note"));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task An_expression_that_fails_refuses_the_step_naming_its_element_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        await host.DeployAsync(Process("""<bpmn:startEvent id="s"/>""" + UserTask("approve", assignee: "=leader.userName")
            + """<bpmn:endEvent id="e"/>""" + Chain("s", "approve", "e")));

        var error = await Assert.ThrowsExactlyAsync<ProcessExecutionException>(() =>
            host.InScopeAsync(r => r.StartAsync(new StartRequest("p"), CancellationToken.None)));

        Assert.AreEqual("approve", error.ElementId);
        StringAssert.StartsWith(error.Reason, "expression failed: ");
        StringAssert.Contains(error.Reason, "leader");
        Assert.AreEqual(0, await host.QueryAsync(db => db.Instances.CountAsync()));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_intermediate_timer_whose_expression_gives_no_value_refuses_the_step_naming_the_event(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        await host.DeployAsync(Process("""<bpmn:startEvent id="s"/><bpmn:intermediateCatchEvent id="pause">""" + Timer("timeDuration", "=wait")
            + "</bpmn:intermediateCatchEvent>" + UserTask("after") + """<bpmn:endEvent id="e"/>""" + Chain("s", "pause", "after", "e")));

        var error = await Assert.ThrowsExactlyAsync<ProcessExecutionException>(() => host.InScopeAsync(r =>
            r.StartAsync(new StartRequest("p", EngineTestHost.Variables(new { wait = (string?)null })), CancellationToken.None)));

        Assert.AreEqual("pause", error.ElementId);
        Assert.AreEqual("the timer expression gave no value", error.Reason);
        Assert.AreEqual(0, await host.QueryAsync(db => db.Instances.CountAsync()));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task A_tasks_candidates_from_an_expression_are_the_names_of_an_array_or_a_comma_list_trimmed_without_empty_names(
        DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var xml = Process("""<bpmn:startEvent id="s"/><bpmn:userTask id="a"><bpmn:extensionElements>"""
            + """<docbpm:assignment candidateUsers="=users" candidateGroups="=groups"/></bpmn:extensionElements></bpmn:userTask>"""
            + """<bpmn:endEvent id="e"/>""" + Chain("s", "a", "e"));

        var lists = await host.StartAsync(xml, new { users = " an , ,binh,", groups = new object?[] { "VanThu", "", null, 5 } });
        var single = await host.StartAsync(xml, new { users = 7, groups = new[] { "" } });

        var listed = await host.TaskAsync(lists.Id, "a");
        Assert.AreEqual(",an,binh,", listed.CandidateUsers);
        Assert.AreEqual(",VanThu,5,", listed.CandidateGroups, "a number is a name as written; an empty or missing one is none");
        var other = await host.TaskAsync(single.Id, "a");
        Assert.AreEqual(",7,", other.CandidateUsers);
        Assert.IsNull(other.CandidateGroups, "only empty names: no group");
    }
}
