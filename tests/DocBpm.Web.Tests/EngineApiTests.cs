using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;

namespace DocBpm.Web.Tests;

/// <summary>The engine's REST API over HTTP: deploy, start, work on tasks, correlate, monitor.</summary>
[TestClass]
public sealed class EngineApiTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    private const string Approval = "sample-approval";

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Shipped_sample_process_runs_from_start_to_end_over_http(DatabaseProvider provider)
    {
        await using var factory = await DocBpmWebFactory.CreateAsync(provider);
        var clerk = await factory.LoginAsync("vanthu");
        var director = await factory.LoginAsync("giamdoc");
        var admin = await factory.LoginAsync("quantri");

        var definitions = await admin.GetFromJsonAsync<JsonArray>("/api/definitions");
        Assert.IsTrue(definitions!.Any(d => (string?)d!["key"] == Approval), "workflows/*.bpmn are deployed at start-up");

        var started = await clerk.PostAsJsonAsync("/api/instances", new { definitionKey = Approval, businessKey = "15/SGDĐT-VP", variables = new { drafter = "chuyenvien" } });
        Assert.AreEqual(HttpStatusCode.Created, started.StatusCode);
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();

        var mine = await director.GetFromJsonAsync<JsonArray>("/api/tasks/mine");
        var task = mine!.Single(t => (Guid)t!["instanceId"]! == instanceId)!;
        Assert.AreEqual("Review", (string?)task["elementId"]);
        Assert.AreEqual(0, (await clerk.GetFromJsonAsync<JsonArray>("/api/tasks/mine"))!.Count, "the clerk is no candidate");

        var complete = await director.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete", new { variables = new { approved = true } });
        Assert.AreEqual(HttpStatusCode.OK, complete.StatusCode);
        var again = await director.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete", new { variables = new { approved = true } });
        Assert.AreEqual(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await again.Content.ReadFromJsonAsync<JsonObject>();
        StringAssert.Contains((string?)problem!["detail"], "đã được hoàn thành");

        var detail = await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}");
        Assert.AreEqual("Completed", (string?)detail!["instance"]!["status"]);
        CollectionAssert.Contains(detail["pathTaken"]!.AsArray().Select(p => (string?)p).ToList(), "Approved");
        Assert.IsTrue(detail["journal"]!.AsArray().Any(j => (string?)j!["actor"] == "giamdoc" && (string?)j["event"] == "completed"),
            "every step is journalled with its user");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Two_simultaneous_completions_of_a_task_give_one_success_and_one_conflict(DatabaseProvider provider)
    {
        await using var factory = await DocBpmWebFactory.CreateAsync(provider);
        var clerk = await factory.LoginAsync("vanthu");
        var director = await factory.LoginAsync("giamdoc");
        var other = await factory.LoginAsync("giamdoc");
        (await clerk.PostAsJsonAsync("/api/instances", new { definitionKey = Approval, variables = new { drafter = "chuyenvien" } })).EnsureSuccessStatusCode();
        var task = (await director.GetFromJsonAsync<JsonArray>("/api/tasks/mine"))!.Single()!;

        var responses = await Task.WhenAll(
            director.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete", new { variables = new { approved = true } }),
            other.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete", new { variables = new { approved = false } }));

        CollectionAssert.AreEquivalent(new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }, responses.Select(r => r.StatusCode).ToArray());
    }

    [TestMethod]
    public async Task Deploying_a_broken_diagram_lists_every_error_with_element_and_line()
    {
        await using var factory = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var analyst = await factory.LoginAsync("phantich");
        const string broken = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:docbpm="urn:docbpm:bpmn:1" id="d" targetNamespace="x">
              <bpmn:process id="broken" isExecutable="true">
                <bpmn:serviceTask id="Unknown"><bpmn:extensionElements><docbpm:activity type="NoSuchActivity"/></bpmn:extensionElements></bpmn:serviceTask>
                <bpmn:callActivity id="Call"/>
                <bpmn:sequenceFlow id="Dangling" sourceRef="Unknown" targetRef="Nowhere"/>
              </bpmn:process>
            </bpmn:definitions>
            """;

        var response = await analyst.PostAsync("/api/definitions", new StringContent(broken, Encoding.UTF8, "application/xml"));

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        var elements = problem!["elements"]!.AsArray().Select(e => (string?)e!["elementId"]).ToList();
        CollectionAssert.IsSubsetOf(new[] { "Unknown", "Call", "Dangling" }, elements);
        Assert.IsTrue(problem["elements"]!.AsArray().All(e => (int)e!["line"]! > 0));
        var definitions = await analyst.GetFromJsonAsync<JsonArray>("/api/definitions?key=broken");
        Assert.AreEqual(0, definitions!.Count, "a refused deploy stores nothing");
    }

    [TestMethod]
    public async Task Deploy_creates_a_version_only_when_the_content_changed()
    {
        await using var factory = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var analyst = await factory.LoginAsync("phantich");
        var xml = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "workflows", "sample-approval.bpmn"));

        var same = await analyst.PostAsync("/api/definitions", new StringContent(xml, Encoding.UTF8, "application/xml"));
        var changed = await analyst.PostAsync("/api/definitions",
            new StringContent(xml.Replace("Lãnh đạo xem xét", "Lãnh đạo Sở xem xét", StringComparison.Ordinal), Encoding.UTF8, "application/xml"));

        Assert.AreEqual(HttpStatusCode.OK, same.StatusCode);
        Assert.AreEqual(1, (int)(await same.Content.ReadFromJsonAsync<JsonObject>())!["version"]!);
        Assert.AreEqual(HttpStatusCode.Created, changed.StatusCode);
        var deployed = (await changed.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.AreEqual(2, (int)deployed["version"]!);
        var roundTrip = await analyst.GetStringAsync($"/api/definitions/{deployed["id"]}/xml");
        StringAssert.Contains(roundTrip, "bpmndi:BPMNDiagram", "the diagram is kept as the designer saved it");
        var elements = await analyst.GetFromJsonAsync<JsonArray>($"/api/definitions/{deployed["id"]}/elements");
        var review = elements!.Single(e => (string?)e!["id"] == "Review")!;
        Assert.AreEqual("userTask", (string?)review["kind"]);
        Assert.AreEqual("Lãnh đạo Sở xem xét", (string?)review["name"]);
    }

    [TestMethod]
    public async Task Roles_guard_the_api_and_anonymous_callers_are_refused()
    {
        await using var factory = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var anonymous = factory.CreateClient();
        var staff = await factory.LoginAsync("chuyenvien");

        Assert.AreEqual(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/tasks/mine")).StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await staff.PostAsync("/api/definitions", new StringContent("<x/>", Encoding.UTF8, "application/xml"))).StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/instances")).StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, (await anonymous.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, (await anonymous.GetAsync("/api-reference")).StatusCode);
        var wrong = await anonymous.PostAsJsonAsync("/api/account/login", new { userName = "chuyenvien", password = "sai-mat-khau" });
        Assert.AreEqual(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [TestMethod]
    public async Task Activity_types_describe_the_palette_in_vietnamese()
    {
        await using var factory = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var analyst = await factory.LoginAsync("phantich");

        var types = await analyst.GetFromJsonAsync<JsonArray>("/api/activity-types");

        var publish = types!.Single(t => (string?)t!["type"] == "PublishMessage")!;
        Assert.AreEqual("Gửi thông điệp", (string?)publish["displayName"]);
        Assert.IsTrue(publish["inputs"]!.AsArray().Any(i => (string?)i!["name"] == "messageName" && (bool)i["required"]!));
        Assert.IsTrue(types!.Any(t => (string?)t!["type"] == "bpmn:UserTask"));
    }

    [TestMethod]
    public async Task Instance_list_filters_and_pages()
    {
        await using var factory = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var clerk = await factory.LoginAsync("vanthu");
        var admin = await factory.LoginAsync("quantri");
        for (var i = 1; i <= 5; i++)
            (await clerk.PostAsJsonAsync("/api/instances", new { definitionKey = Approval, businessKey = $"{i}/SGDĐT" })).EnsureSuccessStatusCode();

        var page = await admin.GetFromJsonAsync<JsonObject>($"/api/instances?definitionKey={Approval}&status=Running&page=2&pageSize=2");
        var byKey = await admin.GetFromJsonAsync<JsonObject>("/api/instances?businessKey=3/SGD");
        var badPage = await admin.GetAsync("/api/instances?pageSize=100000");

        Assert.AreEqual(5, (int)page!["total"]!);
        Assert.AreEqual(2, page["items"]!.AsArray().Count);
        Assert.AreEqual("3/SGDĐT", (string?)byKey!["items"]!.AsArray().Single()!["businessKey"]);
        Assert.AreEqual(HttpStatusCode.BadRequest, badPage.StatusCode);
    }

    [TestMethod]
    public async Task A_message_nobody_waits_for_is_refused_with_its_name()
    {
        await using var factory = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var clerk = await factory.LoginAsync("vanthu");

        var unknown = await clerk.PostAsJsonAsync("/api/messages", new { messageName = "nobody-waits", correlationKey = "x" });

        Assert.AreEqual(HttpStatusCode.NotFound, unknown.StatusCode);
        var problem = await unknown.Content.ReadFromJsonAsync<JsonObject>();
        StringAssert.Contains((string?)problem!["detail"], "nobody-waits");
        var invalid = await clerk.PostAsJsonAsync("/api/messages", new { messageName = "" });
        Assert.AreEqual(HttpStatusCode.BadRequest, invalid.StatusCode);
    }
}
