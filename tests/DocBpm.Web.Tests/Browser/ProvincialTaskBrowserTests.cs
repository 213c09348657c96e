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
}
