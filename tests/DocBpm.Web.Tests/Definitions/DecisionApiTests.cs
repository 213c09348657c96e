using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;

namespace DocBpm.Web.Tests.Definitions;

/// <summary>
/// DMN decisions over HTTP: deployed through the same deployment API as processes (by the same roles), versioned by
/// decision id, and run by a process's business-rule task; a broken table or an undeployed decision is a 400 naming it.
/// </summary>
[TestClass]
public sealed class DecisionApiTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    /// <summary>Which leader approves a request, by its amount: the first matching rule.</summary>
    private static string Approvers(string overLimit = "\"GiamDoc\"") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="defs" name="Approvers" namespace="urn:docbpm:tests">
          <decision id="approver" name="Người phê duyệt">
            <decisionTable id="t" hitPolicy="FIRST">
              <input id="i1" label="Số tiền"><inputExpression id="ie1" typeRef="number"><text>amount</text></inputExpression></input>
              <output id="o1" name="approver" typeRef="string"/>
              <rule id="r1"><inputEntry id="r1i"><text>&gt; 100000000</text></inputEntry><outputEntry id="r1o"><text>{overLimit}</text></outputEntry></rule>
              <rule id="r2"><inputEntry id="r2i"><text>-</text></inputEntry><outputEntry id="r2o"><text>"TruongPhong"</text></outputEntry></rule>
            </decisionTable>
          </decision>
        </definitions>
        """;

    private const string Process = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                          xmlns:docbpm="urn:docbpm:bpmn:1" id="d" targetNamespace="x">
          <bpmn:process id="api-decision" isExecutable="true">
            <bpmn:startEvent id="s"/>
            <bpmn:businessRuleTask id="choose" camunda:decisionRef="approver" camunda:resultVariable="approver" camunda:mapDecisionResult="singleEntry"/>
            <bpmn:userTask id="approve"><bpmn:extensionElements><docbpm:assignment candidateGroups="=approver"/></bpmn:extensionElements></bpmn:userTask>
            <bpmn:endEvent id="e"/>
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="choose"/>
            <bpmn:sequenceFlow id="f2" sourceRef="choose" targetRef="approve"/>
            <bpmn:sequenceFlow id="f3" sourceRef="approve" targetRef="e"/>
          </bpmn:process>
        </bpmn:definitions>
        """;

    private static StringContent Xml(string xml) => new(xml, Encoding.UTF8, "application/xml");

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Dmn_file_deploys_through_the_deployment_api_versioned_by_decision_and_a_business_rule_task_runs_it(DatabaseProvider provider)
    {
        await using var factory = await DocBpmWebFactory.CreateAsync(provider);
        using var analyst = await factory.LoginAsync("phantich");
        using var admin = await factory.LoginAsync("quantri");

        var missing = await analyst.PostAsync("/api/definitions", Xml(Process));
        Assert.AreEqual(HttpStatusCode.BadRequest, missing.StatusCode, "the process names a decision not yet deployed");
        StringAssert.Contains(await missing.Content.ReadAsStringAsync(), "choose");

        var first = await analyst.PostAsync("/api/definitions", Xml(Approvers("\"PhoGiamDoc\"")));
        Assert.AreEqual(HttpStatusCode.Created, first.StatusCode, await first.Content.ReadAsStringAsync());
        var second = await analyst.PostAsync("/api/definitions", Xml(Approvers()));
        var deployed = (await second.Content.ReadFromJsonAsync<JsonObject>())!["decisions"]!.AsArray().Single()!;
        Assert.AreEqual("approver", (string?)deployed["key"]);
        Assert.AreEqual(2, (int)deployed["version"]!);
        var again = await analyst.PostAsync("/api/definitions", Xml(Approvers()));
        Assert.AreEqual(HttpStatusCode.OK, again.StatusCode, "an unchanged file adds no version");
        var versions = (await analyst.GetFromJsonAsync<JsonArray>("/api/decisions?key=approver"))!;
        CollectionAssert.AreEqual(new[] { 2, 1 }, versions.Select(v => (int)v!["version"]!).ToArray());
        StringAssert.Contains(await analyst.GetStringAsync($"/api/decisions/{versions[0]!["id"]}/xml"), "\"GiamDoc\"");

        (await analyst.PostAsync("/api/definitions", Xml(Process))).EnsureSuccessStatusCode();
        var started = await admin.PostAsJsonAsync("/api/instances", new { definitionKey = "api-decision", variables = new { amount = 250000000 } });
        Assert.IsTrue(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
        var id = (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var instance = (await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{id}"))!;
        Assert.AreEqual("GiamDoc", (string?)instance["variables"]!["approver"]);
    }

    [TestMethod]
    public async Task Dmn_file_with_a_malformed_cell_is_refused_with_400_naming_the_rule_and_nothing_is_stored()
    {
        await using var factory = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var analyst = await factory.LoginAsync("phantich");

        var validated = (await (await analyst.PostAsync("/api/definitions/validate", Xml(Approvers("\"GiamDoc")))).Content.ReadFromJsonAsync<JsonObject>())!;
        var response = await analyst.PostAsync("/api/definitions", Xml(Approvers("\"GiamDoc")));

        Assert.IsFalse((bool)validated["valid"]!);
        Assert.AreEqual("r1", (string?)validated["errors"]![0]!["elementId"]);
        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.AreEqual("Bảng quyết định không hợp lệ", (string?)problem["title"]);
        Assert.AreEqual("r1", (string?)problem["elements"]![0]!["elementId"]);
        Assert.AreEqual(0, (await analyst.GetFromJsonAsync<JsonArray>("/api/decisions"))!.Count);
    }

    [TestMethod]
    public async Task Dmn_deploy_is_refused_to_who_may_not_deploy_processes()
    {
        await using var factory = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var clerk = await factory.LoginAsync("vanthu");

        var response = await clerk.PostAsync("/api/definitions", Xml(Approvers()));

        Assert.AreEqual(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
