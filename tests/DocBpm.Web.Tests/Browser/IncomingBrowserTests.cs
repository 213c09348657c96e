using DocBpm.Engine.Persistence;
using DocBpm.Web.Tests.Incoming;
using Microsoft.Playwright;

namespace DocBpm.Web.Tests.Browser;

/// <summary>Article 8 in the browser: each person signs in and uses the Vietnamese pages; screenshots are kept as artefacts.</summary>
[TestClass]
public sealed class IncomingBrowserTests
{
    public TestContext TestContext { get; set; } = default!;

    [TestMethod]
    public async Task Clerk_uploads_and_registers_director_assigns_unit_head_reassigns_staff_completes()
    {
        await using var session = await BrowserSession.StartAsync(DatabaseProvider.Sqlite);

        var clerk = await SignInThroughLoginPageAsync(session, "vanthu");
        await BrowserSession.StepsAsync(clerk, TestContext, async () =>
        {
            await clerk.GetByRole(AriaRole.Link, new() { Name = "Số hóa, tải lên văn bản giấy" }).ClickAsync();
            await clerk.GetByRole(AriaRole.Button, new() { Name = "Tải lên" }).ClickAsync();
            await Assertions.Expect(clerk.Locator(".validation-message").First).ToBeVisibleAsync();
            await Assertions.Expect(clerk.GetByText("Trích yếu nội dung là bắt buộc.")).ToBeVisibleAsync();
            await BrowserSession.ScreenshotAsync(clerk, TestContext, "1-upload-validation");

            await clerk.FillAsync("#issuingAgency", "UBND huyện Cao Lộc");
            await clerk.FillAsync("#codeNumber", "215");
            await clerk.FillAsync("#codeNotation", "UBND-GD");
            await clerk.FillAsync("#documentDate", "2026-11-20");
            await clerk.FillAsync("#documentType", "Công văn");
            await clerk.FillAsync("#subject", "Về việc tổ chức thi học sinh giỏi cấp tỉnh");
            await clerk.SelectOptionAsync("#urgency", "Urgent");
            await clerk.SetInputFilesAsync("#files", new FilePayload { Name = "cong-van-215.pdf", MimeType = "application/pdf", Buffer = IncomingClient.Pdf });
            await clerk.GetByRole(AriaRole.Button, new() { Name = "Tải lên" }).ClickAsync();
            await Assertions.Expect(clerk.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã tải lên");

            await session.Host.RunDueWorkAsync();
            await clerk.ReloadAsync();
            await Assertions.Expect(clerk.Locator("#signature")).ToContainTextAsync("Chỉ có giá trị tham khảo");
            await Assertions.Expect(clerk.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã tải lên");
            await clerk.GetByRole(AriaRole.Button, new() { Name = "Trả lại", Exact = true }).ClickAsync();
            await Assertions.Expect(clerk.Locator("#register .problem[role=alert]")).ToBeFocusedAsync();
            await Assertions.Expect(clerk.GetByRole(AriaRole.Status)).ToHaveCountAsync(0); // the upload's banner is gone
            await BrowserSession.ScreenshotAsync(clerk, TestContext, "2-clerk-checks");
            await clerk.GetByRole(AriaRole.Button, new() { Name = "Vào sổ" }).ClickAsync();
            await Assertions.Expect(clerk.Locator("#status")).ToHaveTextAsync("Chờ chỉ đạo");
            await Assertions.Expect(clerk.Locator("h1")).ToContainTextAsync("Số đến 01");
        });

        var director = await session.LoginAsync("giamdoc");
        await BrowserSession.StepsAsync(director, TestContext, async () =>
        {
            await OpenFromInboxAsync(director, "Khẩn");
            await director.FillAsync("#assign-instruction", "Giao Phòng GDTrH chủ trì, Phòng KHTC phối hợp; báo cáo trước hạn.");
            await director.SelectOptionAsync("#assign-main", "unit:GDTrH");
            await director.CheckAsync("#assign-coordinating input[value='unit:KHTC']");
            await director.GetByLabel("5 ngày làm việc (30/11/2026)").CheckAsync(); // from Monday 23 November
            await BrowserSession.ScreenshotAsync(director, TestContext, "3-director-assigns");
            await director.GetByRole(AriaRole.Button, new() { Name = "Chuyển xử lý" }).ClickAsync();
            await Assertions.Expect(director.Locator("#status")).ToHaveTextAsync("Đang xử lý");
            await Assertions.Expect(director.Locator("ul.tree").First).ToContainTextAsync("Phòng Kế hoạch - Tài chính");
            await Assertions.Expect(director.Locator("ul.tree").First).ToContainTextAsync("hạn 30/11/2026");
        });

        var head = await session.LoginAsync("truongphong.gdtrh");
        await BrowserSession.StepsAsync(head, TestContext, async () =>
        {
            await OpenFromInboxAsync(head, "Khẩn");
            await head.FillAsync("#reassign-instruction", "Đồng chí Viên dự thảo kế hoạch.");
            await head.SelectOptionAsync("#reassign-main", "person:chuyenvien");
            await head.GetByRole(AriaRole.Button, new() { Name = "Giao lại" }).ClickAsync();
            await Assertions.Expect(head.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã giao lại");
            await BrowserSession.ScreenshotAsync(head, TestContext, "4-unit-head-reassigned");
        });

        var staff = await session.LoginAsync("chuyenvien");
        await BrowserSession.StepsAsync(staff, TestContext, async () =>
        {
            await OpenFromInboxAsync(staff, "Khẩn");
            await staff.GetByRole(AriaRole.Button, new() { Name = "Hoàn thành" }).ClickAsync();
            await Assertions.Expect(staff.Locator(".validation-message", new() { HasText = "Cần ghi kết quả xử lý" })).ToBeVisibleAsync();
            await Assertions.Expect(staff.Locator("#complete .problem[role=alert]")).ToContainTextAsync("Cần ghi kết quả xử lý");
            await staff.FillAsync("#result", "Đã dự thảo kế hoạch, trình Giám đốc ký ban hành.");
            await staff.GetByRole(AriaRole.Button, new() { Name = "Hoàn thành" }).ClickAsync();
            await Assertions.Expect(staff.Locator("#status")).ToHaveTextAsync("Hoàn thành");
            await Assertions.Expect(staff.Locator("#history")).ToContainTextAsync("Giao lại");
            // The uploaded file is only a PDF header: the preview says so and offers the download.
            await Assertions.Expect(staff.Locator("#preview [data-pdf=message]")).ToContainTextAsync("tệp không phải PDF hoặc đã bị hỏng");
            await Assertions.Expect(staff.GetByRole(AriaRole.Link, new() { Name = "Tải về cong-van-215.pdf" })).ToBeVisibleAsync();
            await BrowserSession.ScreenshotAsync(staff, TestContext, "5-staff-completed");
        });
    }

    private static async Task<IPage> SignInThroughLoginPageAsync(BrowserSession session, string userName)
    {
        var page = await session.NewPageAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login\\?returnUrl="));
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", Web.Accounts.DevelopmentSeed.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Hộp công việc");
        return page;
    }

    /// <summary>The inbox shows the urgent document flagged; its task link opens the document page.</summary>
    private static async Task OpenFromInboxAsync(IPage page, string urgency)
    {
        await page.GotoAsync("/");
        var row = page.Locator("#inbox tbody tr").First;
        await Assertions.Expect(row.Locator(".urgency")).ToHaveTextAsync(urgency);
        await row.Locator("a").First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("215/UBND-GD");
    }
}
