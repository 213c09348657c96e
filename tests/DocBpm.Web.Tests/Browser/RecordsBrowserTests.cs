using System.Net.Http.Json;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Timers;
using DocBpm.Web.Tests.Incoming;
using DocBpm.Web.Tests.ProvincialTasks;
using DocBpm.Web.Tests.Records;
using Microsoft.Playwright;

namespace DocBpm.Web.Tests.Browser;

/// <summary>
/// NĐ30 Articles 29–31 in the browser: a specialist opens a file of his own, files a document and closes it; the
/// archivist returns a handed-in file with a reason and accepts another.
/// </summary>
[TestClass]
public sealed class RecordsBrowserTests
{
    public TestContext TestContext { get; set; } = default!;

    [TestMethod]
    public async Task Decree30_Article29_a_specialist_opens_a_file_outside_the_plan_files_his_document_and_closes_it()
    {
        await using var session = await BrowserSession.StartAsync(DatabaseProvider.Sqlite,
            configure: RecordsHost.Configure);
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

    [TestMethod]
    public async Task Decree30_Article31_the_archivist_returns_a_file_with_a_reason_and_accepts_another_from_the_navigation()
    {
        await using var session = await BrowserSession.StartAsync(DatabaseProvider.Sqlite,
            configure: RecordsHost.Configure);
        var ended = VietnamTime.DateOf(session.Host.Clock.GetUtcNow()).AddMonths(-11);
        var awards = await ClosedFiles.AddAsync(session.Host, "chuyenvien", 10, ended, "Hồ sơ thi đua khen thưởng");
        var admissions = await ClosedFiles.AddAsync(session.Host, "chuyenvien", null, ended, "Hồ sơ tuyển sinh lớp 10");
        var keeper = await session.ApiAsync("chuyenvien");
        await Expect.SuccessAsync(await keeper.PostAsJsonAsync("/api/records/handover/submissions", new { fileIds = new[] { awards, admissions } }));

        var page = await session.LoginAsync("luutru");
        await BrowserSession.StepsAsync(page, TestContext, async () =>
        {
            await page.GotoAsync("/");
            await page.GetByRole(AriaRole.Link, new() { Name = "Tiếp nhận hồ sơ nộp lưu" }).ClickAsync();
            await Assertions.Expect(page.Locator($"tr[data-file='{awards}']")).ToContainTextAsync("Ngoài danh mục hồ sơ");

            await page.Locator($"tr[data-file='{awards}']").GetByRole(AriaRole.Button, new() { Name = "Trả lại hồ sơ" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Trả lại hồ sơ cần ghi rõ lý do");
            await Assertions.Expect(page.Locator($"#reason-{awards:N}-error")).ToContainTextAsync("Trả lại hồ sơ cần ghi rõ lý do");
            await BrowserSession.ScreenshotAsync(page, TestContext, "archive-return-refused");

            await page.Locator($"#reason-{awards:N}").FillAsync("Thiếu danh sách tập thể được khen thưởng");
            await page.Locator($"tr[data-file='{awards}']").GetByRole(AriaRole.Button, new() { Name = "Trả lại hồ sơ" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã trả lại hồ sơ cho người lập.");
            await Assertions.Expect(page.Locator($"tr[data-file='{awards}']")).ToHaveCountAsync(0);

            await page.Locator($"tr[data-file='{admissions}']").GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận hồ sơ" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã tiếp nhận hồ sơ vào Lưu trữ cơ quan.");
            await Assertions.Expect(page.Locator("#accepted")).ToContainTextAsync("Hồ sơ tuyển sinh lớp 10");
            await Assertions.Expect(page.Locator("#accepted").GetByRole(AriaRole.Link, new() { Name = "Biên bản giao nhận (PDF)" })).ToBeVisibleAsync();
            await BrowserSession.ScreenshotAsync(page, TestContext, "archive-accepted");
        });
    }
}
