using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DocBpm.Engine.Persistence;

namespace DocBpm.Web.Tests.Hardening;

/// <summary>Issue #16: <c>/api/definitions/validate</c> with 50,000 nested levels ran until the client gave up.</summary>
[TestClass]
public sealed class BpmnDepthTests
{
    private static readonly string Nested = """<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><bpmn:process id="deep" isExecutable="true">"""
        + string.Concat(Enumerable.Repeat("<bpmn:documentation>", 50_000)) + string.Concat(Enumerable.Repeat("</bpmn:documentation>", 50_000))
        + "</bpmn:process></bpmn:definitions>";

    [TestMethod]
    public async Task Issue16_a_diagram_nested_50000_levels_is_refused_by_deploy_with_400_and_reported_invalid_by_validate()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var analyst = await host.LoginAsync("phantich");

        var deployed = await analyst.PostAsync("/api/definitions", new StringContent(Nested, Encoding.UTF8, "application/xml"));
        Assert.AreEqual(HttpStatusCode.BadRequest, deployed.StatusCode);
        StringAssert.Contains(await deployed.Content.ReadAsStringAsync(), "lồng nhau sâu quá");

        // Validate answers the designer's report (200), the refusal listed in it.
        var validated = await analyst.PostAsync("/api/definitions/validate", new StringContent(Nested, Encoding.UTF8, "application/xml"));
        Assert.AreEqual(HttpStatusCode.OK, validated.StatusCode);
        var report = (await validated.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.IsFalse((bool)report["valid"]!);
        Assert.IsTrue(report["errors"]!.AsArray().Any(e => ((string?)e!["message"])?.Contains("lồng nhau sâu quá", StringComparison.Ordinal) == true),
            report.ToJsonString());
        Assert.IsFalse((await analyst.GetFromJsonAsync<JsonArray>("/api/definitions"))!.Any(d => (string?)d!["key"] == "deep"), "nothing deployed");
    }
}
