using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DocBpm.Engine.Messages;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DocBpm.Web.Tests;

/// <summary>The BPMN constructs of issue 17's second half over HTTP: deployed, run to their end, shown by the monitor.</summary>
[TestClass]
public sealed class CallActivityApiTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    private const string Child = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:docbpm="urn:docbpm:bpmn:1" id="d" targetNamespace="x">
          <bpmn:process id="api-child" isExecutable="true">
            <bpmn:startEvent id="s"/>
            <bpmn:userTask id="review"><bpmn:extensionElements><docbpm:assignment assignee="giamdoc"/></bpmn:extensionElements></bpmn:userTask>
            <bpmn:endEvent id="e"/>
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="review"/><bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="e"/>
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>A call activity, a compensable script, a conditional catch, a compensation throw and a timer event subprocess.</summary>
    private const string Caller = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:docbpm="urn:docbpm:bpmn:1" id="d" targetNamespace="x">
          <bpmn:error id="err" errorCode="REFUSED"/>
          <bpmn:process id="api-caller" isExecutable="true">
            <bpmn:startEvent id="s"/>
            <bpmn:callActivity id="call" calledElement="api-child">
              <bpmn:extensionElements><docbpm:out source="approved" target="approved"/></bpmn:extensionElements>
            </bpmn:callActivity>
            <bpmn:boundaryEvent id="refused" attachedToRef="call"><bpmn:errorEventDefinition errorRef="err"/></bpmn:boundaryEvent>
            <bpmn:endEvent id="eRefused"/>
            <bpmn:scriptTask id="book" scriptFormat="javascript"><bpmn:script>booked = true</bpmn:script></bpmn:scriptTask>
            <bpmn:boundaryEvent id="bookComp" attachedToRef="book"><bpmn:compensateEventDefinition/></bpmn:boundaryEvent>
            <bpmn:scriptTask id="unbook" isForCompensation="true" scriptFormat="javascript"><bpmn:script>booked = false</bpmn:script></bpmn:scriptTask>
            <bpmn:association id="a1" sourceRef="bookComp" targetRef="unbook"/>
            <bpmn:intermediateCatchEvent id="whenApproved">
              <bpmn:conditionalEventDefinition><bpmn:condition>approved === true</bpmn:condition></bpmn:conditionalEventDefinition>
            </bpmn:intermediateCatchEvent>
            <bpmn:intermediateThrowEvent id="undo"><bpmn:compensateEventDefinition/></bpmn:intermediateThrowEvent>
            <bpmn:endEvent id="e"/>
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="call"/>
            <bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="book"/>
            <bpmn:sequenceFlow id="f3" sourceRef="book" targetRef="whenApproved"/>
            <bpmn:sequenceFlow id="f4" sourceRef="whenApproved" targetRef="undo"/>
            <bpmn:sequenceFlow id="f5" sourceRef="undo" targetRef="e"/>
            <bpmn:sequenceFlow id="f6" sourceRef="refused" targetRef="eRefused"/>
            <bpmn:subProcess id="reminder" triggeredByEvent="true">
              <bpmn:startEvent id="rs" isInterrupting="false"><bpmn:timerEventDefinition><bpmn:timeDuration>P30D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent>
              <bpmn:endEvent id="re"/>
              <bpmn:sequenceFlow id="rf" sourceRef="rs" targetRef="re"/>
            </bpmn:subProcess>
          </bpmn:process>
        </bpmn:definitions>
        """;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Call_activity_event_subprocess_conditional_and_compensation_deploy_and_run_to_the_end_and_the_monitor_links_parent_and_child(
        DatabaseProvider provider)
    {
        await using var factory = await DocBpmWebFactory.CreateAsync(provider);
        using var analyst = await factory.LoginAsync("phantich");
        using var admin = await factory.LoginAsync("quantri");
        using var director = await factory.LoginAsync("giamdoc");
        foreach (var xml in new[] { Child, Caller })
        {
            var deployed = await analyst.PostAsync("/api/definitions", new StringContent(xml, Encoding.UTF8, "application/xml"));
            Assert.IsTrue(deployed.IsSuccessStatusCode, await deployed.Content.ReadAsStringAsync());
        }

        var started = await admin.PostAsJsonAsync("/api/instances", new { definitionKey = "api-caller" });
        Assert.AreEqual(HttpStatusCode.Created, started.StatusCode, await started.Content.ReadAsStringAsync());
        var parentId = (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var parent = (await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{parentId}"))!;
        var childId = parent["children"]!.AsArray().Single()!["id"]!.GetValue<Guid>();
        var child = (await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{childId}"))!;
        Assert.AreEqual(parentId, child["instance"]!["parentInstanceId"]!.GetValue<Guid>());
        Assert.IsTrue(parent["bookmarks"]!.AsArray().Any(b => (string?)b!["kind"] == "Call"));

        var task = (await director.GetFromJsonAsync<JsonArray>("/api/tasks/mine"))!.Single(t => (Guid)t!["instanceId"]! == childId)!;
        (await director.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete", new { variables = new { approved = true } })).EnsureSuccessStatusCode();
        await using (var scope = factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<OutboxProcessor>().DeliverDueAsync("test", 100, CancellationToken.None);

        var done = (await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{parentId}"))!;
        Assert.AreEqual("Completed", (string?)done["instance"]!["status"], done.ToJsonString());
        Assert.IsFalse((bool)done["variables"]!["booked"]!, "the compensation handler undid the booking");
        Assert.AreEqual(0, done["bookmarks"]!.AsArray().Count, "the event subprocess's timer ended with the process");
    }
}
