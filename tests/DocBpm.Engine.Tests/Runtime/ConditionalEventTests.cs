using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Engine.Tests.Infrastructure;
using static DocBpm.Engine.Tests.Runtime.Bpmn;

namespace DocBpm.Engine.Tests.Runtime;

/// <summary>Conditional events: intermediate catch, boundary and event subprocess start, re-evaluated when variables change.</summary>
[TestClass]
public sealed class ConditionalEventTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    private static string Condition(string condition) =>
        $"""<bpmn:conditionalEventDefinition><bpmn:condition xsi:type="bpmn:tFormalExpression"><![CDATA[{condition}]]></bpmn:condition></bpmn:conditionalEventDefinition>""";

    /// <summary>Two parallel tasks set variables; a conditional catch event on a third path waits for them.</summary>
    private static readonly string WaitForApproval = Process("""<bpmn:startEvent id="s"/><bpmn:parallelGateway id="fork"/>"""
        + UserTask("approve") + $"""<bpmn:intermediateCatchEvent id="whenApproved">{Condition("approved === true")}</bpmn:intermediateCatchEvent>"""
        + UserTask("publish") + """<bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>"""
        + Flow("f0", "s", "fork") + Flow("f1", "fork", "approve") + Flow("f2", "fork", "whenApproved") + Chain("approve", "e1")
        + Chain("whenApproved", "publish", "e2"));

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_conditional_catch_event_waits_until_a_variable_change_makes_its_condition_true(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(WaitForApproval, new { approved = false });
        CollectionAssert.AreEqual(new[] { "approve", "whenApproved" }, await host.WaitingAtAsync(instance.Id));

        await host.CompleteAsync(instance.Id, "approve", new { approved = true });

        CollectionAssert.AreEqual(new[] { "publish" }, await host.WaitingAtAsync(instance.Id));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_conditional_catch_event_whose_condition_already_holds_passes_at_once(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);

        var instance = await host.StartAsync(WaitForApproval, new { approved = true });

        CollectionAssert.AreEqual(new[] { "approve", "publish" }, await host.WaitingAtAsync(instance.Id));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_conditional_catch_event_stays_when_the_change_leaves_the_condition_false(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(WaitForApproval, new { approved = false });

        await host.CompleteAsync(instance.Id, "approve", new { approved = false });

        CollectionAssert.AreEqual(new[] { "whenApproved" }, await host.WaitingAtAsync(instance.Id));
    }

    /// <summary>Work with a conditional boundary; a parallel task changes the amount.</summary>
    private static string BoundaryOnWork(bool interrupting) => Process("""<bpmn:startEvent id="s"/><bpmn:parallelGateway id="fork"/>"""
        + UserTask("work") + UserTask("revise")
        + $"""<bpmn:boundaryEvent id="tooBig" attachedToRef="work" cancelActivity="{(interrupting ? "true" : "false")}">{Condition("amount > 100")}</bpmn:boundaryEvent>"""
        + UserTask("escalate") + """<bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/><bpmn:endEvent id="e3"/>"""
        + Flow("f0", "s", "fork") + Flow("f1", "fork", "work") + Flow("f2", "fork", "revise") + Chain("work", "e1") + Chain("revise", "e2")
        + Chain("tooBig", "escalate", "e3"), id: interrupting ? "interrupting" : "alongside");

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_interrupting_conditional_boundary_event_cancels_the_task_when_its_condition_becomes_true(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(BoundaryOnWork(interrupting: true), new { amount = 50 });

        await host.CompleteAsync(instance.Id, "revise", new { amount = 500 });

        CollectionAssert.AreEqual(new[] { "escalate" }, await host.WaitingAtAsync(instance.Id));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_non_interrupting_conditional_boundary_event_adds_a_path_and_the_task_goes_on(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(BoundaryOnWork(interrupting: false), new { amount = 50 });

        await host.CompleteAsync(instance.Id, "revise", new { amount = 500 });

        CollectionAssert.AreEqual(new[] { "escalate", "tooBig", "work" }, await host.WaitingAtAsync(instance.Id), "the boundary goes on waiting");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_two_interrupting_conditional_boundaries_that_become_true_together_take_the_task_once(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var xml = Process("""<bpmn:startEvent id="s"/><bpmn:parallelGateway id="fork"/>""" + UserTask("work") + UserTask("revise")
            + $"""<bpmn:boundaryEvent id="tooBig" attachedToRef="work">{Condition("amount > 100")}</bpmn:boundaryEvent>"""
            + $"""<bpmn:boundaryEvent id="farTooBig" attachedToRef="work">{Condition("amount > 1000")}</bpmn:boundaryEvent>"""
            + UserTask("escalate") + UserTask("refer") + """<bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/><bpmn:endEvent id="e3"/><bpmn:endEvent id="e4"/>"""
            + Flow("f0", "s", "fork") + Flow("f1", "fork", "work") + Flow("f2", "fork", "revise") + Chain("work", "e1") + Chain("revise", "e2")
            + Chain("tooBig", "escalate", "e3") + Chain("farTooBig", "refer", "e4"));
        var instance = await host.StartAsync(xml, new { amount = 50 });

        await host.CompleteAsync(instance.Id, "revise", new { amount = 5000 });

        var waiting = await host.WaitingAtAsync(instance.Id);
        Assert.AreEqual(1, waiting.Count, "the first boundary to fire cancelled the task and with it the other boundary");
        CollectionAssert.IsSubsetOf(waiting, new[] { "escalate", "refer" });
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_conditional_event_whose_condition_fails_on_arrival_or_when_asked_again_refuses_the_step_naming_the_event(
        DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        await host.DeployAsync(Process("""<bpmn:startEvent id="s"/><bpmn:parallelGateway id="fork"/>""" + UserTask("approve")
            + $"""<bpmn:intermediateCatchEvent id="whenSigned">{Condition("decision.signed")}</bpmn:intermediateCatchEvent>"""
            + UserTask("publish") + """<bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>"""
            + Flow("f0", "s", "fork") + Flow("f1", "fork", "approve") + Flow("f2", "fork", "whenSigned") + Chain("approve", "e1")
            + Chain("whenSigned", "publish", "e2")));

        var onArrival = await Assert.ThrowsExactlyAsync<ProcessExecutionException>(() => host.InScopeAsync(r =>
            r.StartAsync(new StartRequest("p", EngineTestHost.Variables(new { decision = (object?)null })), CancellationToken.None)));
        var instance = await host.InScopeAsync(r =>
            r.StartAsync(new StartRequest("p", EngineTestHost.Variables(new { decision = new { signed = false } })), CancellationToken.None));
        var askedAgain = await Assert.ThrowsExactlyAsync<ProcessExecutionException>(() =>
            host.CompleteAsync(instance.Id, "approve", new { decision = (object?)null }));

        foreach (var error in new[] { onArrival, askedAgain })
        {
            Assert.AreEqual("whenSigned", error.ElementId);
            StringAssert.StartsWith(error.Reason, "condition failed: ");
        }

        CollectionAssert.AreEqual(new[] { "approve", "whenSigned" }, await host.WaitingAtAsync(instance.Id), "nothing of the step is stored");
    }

    private static readonly string UrgentEventSubProcess = Process("""<bpmn:startEvent id="s"/><bpmn:parallelGateway id="fork"/>"""
        + UserTask("work") + UserTask("classify") + """<bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>"""
        + Flow("f0", "s", "fork") + Flow("f1", "fork", "work") + Flow("f2", "fork", "classify") + Chain("work", "e1") + Chain("classify", "e2")
        + $"""<bpmn:subProcess id="onUrgent" triggeredByEvent="true"><bpmn:startEvent id="us">{Condition("urgent")}</bpmn:startEvent>"""
        + UserTask("rush") + """<bpmn:endEvent id="ue"/>""" + Chain("us", "rush", "ue") + "</bpmn:subProcess>");

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_conditional_event_subprocess_interrupts_its_scope_when_its_condition_becomes_true(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(UrgentEventSubProcess, new { urgent = false });

        await host.CompleteAsync(instance.Id, "classify", new { urgent = true });

        CollectionAssert.AreEqual(new[] { "rush" }, await host.WaitingAtAsync(instance.Id));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_conditional_event_subprocess_is_not_asked_once_its_scope_completed(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(UrgentEventSubProcess, new { urgent = false });
        await host.CompleteAsync(instance.Id, "classify");

        var done = await host.CompleteAsync(instance.Id, "work", new { urgent = true });

        Assert.AreEqual(InstanceStatus.Completed, done.Status);
    }
}
