using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;

namespace DocBpm.Web.Tests;

/// <summary>The monitor's API and the designer and monitor pages over HTTP.</summary>
[TestClass]
public sealed class MonitorApiTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    internal static string Review(string secondTask) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:docbpm="urn:docbpm:bpmn:1" id="d" targetNamespace="t">
          <bpmn:process id="xem-xet" isExecutable="true">
            <bpmn:startEvent id="Start"/>
            <bpmn:userTask id="{secondTask}"><bpmn:extensionElements><docbpm:assignment candidateGroups="GiamDoc"/></bpmn:extensionElements></bpmn:userTask>
            <bpmn:endEvent id="End"/>
            <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="{secondTask}"/>
            <bpmn:sequenceFlow id="f2" sourceRef="{secondTask}" targetRef="End"/>
          </bpmn:process>
        </bpmn:definitions>
        """;

    internal static async Task DeployAsync(HttpClient analyst, string xml) =>
        (await analyst.PostAsync("/api/definitions", new StringContent(xml, Encoding.UTF8, "application/xml"))).EnsureSuccessStatusCode();

    /// <summary>An instance started on version 1 (waiting at Sign), then <paramref name="version2"/> deployed.</summary>
    private static async Task<(Guid InstanceId, HttpClient Admin)> StartThenDeployAsync(DocBpmWebFactory factory, string version2)
    {
        var analyst = await factory.LoginAsync("phantich");
        await DeployAsync(analyst, Review("Sign"));
        var started = await (await factory.LoginAsync("vanthu")).PostAsJsonAsync("/api/instances", new { definitionKey = "xem-xet" });
        var id = (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        await DeployAsync(analyst, version2);
        return (id, await factory.LoginAsync("quantri"));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Moving_an_instance_to_a_version_without_its_active_step_is_refused_in_Vietnamese_naming_the_step(DatabaseProvider provider)
    {
        await using var factory = await DocBpmWebFactory.CreateAsync(provider);
        var (id, admin) = await StartThenDeployAsync(factory, Review("Approve"));

        var refused = await admin.PostAsJsonAsync($"/api/instances/{id}/migrate", new { targetVersion = 2 });

        Assert.AreEqual(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        StringAssert.Contains((string?)problem["detail"], "Sign");
        StringAssert.Contains((string?)problem["detail"], "vẫn chạy theo phiên bản cũ");
        CollectionAssert.AreEqual(new[] { "Sign" }, problem["missingElements"]!.AsArray().Select(e => (string?)e).ToArray());
        var detail = await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{id}");
        Assert.AreEqual(1, (int)detail!["instance"]!["definitionVersion"]!);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task An_admin_moves_a_running_instance_to_the_latest_version_that_has_its_active_step(DatabaseProvider provider)
    {
        await using var factory = await DocBpmWebFactory.CreateAsync(provider);
        var (id, admin) = await StartThenDeployAsync(factory,
            Review("Sign").Replace("<bpmn:startEvent id=\"Start\"/>", "<bpmn:startEvent id=\"Start\" name=\"Bắt đầu\"/>", StringComparison.Ordinal));
        var analyst = await factory.LoginAsync("phantich");

        Assert.AreEqual(HttpStatusCode.Forbidden, (await analyst.PostAsJsonAsync($"/api/instances/{id}/migrate", new { })).StatusCode);
        var moved = await admin.PostAsJsonAsync($"/api/instances/{id}/migrate", new { });

        Assert.AreEqual(HttpStatusCode.OK, moved.StatusCode);
        Assert.AreEqual(2, (int)(await moved.Content.ReadFromJsonAsync<JsonObject>())!["definitionVersion"]!);
        var again = await admin.PostAsJsonAsync($"/api/instances/{id}/migrate", new { targetVersion = 2 });
        Assert.AreEqual(HttpStatusCode.Conflict, again.StatusCode, "only to a newer version");
    }

    [TestMethod]
    public async Task Pages_send_a_visitor_to_the_login_and_refuse_a_user_without_the_role()
    {
        await using var factory = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });

        var visitor = await anonymous.GetAsync("/monitor/instances/01a211c3-291e-742b-bc60-34a3f5f01d9a?tab=journal");
        Assert.AreEqual(HttpStatusCode.Redirect, visitor.StatusCode);
        Assert.AreEqual("/login?returnUrl=%2Fmonitor%2Finstances%2F01a211c3-291e-742b-bc60-34a3f5f01d9a%3Ftab%3Djournal",
            visitor.Headers.Location!.OriginalString);

        var clerk = await factory.LoginAsync("vanthu");
        var refused = await clerk.GetAsync("/designer");
        Assert.AreEqual(HttpStatusCode.Forbidden, refused.StatusCode);
        StringAssert.Contains((string?)(await refused.Content.ReadFromJsonAsync<JsonObject>())!["detail"], "Phân tích nghiệp vụ");
        Assert.AreEqual(HttpStatusCode.Forbidden, (await clerk.GetAsync("/designer/decisions")).StatusCode);
        var analyst = await factory.LoginAsync("phantich");
        Assert.AreEqual(HttpStatusCode.Forbidden, (await analyst.GetAsync("/monitor")).StatusCode);
        StringAssert.Contains(await analyst.GetStringAsync("/designer/decisions"), "Bảng quyết định (DMN)");

        var admin = await factory.LoginAsync("quantri");
        var page = await admin.GetAsync("/monitor");
        Assert.AreEqual(HttpStatusCode.OK, page.StatusCode);
        StringAssert.Contains(await page.Content.ReadAsStringAsync(), "Giám sát quy trình");
        StringAssert.Contains(await admin.GetStringAsync("/designer/"), "Thiết kế quy trình", "an admin may design too");
    }
}
