using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DocBpm.Engine.Persistence;

namespace DocBpm.Web.Tests.Definitions;

/// <summary>
/// A diagram the code drives may be redrawn, but not without the elements the code relies on: a new version that lacks
/// one is refused like any invalid diagram, naming each missing element, and the running version stays.
/// </summary>
[TestClass]
public sealed class ProcessContractTests
{
    [TestMethod]
    [DataRow("outgoing", "\"Sign\"", "\"LeaderSigns\"", "Sign")]
    [DataRow("incoming", "\"ClerkCheck\"", "\"Registration\"", "ClerkCheck")]
    [DataRow("incoming", "name=\"recall-notice\"", "name=\"thu-hoi\"", "recall-notice")]
    [DataRow("provincial-task", "\"Reconcile\"", "\"CheckTask\"", "Reconcile")]
    [DataRow("provincial-task", "name=\"provincial-extension-request\"", "name=\"gia-han\"", "provincial-extension-request")]
    public async Task A_new_version_without_an_element_the_code_relies_on_is_refused_with_400_naming_it(string key, string from, string to,
        string missing)
    {
        await using var factory = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var analyst = await factory.LoginAsync("phantich");
        var xml = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "workflows", key + ".bpmn"));
        StringAssert.Contains(xml, from);

        var response = await analyst.PostAsync("/api/definitions", new StringContent(xml.Replace(from, to, StringComparison.Ordinal),
            Encoding.UTF8, "application/xml"));

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var element = problem["elements"]!.AsArray().Single(e => (string?)e!["elementId"] == missing)!;
        StringAssert.Contains((string?)element["message"], $"'{missing}'");
        StringAssert.Contains((string?)element["message"], "chương trình", "the designer shows why, in Vietnamese");
        Assert.IsTrue((int)element["line"]! > 0, "the designer points at the process");
        CollectionAssert.Contains(problem["errors"]!.AsObject().Select(e => e.Key).ToList(), missing);
        var versions = (await analyst.GetFromJsonAsync<JsonArray>($"/api/definitions?key={key}"))!;
        Assert.AreEqual(1, versions.Count, "the shipped version stays the only one");
    }

    [TestMethod]
    public async Task The_designers_validate_button_reports_the_same_missing_element_before_any_deploy()
    {
        await using var factory = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var analyst = await factory.LoginAsync("phantich");
        var xml = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "workflows", "outgoing.bpmn"));

        var result = (await (await analyst.PostAsync("/api/definitions/validate",
            new StringContent(xml.Replace("\"Sign\"", "\"LeaderSigns\"", StringComparison.Ordinal), Encoding.UTF8, "application/xml")))
            .Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.IsFalse((bool)result["valid"]!);
        Assert.AreEqual("Sign", (string?)result["errors"]!.AsArray().Single()!["elementId"]);
    }

    [TestMethod]
    public async Task A_redrawn_diagram_that_keeps_every_element_deploys_as_a_new_version()
    {
        await using var factory = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var analyst = await factory.LoginAsync("phantich");
        var xml = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "workflows", "outgoing.bpmn"));

        var response = await analyst.PostAsync("/api/definitions", new StringContent(
            xml.Replace("Lãnh đạo Sở ký số", "Lãnh đạo Sở ký số văn bản", StringComparison.Ordinal), Encoding.UTF8, "application/xml"));

        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode);
    }
}
