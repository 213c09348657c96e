using System.Net.Http.Json;
using DocBpm.Engine.Persistence;
using Microsoft.Playwright;

namespace DocBpm.Web.Tests.Browser;

/// <summary>The administrator's page of packages that could not be taken in.</summary>
[TestClass]
public sealed class IntakeFailureBrowserTests
{
    public TestContext TestContext { get; set; } = default!;

    [TestMethod]
    public async Task The_administrator_sees_a_set_aside_package_with_its_sender_and_error_and_takes_it_in_by_retrying_after_the_fix()
    {
        await using var scenario = await IntakeFailureTests.StartAsync(DatabaseProvider.Sqlite, maxAttempts: 1, BrowserSession.ListenOnLoopback);
        var (admin, waiting) = await IntakeFailureTests.PoisonAsync(scenario);
        await scenario.PullAsync();
        await using var session = await BrowserSession.AttachAsync(scenario.Host);

        var page = await session.LoginAsync("quantri");
        await BrowserSession.StepsAsync(page, TestContext, async () =>
        {
            await page.GotoAsync("/");
            await page.GetByRole(AriaRole.Link, new() { Name = "Gói tin không tiếp nhận được" }).ClickAsync();
            await Assertions.Expect(page.Locator("#failures")).ToContainTextAsync(AxisServer.Province);
            await Assertions.Expect(page.Locator("#failures")).ToContainTextAsync("no default flow");
            await Assertions.Expect(page.Locator("#failures")).ToContainTextAsync("Quy trình đang chờ gói tin này không xử lý được nó");
            await Assertions.Expect(page.Locator("#failures")).ToContainTextAsync("đã dừng tự thử lại");
            await BrowserSession.ScreenshotAsync(page, TestContext, "1-set-aside");
            await page.GetByRole(AriaRole.Button, new() { Name = "Bỏ qua gói tin" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Cần nêu lý do");

            (await admin.PostAsJsonAsync($"/api/instances/{waiting}/cancel", new { reason = "Thiếu nhánh cho trạng thái đang xử lý" })).EnsureSuccessStatusCode();
            await page.GetByRole(AriaRole.Button, new() { Name = "Thử lại" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã tiếp nhận gói tin");
            await Assertions.Expect(page.Locator("#failures")).ToHaveCountAsync(0);
        });
        Assert.AreEqual(0, (await IntakeFailureTests.FailuresAsync(admin)).Count);
    }
}
