using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Engine.Persistence;
using Microsoft.Playwright;

namespace DocBpm.Web.Tests.Browser;

/// <summary>The analyst's designer in a real browser against the real host.</summary>
[TestClass]
public sealed class DesignerBrowserTests
{
    private const string Sample = "sample-approval";

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Analyst_adds_a_user_task_and_deploys_new_instances_follow_it_while_a_running_one_stays_on_the_old_version()
    {
        await using var session = await BrowserSession.StartAsync(DatabaseProvider.Sqlite);
        var clerk = await session.ApiAsync("vanthu");
        var admin = await session.ApiAsync("quantri");
        var running = await StartAsync(clerk, "01/SGDĐT-VP");
        var v1 = (await admin.ReadAsync<JsonArray>($"/api/definitions?key={Sample}")).Single()!;

        var page = await session.LoginAsync("phantich");
        var added = "";
        await BrowserSession.StepsAsync(page, TestContext, async () =>
        {
            await page.GotoAsync("/designer");
            await page.SelectOptionAsync("#definitions", (string)v1["id"]!);
            await Expect(page.Locator("#status")).ToContainTextAsync("phiên bản 1");
            // Issue 20: the monitor is the administrator's, so its link is not offered; the tools speak Vietnamese.
            await Expect(page.Locator("a[data-page='/monitor']")).ToBeHiddenAsync();
            await Expect(page.Locator(".djs-palette [data-action='create.start-event']")).ToHaveAttributeAsync("aria-label", "Thêm sự kiện bắt đầu");

            // The analyst replaces the end "Returned" by a new step for the clerk, then an end.
            await ClickElementAsync(page, "Returned");
            await page.ClickAsync(".djs-context-pad [data-action='delete']");
            await ClickElementAsync(page, "Revise");
            await page.ClickAsync(".djs-context-pad [data-action='append.append-task']");
            await page.Keyboard.TypeAsync("Văn thư lưu hồ sơ");
            await ClickEmptyCanvasAsync(page);
            added = await NewElementIdAsync(page, "Văn thư lưu hồ sơ");

            // As a service task without an activity type it is invalid: the server's error shows on the element.
            await ReplaceAsync(page, added, "replace-with-service-task");
            await page.ClickAsync("#validate");
            await Expect(page.Locator($".docbpm-error-badge[data-element-id='{added}']")).ToBeVisibleAsync();
            await Expect(page.Locator($"[data-element-id='{added}'].docbpm-invalid")).ToHaveCountAsync(1);
            await Expect(page.Locator($"#problems li[data-element-id='{added}']").First).ToContainTextAsync("Văn thư lưu hồ sơ:");
            await Expect(page.Locator(".bio-properties-panel-header-type")).ToHaveTextAsync("Công việc tự động");
            await page.ClickAsync(".bio-properties-panel-group-header:has-text('Hoạt động')");
            await Expect(page.Locator("#bio-properties-panel-docbpm-activity-type optgroup[label='Văn bản'] option",
                new() { HasText = "Gửi lên trục liên thông" })).ToHaveCountAsync(1);
            await BrowserSession.ScreenshotAsync(page, TestContext, "validation-error");

            await ReplaceAsync(page, added, "replace-with-user-task");
            await page.ClickAsync(".bio-properties-panel-group-header:has-text('Giao việc')");
            await page.FillAsync("#bio-properties-panel-docbpm-candidateGroups", "VanThu");
            await ClickElementAsync(page, added);
            await page.ClickAsync(".djs-context-pad [data-action='append.end-event']");
            await page.ClickAsync("#validate");
            await Expect(page.Locator("#status")).ToContainTextAsync("Sơ đồ hợp lệ");
            await page.ClickAsync("#deploy");
            // Issue 20: the analyst confirms, told the version to come and the instance that stays on version 1.
            var confirmation = page.Locator("#confirm-deploy");
            await Expect(confirmation).ToBeVisibleAsync();
            await Expect(confirmation.Locator("#confirm-facts")).ToContainTextAsync("Phiên bản sẽ tạo2");
            await Expect(confirmation.Locator("#confirm-facts")).ToContainTextAsync("Hồ sơ đang chạy theo phiên bản hiện tại1");
            await BrowserSession.ScreenshotAsync(page, TestContext, "confirm-deploy");
            await page.ClickAsync("#confirm");
            await Expect(page.Locator("#status")).ToContainTextAsync($"Đã triển khai {Sample} phiên bản 2");
            await BrowserSession.ScreenshotAsync(page, TestContext, "deployed");
        });

        var fresh = await StartAsync(clerk, "02/SGDĐT-VP");
        await ReturnForRevisionAsync(session, running);
        await ReturnForRevisionAsync(session, fresh);

        var old = await admin.ReadAsync<JsonObject>($"/api/instances/{running}");
        Assert.AreEqual(1, (int)old["instance"]!["definitionVersion"]!);
        Assert.AreEqual("Completed", (string?)old["instance"]!["status"], "the running instance finished on version 1");
        var current = await admin.ReadAsync<JsonObject>($"/api/instances/{fresh}");
        Assert.AreEqual(2, (int)current["instance"]!["definitionVersion"]!);
        var task = current["bookmarks"]!.AsArray().Single()!;
        Assert.AreEqual((added, "Văn thư lưu hồ sơ", "VanThu"),
            ((string?)task["elementId"], (string?)task["taskName"], (string?)task["candidateGroups"]));
    }

    [TestMethod]
    public async Task Analyst_draws_a_new_diagram_downloads_the_bpmn_file_and_deploys_it_as_version_1()
    {
        await using var session = await BrowserSession.StartAsync(DatabaseProvider.Sqlite);
        var page = await session.LoginAsync("phantich");
        var key = "";
        await BrowserSession.StepsAsync(page, TestContext, async () =>
        {
            await page.GotoAsync("/designer");
            // The page opens a blank diagram when it has loaded; a click before that would be overwritten by it.
            await Expect(page.Locator("#status")).ToContainTextAsync("Chọn một quy trình");
            await page.ClickAsync("#new");
            await Expect(page.Locator("#status")).ToContainTextAsync("Sơ đồ mới");
            await ClickElementAsync(page, "Start");
            await page.ClickAsync(".djs-context-pad [data-action='append.end-event']");

            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download"));
            Assert.AreEqual("quy-trinh-moi.bpmn", download.SuggestedFilename);
            var xml = await File.ReadAllTextAsync(await download.PathAsync());
            StringAssert.Contains(xml, "<bpmn:endEvent");
            key = System.Xml.Linq.XDocument.Parse(xml).Descendants().First(e => e.Name.LocalName == "process").Attribute("id")!.Value;

            await page.ClickAsync("#deploy");
            await Expect(page.Locator("#confirm-facts")).ToContainTextAsync("Phiên bản sẽ tạo1");
            await page.ClickAsync("#confirm");
            await Expect(page.Locator("#status")).ToContainTextAsync($"Đã triển khai {key} phiên bản 1");
        });

        var deployed = (await (await session.ApiAsync("quantri")).ReadAsync<JsonArray>($"/api/definitions?key={key}")).Single()!;
        Assert.AreEqual((1, "phantich"), ((int)deployed["version"]!, (string?)deployed["deployedBy"]));
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static async Task<Guid> StartAsync(HttpClient clerk, string businessKey)
    {
        var response = await clerk.PostAsJsonAsync("/api/instances",
            new { definitionKey = Sample, businessKey, variables = new { drafter = "chuyenvien" } });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    /// <summary>The director sends the draft back, the drafter revises it: the path that the new step follows.</summary>
    private static async Task ReturnForRevisionAsync(BrowserSession session, Guid instanceId)
    {
        await CompleteAsync(await session.ApiAsync("giamdoc"), instanceId, new { approved = false });
        await CompleteAsync(await session.ApiAsync("chuyenvien"), instanceId, new { });
    }

    private static async Task CompleteAsync(HttpClient user, Guid instanceId, object variables)
    {
        var task = (await user.ReadAsync<JsonArray>("/api/tasks/mine")).Single(t => (Guid)t!["instanceId"]! == instanceId)!;
        (await user.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete", new { variables })).EnsureSuccessStatusCode();
    }

    /// <summary>Selects an element as a person does; a click on the empty canvas first, since a click on the
    /// element already selected would not bring its context pad back.</summary>
    private static async Task ClickElementAsync(IPage page, string elementId)
    {
        await ClickEmptyCanvasAsync(page);
        await page.ClickAsync($".djs-element.djs-shape[data-element-id='{elementId}']");
    }

    private static Task ClickEmptyCanvasAsync(IPage page) =>
        page.ClickAsync("#canvas", new PageClickOptions { Position = new Position { X = 700, Y = 600 } });

    private static async Task ReplaceAsync(IPage page, string elementId, string replacement)
    {
        await ClickElementAsync(page, elementId);
        await page.ClickAsync(".djs-context-pad [data-action='replace']");
        await page.ClickAsync($".djs-popup [data-id='{replacement}']");
    }

    private static Task<string> NewElementIdAsync(IPage page, string name) =>
        page.EvaluateAsync<string>("name => window.docbpmModeler.get('elementRegistry').find(e => e.businessObject.name === name).id", name);
}
