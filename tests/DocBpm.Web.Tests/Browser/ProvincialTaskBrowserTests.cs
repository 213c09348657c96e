using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Timers;
using DocBpm.Web.Tests.ProvincialTasks;
using Microsoft.Playwright;

namespace DocBpm.Web.Tests.Browser;

/// <summary>Article 12.1b in the browser: the main handler starts the reply from the task page.</summary>
[TestClass]
public sealed class ProvincialTaskBrowserTests
{
    public TestContext TestContext { get; set; } = default!;

    [TestMethod]
    public async Task Handler_starts_the_reply_from_the_task_page_and_it_is_linked_to_the_task()
    {
        await using var scenario = await ProvincialScenario.StartAsync(DatabaseProvider.Sqlite, BrowserSession.ListenOnLoopback);
        await using var session = await BrowserSession.AttachAsync(scenario.Host);
        var task = await scenario.TaskAtHandlerAsync("201", "Báo cáo công tác chuẩn bị kỳ thi", VietnamTime.At(2026, 12, 4, 17, 0));

        var handler = await session.LoginAsync("chuyenvien");
        await BrowserSession.StepsAsync(handler, TestContext, async () =>
        {
            await handler.GotoAsync("/provincial-tasks");
            await handler.GetByRole(AriaRole.Link, new() { Name = "Báo cáo công tác chuẩn bị kỳ thi" }).ClickAsync();
            await Assertions.Expect(handler.Locator("#stage")).ToHaveTextAsync("Đang xử lý");
            await Assertions.Expect(handler.Locator("#reply")).ToContainTextAsync("Chưa có");
            await handler.SelectOptionAsync("#type", "BC");
            await BrowserSession.ScreenshotAsync(handler, TestContext, "1-task");
            await handler.GetByRole(AriaRole.Button, new() { Name = "Khởi tạo văn bản đi", Exact = true }).ClickAsync();
            await Assertions.Expect(handler.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã khởi tạo văn bản trả lời");
            await Assertions.Expect(handler.Locator("#start-reply")).ToHaveCountAsync(0);
            await BrowserSession.ScreenshotAsync(handler, TestContext, "2-linked");
            await handler.Locator("#reply a").ClickAsync();
            await Assertions.Expect(handler.Locator("#stage")).ToHaveTextAsync("Đang soạn thảo");
        });

        var reply = await scenario.Handler.GetFromJsonAsync<JsonNode>($"/api/outgoing{new Uri(handler.Url).AbsolutePath["/outgoing".Length..]}");
        Assert.AreEqual(scenario.CarrierId, (Guid?)reply!["inReplyTo"]?["id"], "the reply answers the incoming document carrying the task");
        Assert.AreEqual("InProgress", (string?)(await scenario.TaskAsync(task))["stage"], "the reply is started, not yet issued");
    }

    [TestMethod]
    public async Task Clerk_reconciles_director_assigns_unit_head_names_handler_and_office_chief_sees_the_unit_on_the_dashboard()
    {
        await using var scenario = await ProvincialScenario.StartAsync(DatabaseProvider.Sqlite, BrowserSession.ListenOnLoopback);
        await using var session = await BrowserSession.AttachAsync(scenario.Host);
        var task = ProvincialScenario.LineId(await scenario.ReceiveTasksAsync("202", ("Tổng kết năm học", VietnamTime.At(2026, 12, 4, 17, 0))), 1);
        var taskPath = $"/provincial-tasks/{task}";

        async Task StepAsync(string userName, string section, Func<IPage, Task> fill, string button, string stage)
        {
            var page = await session.LoginAsync(userName);
            await BrowserSession.StepsAsync(page, TestContext, async () =>
            {
                await page.GotoAsync(taskPath);
                await fill(page);
                await page.Locator(section).GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
                await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
                await Assertions.Expect(page.Locator("#stage")).ToHaveTextAsync(stage);
            });
        }

        await StepAsync("vanthu", "#reconcile", page => page.SelectOptionAsync("#decision", "Accept"), "Ghi kết quả đối chiếu", "Chờ Giám đốc phân giao");
        await StepAsync("giamdoc", "#assign", page => page.FillAsync("#mainUnit", "GDTrH"), "Phân giao", "Chờ Trưởng đơn vị giao người xử lý");
        await StepAsync("truongphong.gdtrh", "#handler", page => page.FillAsync("#userName", "chuyenvien"), "Giao xử lý", "Đang xử lý");

        var chief = await session.LoginAsync("chanhvanphong");
        await BrowserSession.StepsAsync(chief, TestContext, async () =>
        {
            await chief.GotoAsync("/provincial-tasks/dashboard");
            await Assertions.Expect(chief.Locator("#chart svg rect.task-ontime")).ToHaveCountAsync(2);
            await Assertions.Expect(chief.Locator("#figures tr").Nth(1).Locator("td").Nth(1)).ToHaveTextAsync("1");
            await BrowserSession.ScreenshotAsync(chief, TestContext, "dashboard");
            var pdf = await chief.Context.APIRequest.GetAsync(await chief.Locator("#reports a").First.GetAttributeAsync("href") ?? "");
            Assert.AreEqual("application/pdf", pdf.Headers["content-type"]);
        });
    }
}
