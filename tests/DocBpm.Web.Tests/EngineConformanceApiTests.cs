using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DocBpm.Engine.Persistence;

namespace DocBpm.Web.Tests;

/// <summary>Issue 17's conformance fixes as the REST API shows them.</summary>
[TestClass]
public sealed class EngineConformanceApiTests
{
    private static string Waiting(string id) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:docbpm="urn:docbpm:bpmn:1" id="d" targetNamespace="urn:t">
          <bpmn:message id="m" name="status-{id}"/><bpmn:signal id="sig" name="alarm-{id}"/>
          <bpmn:process id="{id}" isExecutable="true">
            <bpmn:startEvent id="s"/><bpmn:parallelGateway id="fork"/>
            <bpmn:intermediateCatchEvent id="wait"><bpmn:extensionElements><docbpm:subscription correlationKey="same"/></bpmn:extensionElements><bpmn:messageEventDefinition messageRef="m"/></bpmn:intermediateCatchEvent>
            <bpmn:intermediateCatchEvent id="alarm"><bpmn:signalEventDefinition signalRef="sig"/></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>
            <bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="fork"/><bpmn:sequenceFlow id="f1" sourceRef="fork" targetRef="wait"/>
            <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="alarm"/><bpmn:sequenceFlow id="f3" sourceRef="wait" targetRef="e1"/>
            <bpmn:sequenceFlow id="f4" sourceRef="alarm" targetRef="e2"/>
          </bpmn:process>
        </bpmn:definitions>
        """;

    private static async Task<HttpResponseMessage> DeployAsync(HttpClient analyst, byte[] body) =>
        await analyst.PostAsync("/api/definitions", new ByteArrayContent(body) { Headers = { ContentType = new("application/xml") } });

    [TestMethod]
    public async Task Bpmn_files_with_a_byte_order_mark_or_in_utf16_deploy_over_http()
    {
        await using var factory = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var analyst = await factory.LoginAsync("phantich");

        var utf8 = await DeployAsync(analyst, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Waiting("bom"))]);
        var utf16 = await DeployAsync(analyst, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Waiting("wide").Replace("UTF-8", "UTF-16", StringComparison.Ordinal))]);

        Assert.AreEqual(HttpStatusCode.Created, utf8.StatusCode, await utf8.Content.ReadAsStringAsync());
        Assert.AreEqual(HttpStatusCode.Created, utf16.StatusCode, await utf16.Content.ReadAsStringAsync());
    }

    [TestMethod]
    public async Task Bpmn_ambiguous_message_answers_409_unless_all_is_asked()
    {
        await using var factory = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var analyst = await factory.LoginAsync("phantich");
        var clerk = await factory.LoginAsync("vanthu");
        (await DeployAsync(analyst, Encoding.UTF8.GetBytes(Waiting("twice")))).EnsureSuccessStatusCode();
        for (var i = 0; i < 2; i++)
            (await clerk.PostAsJsonAsync("/api/instances", new { definitionKey = "twice" })).EnsureSuccessStatusCode();

        var ambiguous = await clerk.PostAsJsonAsync("/api/messages", new { messageName = "status-twice", correlationKey = "same" });
        var all = await clerk.PostAsJsonAsync("/api/messages", new { messageName = "status-twice", correlationKey = "same", all = true });

        Assert.AreEqual(HttpStatusCode.Conflict, ambiguous.StatusCode);
        Assert.AreEqual(2, (await ambiguous.Content.ReadFromJsonAsync<JsonObject>())!["instanceIds"]!.AsArray().Count);
        Assert.AreEqual(HttpStatusCode.OK, all.StatusCode);
        Assert.AreEqual(2, (await all.Content.ReadFromJsonAsync<JsonObject>())!["instanceIds"]!.AsArray().Count);
    }

    [TestMethod]
    public async Task Bpmn_signal_sent_over_http_moves_every_waiting_instance()
    {
        await using var factory = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var analyst = await factory.LoginAsync("phantich");
        var clerk = await factory.LoginAsync("vanthu");
        (await DeployAsync(analyst, Encoding.UTF8.GetBytes(Waiting("signalled")))).EnsureSuccessStatusCode();
        for (var i = 0; i < 2; i++)
            (await clerk.PostAsJsonAsync("/api/instances", new { definitionKey = "signalled" })).EnsureSuccessStatusCode();

        var sent = await clerk.PostAsJsonAsync("/api/signals", new { signalName = "alarm-signalled" });
        var unnamed = await clerk.PostAsJsonAsync("/api/signals", new { signalName = "" });

        Assert.AreEqual(HttpStatusCode.OK, sent.StatusCode);
        Assert.AreEqual(2, (await sent.Content.ReadFromJsonAsync<JsonObject>())!["resumed"]!.AsArray().Count);
        Assert.AreEqual(HttpStatusCode.BadRequest, unnamed.StatusCode);
    }

    [TestMethod]
    public async Task Bpmn_validate_refuses_a_collaboration_with_two_executable_pools_as_deploy_does()
    {
        await using var factory = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var analyst = await factory.LoginAsync("phantich");
        var xml = Waiting("pool1").Replace("</bpmn:definitions>", """<bpmn:process id="pool2" isExecutable="true"><bpmn:startEvent id="x"/><bpmn:endEvent id="y"/><bpmn:sequenceFlow id="xy" sourceRef="x" targetRef="y"/></bpmn:process></bpmn:definitions>""", StringComparison.Ordinal);

        var validated = await analyst.PostAsync("/api/definitions/validate", new StringContent(xml, Encoding.UTF8, "application/xml"));
        var deployed = await DeployAsync(analyst, Encoding.UTF8.GetBytes(xml));

        Assert.IsFalse((bool)(await validated.Content.ReadFromJsonAsync<JsonObject>())!["valid"]!);
        Assert.AreEqual(HttpStatusCode.BadRequest, deployed.StatusCode);
    }

    [TestMethod]
    public async Task Activity_types_describe_publish_message_variables_as_an_object()
    {
        await using var factory = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var analyst = await factory.LoginAsync("phantich");

        var types = await analyst.GetFromJsonAsync<JsonArray>("/api/activity-types");

        var publish = types!.Single(t => (string?)t!["type"] == "PublishMessage")!;
        Assert.AreEqual("object", (string?)publish["inputs"]!.AsArray().Single(i => (string?)i!["name"] == "variables")!["type"]);
    }
}
