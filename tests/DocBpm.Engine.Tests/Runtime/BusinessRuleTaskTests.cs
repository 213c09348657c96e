using DocBpm.Engine.Model;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static DocBpm.Engine.Tests.Decisions.Dmn;
using static DocBpm.Engine.Tests.Runtime.Bpmn;

namespace DocBpm.Engine.Tests.Runtime;

/// <summary>Business-rule tasks: a deployed DMN decision evaluated inside the step, versioned, mapped, and its failures as incidents.</summary>
[TestClass]
public sealed class BusinessRuleTaskTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    /// <summary>The fee of a request by its amount; <paramref name="small"/> is the fee up to 100.</summary>
    private static string Fees(string small = "5", string hitPolicy = "UNIQUE") => Table(hitPolicy, [("amount", "number")], [("fee", "number")],
        [["<= 100", small], ["> 100", "20"], ["> 1000", "50"]], id: "fees");

    private static string Rule(string attributes) =>
        $"""<bpmn:businessRuleTask id="decide" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" camunda:decisionRef="fees" {attributes}/>""";

    private static string Deciding(string attributes) => Process(
        $"""<bpmn:startEvent id="s"/>{Rule(attributes)}{UserTask("after")}<bpmn:endEvent id="e"/>""" + Chain("s", "decide", "after", "e"));

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_business_rule_task_evaluates_the_latest_decision_and_writes_its_result_variable(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        await host.DeployDecisionsAsync(Fees("5"));
        var second = await host.DeployDecisionsAsync(Fees("7"));

        var instance = await host.StartAsync(Deciding("""camunda:resultVariable="fee" camunda:mapDecisionResult="singleEntry" """), new { amount = 50 });

        Assert.AreEqual(2, second.Single().Decision.Version);
        Assert.AreEqual("7", (await host.VariableAsync(instance.Id, "fee"))!.ToJsonString());
        CollectionAssert.AreEqual(new[] { "after" }, await host.WaitingAtAsync(instance.Id));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_business_rule_task_bound_to_a_version_evaluates_that_version(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        await host.DeployDecisionsAsync(Fees("5"));
        await host.DeployDecisionsAsync(Fees("7"));

        var instance = await host.StartAsync(Deciding(
            """camunda:decisionRefBinding="version" camunda:decisionRefVersion="1" camunda:resultVariable="fee" camunda:mapDecisionResult="singleEntry" """),
            new { amount = 50 });

        Assert.AreEqual("5", (await host.VariableAsync(instance.Id, "fee"))!.ToJsonString());
    }

    [TestMethod]
    [DataRow("singleEntry", "FIRST", "5")]
    [DataRow("singleResult", "FIRST", """{"fee":5}""")]
    [DataRow("collectEntries", "COLLECT", "[20,50]")]
    [DataRow("resultList", "COLLECT", """[{"fee":20},{"fee":50}]""")]
    [DataRow("", "COLLECT", """[{"fee":20},{"fee":50}]""")]
    public async Task Camunda_mapDecisionResult_shapes_the_result_variable(string mapping, string hitPolicy, string expected)
    {
        await using var host = await EngineTestHost.StartAsync(DatabaseProvider.Sqlite);
        await host.DeployDecisionsAsync(Fees(hitPolicy: hitPolicy));
        var map = mapping.Length == 0 ? "" : $"""camunda:mapDecisionResult="{mapping}" """;

        var instance = await host.StartAsync(Deciding($"""camunda:resultVariable="result" {map}"""), new { amount = hitPolicy == "FIRST" ? 50 : 5000 });

        Assert.AreEqual(expected, (await host.VariableAsync(instance.Id, "result"))!.ToJsonString());
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Dmn13_UNIQUE_table_with_two_matching_rules_raises_an_incident_that_a_retry_clears_once_the_table_is_fixed(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        await host.DeployDecisionsAsync(Fees());

        var instance = await host.StartAsync(Deciding("""camunda:resultVariable="fee" camunda:mapDecisionResult="singleEntry" """), new { amount = 5000 });

        Assert.AreEqual(InstanceStatus.Running, instance.Status);
        var incident = await host.QueryAsync(db => db.Incidents.AsNoTracking().SingleAsync(i => i.InstanceId == instance.Id));
        Assert.AreEqual("decide", incident.ElementId);
        StringAssert.Contains(incident.Error, "hit policy UNIQUE but 2 rules match (fees_r2, fees_r3)");
        CollectionAssert.Contains(await host.JournalAsync(instance.Id), "decide:incident");

        await host.DeployDecisionsAsync(Fees(hitPolicy: "FIRST"));
        await host.InScopeAsync(r => r.RetryIncidentAsync(incident.Id, "admin", CancellationToken.None));

        Assert.AreEqual("20", (await host.VariableAsync(instance.Id, "fee"))!.ToJsonString());
        Assert.AreEqual(0, (await host.InstanceAsync(instance.Id)).OpenIncidents);
        CollectionAssert.AreEqual(new[] { "after" }, await host.WaitingAtAsync(instance.Id));
    }

    [TestMethod]
    public async Task Camunda_singleEntry_with_two_matching_rules_raises_an_incident()
    {
        await using var host = await EngineTestHost.StartAsync(DatabaseProvider.Sqlite);
        await host.DeployDecisionsAsync(Fees(hitPolicy: "COLLECT"));

        var instance = await host.StartAsync(Deciding("""camunda:resultVariable="fee" camunda:mapDecisionResult="singleEntry" """), new { amount = 5000 });

        var incident = await host.QueryAsync(db => db.Incidents.AsNoTracking().SingleAsync(i => i.InstanceId == instance.Id));
        StringAssert.Contains(incident.Error, "singleEntry expects at most one matching rule but 2 match");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Bpmn_deploy_refuses_a_business_rule_task_whose_decision_is_not_deployed_naming_the_element(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        await host.DeployDecisionsAsync(Fees());

        var missing = await Assert.ThrowsExactlyAsync<BpmnValidationException>(() => host.DeployAsync(Deciding("""camunda:decisionRefBinding="version" camunda:decisionRefVersion="2" """)));

        var error = missing.Errors.Single();
        Assert.AreEqual("decide", error.ElementId);
        StringAssert.Contains(error.MessageVi, "'fees' phiên bản 2 chưa được triển khai");
        Assert.AreEqual(0, await host.QueryAsync(db => db.Definitions.CountAsync()));
        var validated = await host.InScopeAsync(r => host.Services.GetRequiredService<DefinitionStore>()
            .ValidateAsync(r.Db, Deciding("""camunda:decisionRefBinding="version" camunda:decisionRefVersion="2" """), CancellationToken.None));
        Assert.AreEqual("decide", validated.Errors.Single().ElementId, "validate applies the deploy's rule");
    }

    [TestMethod]
    [DataRow("", "decision 'fees' is not deployed")]
    [DataRow("""camunda:decisionRefBinding="version" camunda:decisionRefVersion="3" """, "decision 'fees' version 3 is not deployed")]
    public async Task Bpmn_business_rule_task_run_by_an_interpreter_without_decisions_stops_with_an_incident_naming_the_decision(
        string binding, string error)
    {
        await using var services = new ServiceCollection().AddSingleton<TimeProvider>(new FakeTimeProvider())
            .AddDocBpmInterpreter().BuildServiceProvider();
        var model = BpmnParser.ParseSingle(Deciding($"""camunda:resultVariable="fee" {binding}"""),
            services.GetRequiredService<DocBpm.Engine.Activities.ActivityRegistry>());

        var instance = await services.GetRequiredService<InMemoryWorkflowHost>().StartAsync(model,
            EngineTestHost.Variables(new { amount = 50 }), CancellationToken.None);

        Assert.AreEqual(RunResult.Waiting, instance.Result);
        var incident = instance.Output.Incidents.Single();
        Assert.AreEqual("decide", incident.ElementId);
        Assert.AreEqual(error, incident.Error);
        Assert.AreEqual(BookmarkKind.Job, instance.Bookmarks.Single().Kind, "the token waits for a retry at the task");
        Assert.IsFalse(instance.State.Root.Variables.ContainsKey("fee"));
    }

    [TestMethod]
    public async Task Dmn_file_deployed_again_unchanged_adds_no_version()
    {
        await using var host = await EngineTestHost.StartAsync(DatabaseProvider.Sqlite);
        await host.DeployDecisionsAsync(Fees());

        var again = await host.DeployDecisionsAsync(Fees());

        Assert.IsFalse(again.Single().IsNew);
        Assert.AreEqual(1, again.Single().Decision.Version);
    }

    [TestMethod]
    [DataRow("""camunda:decisionRefBinding="deployment" """, "deployment")]
    [DataRow("""camunda:decisionRefBinding="version" """, "decisionRefVersion")]
    [DataRow("""camunda:mapDecisionResult="firstEntry" """, "firstEntry")]
    [DataRow("""camunda:class="org.example.Rule" """, "camunda:class")]
    public void Camunda_business_rule_task_attributes_outside_the_subset_are_refused_naming_the_element(string attributes, string named)
    {
        var result = BpmnParser.Parse(Deciding(attributes), new DocBpm.Engine.Activities.ActivityRegistry([]));
        var error = result.Errors.Single();
        Assert.AreEqual("decide", error.ElementId);
        StringAssert.Contains(error.Message, named);
    }

    [TestMethod]
    public void Camunda_business_rule_task_without_a_decision_is_refused()
    {
        var xml = Process("""<bpmn:startEvent id="s"/><bpmn:businessRuleTask id="decide"/><bpmn:endEvent id="e"/>""" + Chain("s", "decide", "e"));
        var error = BpmnParser.Parse(xml, new DocBpm.Engine.Activities.ActivityRegistry([])).Errors.Single();
        StringAssert.Contains(error.Message, "camunda:decisionRef");
    }
}
