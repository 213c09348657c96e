using DocBpm.Engine.Persistence;
using DocBpm.Web.Notifications;
using DocBpm.Web.Tests.Incoming;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DocBpm.Web.Tests.Browser;

/// <summary>Issue 20 in the browser: the bell tells the Director of a document waiting for his instruction; the dashboard draws.</summary>
[TestClass]
public sealed class NotificationBrowserTests
{
    public TestContext TestContext { get; set; } = default!;

    [TestMethod]
    public async Task Article8_2b_document_registered_for_the_Director_rings_his_bell_and_his_dashboard_renders()
    {
        await using var session = await BrowserSession.StartAsync(DatabaseProvider.Sqlite);
        var clerk = await session.ApiAsync("vanthu");
        var id = await clerk.UploadAsync(session.Host, "Về việc kiểm tra thi tốt nghiệp");
        await clerk.RegisterAsync(id, "Về việc kiểm tra thi tốt nghiệp");
        await using (var scope = session.Host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<NotificationSweep>().RunOnceAsync(CancellationToken.None);

        var director = await session.LoginAsync("giamdoc");
        await BrowserSession.StepsAsync(director, TestContext, async () =>
        {
            await director.GotoAsync("/");
            var bell = director.Locator("#bell");
            await Assertions.Expect(bell).ToHaveAttributeAsync("aria-label", "Thông báo: 1 chưa đọc");
            await bell.ClickAsync();
            var item = director.Locator("#notifications li.unread");
            await Assertions.Expect(item).ToContainTextAsync("Về việc kiểm tra thi tốt nghiệp");
            await item.GetByRole(AriaRole.Button, new() { Name = "Đánh dấu đã đọc" }).ClickAsync();
            await Assertions.Expect(bell).ToHaveAttributeAsync("aria-label", "Thông báo: 0 chưa đọc");
            await director.Locator("#notifications a").First.ClickAsync();
            await Assertions.Expect(director).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/incoming/{id}$"));

            await director.GetByRole(AriaRole.Link, new() { Name = "Thống kê", Exact = true }).ClickAsync();
            await Assertions.Expect(director.GetByRole(AriaRole.Heading, new() { Name = "Thống kê văn bản" })).ToBeVisibleAsync();
            await Assertions.Expect(director.Locator("svg[role=img]").First).ToBeVisibleAsync();
            await Assertions.Expect(director.Locator("#incoming-statistics tr[data-unit]")).ToHaveCountAsync(7);
        });
    }
}
