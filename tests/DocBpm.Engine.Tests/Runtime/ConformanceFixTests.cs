using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DocBpm.Engine.Tests.Runtime.Bpmn;

namespace DocBpm.Engine.Tests.Runtime;

/// <summary>The conformance bugs of issue 17 that need a running engine, on every database.</summary>
[TestClass]
public sealed class ConformanceFixTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    private static readonly string DefaultOnTask = Process(
        """<bpmn:startEvent id="s"/><bpmn:task id="check" default="F_def"/>""" + UserTask("large") + UserTask("normal")
        + """<bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>"""
        + Flow("f0", "s", "check") + Flow("F_large", "check", "large", "amount > 100") + Flow("F_def", "check", "normal")
        + Chain("large", "e1") + Chain("normal", "e2"));

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_default_flow_of_an_activity_is_not_taken_when_a_condition_holds(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);

        var instance = await host.StartAsync(DefaultOnTask, new { amount = 500 });

        Assert.AreEqual("large", (await host.ActiveBookmarksAsync(instance.Id)).Single().ElementId);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_default_flow_of_an_activity_is_taken_when_no_condition_holds(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);

        var instance = await host.StartAsync(DefaultOnTask, new { amount = 50 });

        Assert.AreEqual("normal", (await host.ActiveBookmarksAsync(instance.Id)).Single().ElementId);
    }

    private static readonly string UncaughtBesideTask = Process(
        """<bpmn:startEvent id="s"/><bpmn:parallelGateway id="fork"/>""" + Service("call", "RaiseError", ("code", "'BOOM'"))
        + UserTask("other") + """<bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>"""
        + Flow("f0", "s", "fork") + Flow("f1", "fork", "call") + Flow("f2", "fork", "other") + Chain("call", "e1") + Chain("other", "e2"));

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_uncaught_error_raises_an_incident_and_the_rest_of_the_step_is_stored(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);

        var instance = await host.StartAsync(UncaughtBesideTask);

        Assert.AreEqual(InstanceStatus.Running, instance.Status);
        Assert.AreEqual(1, (await host.InstanceAsync(instance.Id)).OpenIncidents);
        var incident = await host.QueryAsync(db => db.Incidents.AsNoTracking().SingleAsync(i => i.InstanceId == instance.Id));
        Assert.AreEqual("call", incident.ElementId);
        StringAssert.Contains(incident.Error, "BOOM");
        Assert.IsNotNull(incident.BookmarkId);
        Assert.AreEqual(1, (await host.ActiveBookmarksAsync(instance.Id)).Count(b => b.ElementId == "other"));
        CollectionAssert.Contains(await host.JournalAsync(instance.Id), "call:incident");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_uncaught_error_incident_is_retried_by_running_the_element_again(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(UncaughtBesideTask);
        var first = await host.QueryAsync(db => db.Incidents.AsNoTracking().SingleAsync(i => i.InstanceId == instance.Id));

        await host.InScopeAsync(r => r.RetryIncidentAsync(first.Id, "admin", CancellationToken.None));

        var incidents = await host.QueryAsync(db => db.Incidents.AsNoTracking().Where(i => i.InstanceId == instance.Id).ToListAsync());
        Assert.AreEqual("retried", incidents.Single(i => i.Id == first.Id).Resolution);
        Assert.AreEqual(1, incidents.Count(i => i.ResolvedAt == null), "the activity ran again and raised the error again");
        Assert.AreEqual(2, (await host.JournalAsync(instance.Id)).Count(j => j == "call:incident"));
        Assert.AreEqual(1, (await host.InstanceAsync(instance.Id)).OpenIncidents);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_uncaught_error_end_event_raises_an_incident_on_the_end_event(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var xml = Process("""<bpmn:startEvent id="s"/><bpmn:endEvent id="fail"><bpmn:errorEventDefinition errorRef="err"/></bpmn:endEvent>"""
            + Chain("s", "fail"), definitions: Error("err", "REFUSED"));

        var instance = await host.StartAsync(xml);

        Assert.AreEqual(InstanceStatus.Running, instance.Status);
        var incident = await host.QueryAsync(db => db.Incidents.AsNoTracking().SingleAsync(i => i.InstanceId == instance.Id));
        Assert.AreEqual("fail", incident.ElementId);
    }

    private static readonly string WaitForStatus = Process(
        """<bpmn:startEvent id="s"/><bpmn:intermediateCatchEvent id="wait">""" + MessageCatch("m", "=docId")
        + """</bpmn:intermediateCatchEvent>""" + UserTask("next") + """<bpmn:endEvent id="e"/>""" + Chain("s", "wait", "next", "e"),
        definitions: Message("m", "status"));

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_ambiguous_correlation_is_refused_and_moves_no_instance(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var first = await host.StartAsync(WaitForStatus, new { docId = "same" });
        var second = await host.StartAsync(WaitForStatus, new { docId = "same" });

        var refused = await Assert.ThrowsExactlyAsync<AmbiguousCorrelationException>(() => host.CorrelateAsync("status", "same"));

        CollectionAssert.AreEquivalent(new[] { first.Id, second.Id }, refused.InstanceIds.ToArray());
        Assert.AreEqual("wait", (await host.ActiveBookmarksAsync(first.Id)).Single().ElementId);
        Assert.AreEqual("wait", (await host.ActiveBookmarksAsync(second.Id)).Single().ElementId);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_correlation_with_all_moves_every_waiting_instance(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var first = await host.StartAsync(WaitForStatus, new { docId = "same" });
        var second = await host.StartAsync(WaitForStatus, new { docId = "same" });

        var result = await host.InScopeAsync(r => r.CorrelateAsync(new MessageRequest("status", "same", All: true), CancellationToken.None));

        Assert.AreEqual(CorrelationKind.Resumed, result.Kind);
        Assert.AreEqual("next", (await host.ActiveBookmarksAsync(first.Id)).Single().ElementId);
        Assert.AreEqual("next", (await host.ActiveBookmarksAsync(second.Id)).Single().ElementId);
    }
}
