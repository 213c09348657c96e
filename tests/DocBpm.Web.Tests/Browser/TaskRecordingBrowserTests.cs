using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Timers;
using DocBpm.Web.Tests.Incoming;
using Microsoft.Playwright;

namespace DocBpm.Web.Tests.Browser;

/// <summary>
/// The clerk's recording form in a browser whose language is English (issue 20): dates stay day first, the handler list
/// follows the chosen unit, a refusal keeps what was typed, and the recorded lines reach the task list.
/// </summary>
[TestClass]
public sealed class TaskRecordingBrowserTests
{
    public TestContext TestContext { get; set; } = default!;

    [TestMethod]
    public async Task Article12_1a_a_clerk_on_an_english_browser_records_a_task_document_with_two_lines_and_02_12_2026_is_2_December()
    {
        await using var session = await BrowserSession.StartAsync(DatabaseProvider.Sqlite);
        var clerk = await session.LoginAsync("vanthu", locale: "en-US");
        var record = clerk.GetByRole(AriaRole.Button, new() { Name = "Cập nhật và chuyển rà soát", Exact = true });
        await BrowserSession.StepsAsync(clerk, TestContext, async () =>
        {
            await clerk.GotoAsync("/");
            await clerk.Locator("nav.side").GetByRole(AriaRole.Link, new() { Name = "Cập nhật văn bản giao nhiệm vụ", Exact = true }).ClickAsync();
            await clerk.FillAsync("#code", "88/UBND-KGVX");
            await clerk.Locator("#documentDate").PressSequentiallyAsync("02122026");
            await Assertions.Expect(clerk.Locator("#documentDate")).ToHaveValueAsync("02/12/2026");
            await clerk.FillAsync("#issuingBody", "UBND tỉnh Lạng Sơn");
            await clerk.FillAsync("#subject", "Về việc triển khai nhiệm vụ năm học 2026-2027");
            await clerk.FillAsync("#line-0-content", "Báo cáo tuyển sinh lớp 10");
            await clerk.Locator("#line-0-deadline").PressSequentiallyAsync("02122026");
            await clerk.SelectOptionAsync("#line-0-unit", "GDTrH");
            await Assertions.Expect(clerk.Locator("#line-0-handler option[value='chuyenvien.khtc']")).ToBeDisabledAsync();
            await clerk.SelectOptionAsync("#line-0-handler", "chuyenvien");
            await clerk.FillAsync("#line-1-content", "Rà soát biên chế giáo viên");
            await record.ClickAsync();

            await Assertions.Expect(clerk.GetByRole(AriaRole.Alert)).ToContainTextAsync("Dòng 2: cần thời hạn thực hiện.");
            await Assertions.Expect(clerk.Locator("#line-0-deadline")).ToHaveValueAsync("02/12/2026");
            await Assertions.Expect(clerk.Locator("#line-0-handler")).ToHaveValueAsync("chuyenvien");
            await BrowserSession.ScreenshotAsync(clerk, TestContext, "1-refused");
            await clerk.FillAsync("#line-1-deadline", "15/12/2026");
            await clerk.SelectOptionAsync("#line-1-unit", "KHTC");
            await record.ClickAsync();

            await Assertions.Expect(clerk.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã cập nhật văn bản 88/UBND-KGVX với 2 nhiệm vụ");
            var rows = clerk.Locator("#tasks tr", new() { HasText = "88/UBND-KGVX" });
            await Assertions.Expect(rows).ToHaveCountAsync(2);
            await Assertions.Expect(rows.Filter(new() { HasText = "Báo cáo tuyển sinh lớp 10" })).ToContainTextAsync("02/12/2026");
            await Assertions.Expect(rows.Filter(new() { HasText = "Rà soát biên chế giáo viên" })).ToContainTextAsync("15/12/2026");
            await BrowserSession.ScreenshotAsync(clerk, TestContext, "2-recorded");
        });

        var tasks = await (await session.ApiAsync("vanthu")).GetFromJsonAsync<JsonArray>("/api/provincial-tasks");
        var first = tasks!.Single(t => (string?)t!["content"] == "Báo cáo tuyển sinh lớp 10")!;
        Assert.AreEqual(VietnamTime.At(2026, 12, 2, 17, 0), (DateTimeOffset)first["deadline"]!, "2 December, at the end of its working day");
        Assert.AreEqual("chuyenvien", (string?)first["proposedHandler"]);

        // The same English browser on the Director's assignment form: the "Phối hợp" list narrows as one types, and
        // the typed deadline is 2 December.
        var clerkApi = await session.ApiAsync("vanthu");
        var incoming = await clerkApi.UploadAsync(session.Host, "Về việc tuyển sinh lớp 10");
        await clerkApi.RegisterAsync(incoming);
        var director = await session.LoginAsync("giamdoc", locale: "en-US");
        await BrowserSession.StepsAsync(director, TestContext, async () =>
        {
            await director.GotoAsync($"/incoming/{incoming}");
            var coordinating = director.Locator("#assign-coordinating");
            await coordinating.Locator("input.pick-filter").FillAsync("tai chinh");
            var finance = coordinating.Locator("label", new() { HasText = "Phòng Kế hoạch - Tài chính" });
            await Assertions.Expect(finance).ToBeVisibleAsync();
            await Assertions.Expect(coordinating.Locator("label", new() { HasText = "Phòng Tổ chức cán bộ" })).ToBeHiddenAsync();
            await finance.ClickAsync();
            await director.FillAsync("#assign-instruction", "Phòng GDTrH chủ trì tham mưu.");
            await director.SelectOptionAsync("#assign-main", "unit:GDTrH");
            await director.FillAsync("#assign-deadline", "02/12/2026");
            await BrowserSession.ScreenshotAsync(director, TestContext, "3-assign");
            await director.GetByRole(AriaRole.Button, new() { Name = "Chuyển xử lý", Exact = true }).ClickAsync();
            await Assertions.Expect(director.Locator("#status")).ToHaveTextAsync("Đang xử lý");
            await Assertions.Expect(director.Locator("ul.tree").First).ToContainTextAsync("Phòng Kế hoạch - Tài chính");
            await Assertions.Expect(director.Locator("tr", new() { HasText = "Thời hạn giải quyết" })).ToContainTextAsync("02/12/2026");
        });
    }
}
