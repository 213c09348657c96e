using DocBpm.Engine.Persistence;
using DocBpm.Web.Tests.Incoming;
using Microsoft.Playwright;

namespace DocBpm.Web.Tests.Browser;

/// <summary>NĐ30 Articles 29–30 in the browser: a specialist opens a file of his own, files a document and closes it.</summary>
[TestClass]
public sealed class RecordsBrowserTests
{
    public TestContext TestContext { get; set; } = default!;

    [TestMethod]
    public async Task Decree30_Article29_a_specialist_opens_a_file_outside_the_plan_files_his_document_and_closes_it()
    {
        await using var session = await BrowserSession.StartAsync(DatabaseProvider.Sqlite,
            configure: host => host.Settings["Exchange:AgencyCode"] = "000.00.12.H37");
        var clerk = await session.ApiAsync("vanthu");
        var document = await clerk.UploadAsync(session.Host, "Về việc tuyển dụng viên chức năm 2026");
        await clerk.RegisterAsync(document, "Về việc tuyển dụng viên chức năm 2026");
        (await (await session.ApiAsync("giamdoc")).AssignAsync(document, "person:chuyenvien")).EnsureSuccessStatusCode();

        var page = await session.LoginAsync("chuyenvien");
        await BrowserSession.StepsAsync(page, TestContext, async () =>
        {
            await page.GotoAsync("/records");
            await page.FillAsync("#title", "Hồ sơ tuyển dụng viên chức năm 2026");
            await page.FillAsync("#notation", "15.GDTrH");
            await page.FillAsync("#retention", "10");
            await page.GetByRole(AriaRole.Button, new() { Name = "Lập hồ sơ" }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Hồ sơ 15.GDTrH");

            await page.SelectOptionAsync("#document", new SelectOptionValue { Label = "Đến: 15/UBND-VP — Về việc tuyển dụng viên chức năm 2026" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Thêm", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã thêm văn bản vào hồ sơ");
            await Assertions.Expect(page.Locator("#documents")).ToContainTextAsync("Về việc tuyển dụng viên chức năm 2026");
            await BrowserSession.ScreenshotAsync(page, TestContext, "file");

            await page.FillAsync("#years", "20");
            await page.GetByRole(AriaRole.Button, new() { Name = "Kết thúc hồ sơ" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã kết thúc hồ sơ");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Thời hạn bảo quản: 20 năm");
            await Assertions.Expect(page.Locator("#add")).ToHaveCountAsync(0);
        });
    }
}
