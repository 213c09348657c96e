using DocBpm.Engine.Persistence;
using DocBpm.Web.Tests.Outgoing;
using Microsoft.Playwright;

namespace DocBpm.Web.Tests.Browser;

/// <summary>
/// Article 9 in the browser: the drafter drafts (main file, appendix, recipients), the unit head presents it
/// to the Director rather than the unit's supervising deputy, the Director signs, the clerk issues; the internal unit and person picked from the lists
/// find it in their inbox; then the drafter corrects the issued document (Article 9.5).
/// </summary>
[TestClass]
public sealed class OutgoingBrowserTests
{
    public TestContext TestContext { get; set; } = default!;

    [TestMethod]
    public async Task Drafter_drafts_unit_head_approves_director_signs_clerk_issues_internal_recipients_receive_and_a_correction_notice_links_both_ways()
    {
        await using var session = await BrowserSession.StartAsync(DatabaseProvider.Sqlite,
            configure: host => OutgoingPeople.UseTestKeys(host, OutgoingPeople.Wednesday));
        await OutgoingPeople.StartAsync(session.Host);

        var drafter = await session.LoginAsync("chuyenvien");
        await BrowserSession.StepsAsync(drafter, TestContext, async () =>
        {
            await drafter.GotoAsync("/outgoing");
            await Assertions.Expect(drafter.Locator("#agencies option")).ToHaveCountAsync(Web.Outgoing.AgencyDirectorySeed.Agencies.Count);
            await Assertions.Expect(drafter.Locator("#agencies")).ToContainTextAsync("Văn phòng UBND tỉnh Lạng Sơn (000.00.01.H37)");
            await Assertions.Expect(drafter.Locator("#people optgroup[label='Phòng Giáo dục Mầm non - Tiểu học'] option[value='chuyenvien.gdmnth']"))
                .ToHaveTextAsync("Dương Văn Mầm — Chuyên viên");
            await drafter.SelectOptionAsync("#units", "TCCB");
            await drafter.SelectOptionAsync("#people", "chuyenvien.gdmnth");
            await drafter.SelectOptionAsync("#type", "CV");
            await drafter.SelectOptionAsync("#urgency", "Urgent");
            await drafter.GetByRole(AriaRole.Button, new() { Name = "Tạo dự thảo", Exact = true }).ClickAsync();
            await Assertions.Expect(drafter.GetByRole(AriaRole.Alert)).ToContainTextAsync("Trích yếu");
            await Assertions.Expect(drafter.Locator("#units")).ToHaveValuesAsync(["TCCB"]);
            await Assertions.Expect(drafter.Locator("#people")).ToHaveValuesAsync(["chuyenvien.gdmnth"]);
            await Assertions.Expect(drafter.Locator("#urgency")).ToHaveValueAsync("Urgent");
            await drafter.FillAsync("#subject", "Về việc kiểm tra cơ sở vật chất trường học");
            await drafter.GetByRole(AriaRole.Button, new() { Name = "Tạo dự thảo", Exact = true }).ClickAsync();
            await Assertions.Expect(drafter.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã tạo dự thảo");
            await drafter.SetInputFilesAsync("#file", new FilePayload { Name = "du-thao.pdf", MimeType = "application/pdf", Buffer = OutgoingClient.Pdf("dự thảo") });
            await drafter.GetByRole(AriaRole.Button, new() { Name = "Tải lên", Exact = true }).ClickAsync();
            await Assertions.Expect(drafter.Locator("#versions")).ToContainTextAsync("du-thao.pdf");
            await drafter.SelectOptionAsync("#file-kind", "Attachment");
            await drafter.SetInputFilesAsync("#file", new FilePayload { Name = "phu-luc.pdf", MimeType = "application/pdf", Buffer = OutgoingClient.Pdf("phụ lục") });
            await drafter.GetByRole(AriaRole.Button, new() { Name = "Tải lên", Exact = true }).ClickAsync();
            await Assertions.Expect(drafter.Locator("#versions")).ToContainTextAsync("phu-luc.pdf — Phụ lục, bản 1");
            await Assertions.Expect(drafter.Locator("#edit-people")).ToHaveValuesAsync(["chuyenvien.gdmnth"]);
            await drafter.EvaluateAsync("() => document.querySelector('#edit-units').add(new Option('Đơn vị đã giải thể', 'NOPE'))");
            await drafter.SelectOptionAsync("#edit-units", ["TCCB", "KHTC", "NOPE"]);
            await drafter.GetByRole(AriaRole.Button, new() { Name = "Lưu nơi nhận", Exact = true }).ClickAsync();
            await Assertions.Expect(drafter.GetByRole(AriaRole.Alert)).ToContainTextAsync("NOPE");
            await Assertions.Expect(drafter.Locator("#edit-units")).ToHaveValuesAsync(["TCCB", "KHTC"]);
            await Assertions.Expect(drafter.Locator("#recipients table")).Not.ToContainTextAsync("Phòng Kế hoạch - Tài chính");
            await drafter.GetByRole(AriaRole.Button, new() { Name = "Lưu nơi nhận", Exact = true }).ClickAsync();
            await Assertions.Expect(drafter.Locator("#recipients table")).ToContainTextAsync("Phòng Kế hoạch - Tài chính");
            await Assertions.Expect(drafter.Locator("#recipients table")).ToContainTextAsync("Dương Văn Mầm (Chuyên viên)");
            await Assertions.Expect(drafter.Locator("#reviewers")).ToContainTextAsync("Phòng Kế hoạch - Tài chính (KHTC)");
            await drafter.SelectOptionAsync("#reviewers", "KHTC");
            await BrowserSession.ScreenshotAsync(drafter, TestContext, "1-drafter");
            await drafter.GetByRole(AriaRole.Button, new() { Name = "Trình", Exact = true }).ClickAsync();
            await Assertions.Expect(drafter.Locator("#stage")).ToHaveTextAsync("Đang xin ý kiến, kiểm duyệt");
        });
        var documentPath = new Uri(drafter.Url).AbsolutePath;

        var reviewer = await session.LoginAsync("chuyenvien.khtc");
        await BrowserSession.StepsAsync(reviewer, TestContext, async () =>
        {
            await reviewer.GotoAsync(documentPath);
            await reviewer.FillAsync("#opinion-text", "KHTC thống nhất nội dung");
            await reviewer.GetByRole(AriaRole.Button, new() { Name = "Gửi ý kiến", Exact = true }).ClickAsync();
            await Assertions.Expect(reviewer.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã thực hiện");
        });

        var head = await session.LoginAsync("truongphong.gdtrh");
        await BrowserSession.StepsAsync(head, TestContext, async () =>
        {
            await head.GotoAsync(documentPath);
            await Assertions.Expect(head.Locator("#leader")).ToHaveValueAsync("phogiamdoc1");
            await head.SelectOptionAsync("#leader", "giamdoc");
            await BrowserSession.ScreenshotAsync(head, TestContext, "1b-head");
            await head.GetByRole(AriaRole.Button, new() { Name = "Duyệt, trình ký", Exact = true }).ClickAsync();
            await Assertions.Expect(head.Locator("#stage")).ToHaveTextAsync("Chờ lãnh đạo ký");
            await Assertions.Expect(head.Locator("#signing-leader")).ToContainTextAsync("Hoàng Văn Giám");
        });

        var director = await session.LoginAsync("giamdoc");
        await BrowserSession.StepsAsync(director, TestContext, async () =>
        {
            await director.GotoAsync(documentPath);
            await BrowserSession.ScreenshotAsync(director, TestContext, "2-director");
            await director.GetByRole(AriaRole.Button, new() { Name = "Ký số", Exact = true }).ClickAsync();
            // The personal signature runs after the step commits: "đã ký" only once the signed file exists.
            await Assertions.Expect(director.Locator("#stage")).ToHaveTextAsync("Lãnh đạo đã duyệt ký, đang ký số");
        });
        await session.Host.RunDueWorkAsync();

        var clerk = await session.LoginAsync("vanthu");
        await BrowserSession.StepsAsync(clerk, TestContext, async () =>
        {
            await clerk.GotoAsync(documentPath);
            await Assertions.Expect(clerk.Locator("#stage")).ToHaveTextAsync("Đã ký, chờ phát hành");
            await clerk.GetByRole(AriaRole.Button, new() { Name = "Cấp số, phát hành", Exact = true }).ClickAsync();
            await Assertions.Expect(clerk.Locator("h1")).ToHaveTextAsync("Số: 01/SGDĐT-GDTrH");
            await session.Host.RunDueWorkAsync();
            await clerk.ReloadAsync();
            await Assertions.Expect(clerk.Locator("#recipients tr", new() { HasText = "Dương Văn Mầm" })).ToContainTextAsync("Đã chuyển vào hộp công việc");
            await Assertions.Expect(clerk.GetByRole(AriaRole.Link, new() { Name = "Tệp đã ký số", Exact = true })).ToBeVisibleAsync();
            await BrowserSession.ScreenshotAsync(clerk, TestContext, "3-issued");
        });

        var unitHead = await session.LoginAsync("truongphong.tccb");
        await BrowserSession.StepsAsync(unitHead, TestContext, async () =>
        {
            await unitHead.GotoAsync("/");
            await Assertions.Expect(unitHead.Locator("#inbox")).ToContainTextAsync("Nhận văn bản nội bộ");
        });

        var person = await session.LoginAsync("chuyenvien.gdmnth");
        await BrowserSession.StepsAsync(person, TestContext, async () =>
        {
            await person.GotoAsync("/");
            await Assertions.Expect(person.Locator("#inbox")).ToContainTextAsync("Nhận văn bản nội bộ");
            await person.GotoAsync(documentPath);
            await person.GetByRole(AriaRole.Button, new() { Name = "Đã xem", Exact = true }).ClickAsync();
            await Assertions.Expect(person.Locator("#recipients tr", new() { HasText = "Dương Văn Mầm" })).ToContainTextAsync("Đã nhận");
        });

        await BrowserSession.StepsAsync(drafter, TestContext, async () =>
        {
            await drafter.GotoAsync(documentPath);
            await drafter.GetByRole(AriaRole.Button, new() { Name = "Tạo văn bản đính chính, thay thế", Exact = true }).ClickAsync();
            await Assertions.Expect(drafter.GetByRole(AriaRole.Alert)).ToContainTextAsync("Trích yếu");
            await drafter.SelectOptionAsync("#correction-kind", "Notice");
            await drafter.FillAsync("#correction-subject", "Đính chính Công văn số 01/SGDĐT-GDTrH");
            await drafter.GetByRole(AriaRole.Button, new() { Name = "Tạo văn bản đính chính, thay thế", Exact = true }).ClickAsync();
            await Assertions.Expect(drafter.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã tạo dự thảo công văn đính chính");
            await Assertions.Expect(drafter.Locator("#recipients table")).ToContainTextAsync("Phòng Kế hoạch - Tài chính");
            await Assertions.Expect(drafter.Locator("#corrects")).ToHaveTextAsync("01/SGDĐT-GDTrH");
            await BrowserSession.ScreenshotAsync(drafter, TestContext, "4-correction");
            await drafter.Locator("#corrects").ClickAsync();
            await Assertions.Expect(drafter.Locator("#corrected-by")).ToHaveTextAsync("Đính chính Công văn số 01/SGDĐT-GDTrH");
            await Assertions.Expect(drafter.Locator("#correction")).ToHaveCountAsync(0);
        });
    }
}
