using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Documents.Exchange;
using DocBpm.Edxml;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Timers;
using DocBpm.Web.Tests.ProvincialTasks;
using Microsoft.Playwright;

namespace DocBpm.Web.Tests.Browser;

/// <summary>Chapter III in the browser: each person's step on the task page, the one-step reply and the task document's closing (Article 12.1b).</summary>
[TestClass]
public sealed class ProvincialTaskBrowserTests
{
    public TestContext TestContext { get; set; } = default!;

    [TestMethod]
    public async Task Handler_starts_the_reply_from_the_task_page_in_one_step_and_lands_on_the_linked_draft()
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
            await Assertions.Expect(handler.Locator($"#agencies input[value='{AxisServer.Province}']")).ToBeCheckedAsync();
            await handler.SelectOptionAsync("#type", "BC");
            await BrowserSession.ScreenshotAsync(handler, TestContext, "1-task");
            await handler.GetByRole(AriaRole.Button, new() { Name = "Khởi tạo văn bản đi", Exact = true }).ClickAsync();
            await Assertions.Expect(handler.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã khởi tạo văn bản trả lời");
            await Assertions.Expect(handler.Locator("#stage")).ToHaveTextAsync("Đang soạn thảo");
            await BrowserSession.ScreenshotAsync(handler, TestContext, "2-draft");
        });
        var draftPath = new Uri(handler.Url).AbsolutePath;
        await BrowserSession.StepsAsync(handler, TestContext, async () =>
        {
            await handler.GotoAsync($"/provincial-tasks/{task}");
            await Assertions.Expect(handler.Locator("#start-reply")).ToHaveCountAsync(0);
            await Assertions.Expect(handler.Locator("#reply a")).ToHaveAttributeAsync("href", draftPath);
        });

        var reply = await scenario.Handler.GetFromJsonAsync<JsonNode>($"/api{draftPath}");
        Assert.AreEqual(scenario.CarrierId, (Guid?)reply!["inReplyTo"]?["id"], "the reply answers the incoming document carrying the task");
        Assert.AreEqual(AxisServer.Province, (string?)reply["recipients"]![0]!["code"], "addressed to the provincial office");
        Assert.AreEqual("InProgress", (string?)(await scenario.TaskAsync(task))["stage"], "the reply is started, not yet issued");
    }

    [TestMethod]
    public async Task Closing_the_task_document_is_refused_while_its_task_is_open_and_a_wrongly_closed_one_is_taken_back_and_replied_again()
    {
        await using var scenario = await ProvincialScenario.StartAsync(DatabaseProvider.Sqlite, BrowserSession.ListenOnLoopback);
        await using var session = await BrowserSession.AttachAsync(scenario.Host);
        var task = await scenario.TaskAtHandlerAsync("203", "Báo cáo sơ kết học kỳ", VietnamTime.At(2026, 12, 4, 17, 0));
        var handler = await session.LoginAsync("chuyenvien");
        var close = handler.GetByRole(AriaRole.Button, new() { Name = "Đóng văn bản", Exact = true });

        await BrowserSession.StepsAsync(handler, TestContext, async () =>
        {
            await handler.GotoAsync($"/provincial-tasks/{task}");
            await Assertions.Expect(handler.Locator("#document-state")).ToHaveTextAsync("Đang xử lý");
            await Assertions.Expect(handler.Locator("#document-lines tr")).ToHaveCountAsync(2);
            await close.ClickAsync();
            await Assertions.Expect(handler.GetByRole(AriaRole.Alert)).ToContainTextAsync("Văn bản trả lời");
            await BrowserSession.ScreenshotAsync(handler, TestContext, "1-close-refused");
        });

        var first = await scenario.ReplyAndIssueAsync(task);
        await BrowserSession.StepsAsync(handler, TestContext, async () =>
        {
            await handler.GotoAsync($"/provincial-tasks/{task}");
            await close.ClickAsync();
            await Assertions.Expect(handler.Locator("#document-state")).ToContainTextAsync("Đã kết thúc");
        });
        await scenario.ProvinceDecidesAsync(first, ExchangeStatus.Refused, "Đề nghị bổ sung số liệu");

        await BrowserSession.StepsAsync(handler, TestContext, async () =>
        {
            await handler.GotoAsync($"/provincial-tasks/{task}");
            await Assertions.Expect(handler.Locator("#status")).ToContainTextAsync("Không được phê duyệt");
            await Assertions.Expect(handler.Locator("#start-reply")).ToHaveCountAsync(0);
            await Assertions.Expect(handler.Locator("#extension")).ToHaveCountAsync(0);
            await BrowserSession.ScreenshotAsync(handler, TestContext, "2-wrongly-closed");
            await handler.GetByRole(AriaRole.Button, new() { Name = "Lấy lại", Exact = true }).ClickAsync();
            await Assertions.Expect(handler.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lấy lại");
            await Assertions.Expect(handler.Locator("#document-state")).ToHaveTextAsync("Đang xử lý");
            await handler.GetByRole(AriaRole.Button, new() { Name = "Khởi tạo văn bản đi", Exact = true }).ClickAsync();
            await Assertions.Expect(handler.Locator("#stage")).ToHaveTextAsync("Đang soạn thảo");
        });
        Assert.AreEqual("InProgress", (string?)(await scenario.TaskAsync(task))["stage"]);
        Assert.IsFalse((bool)(await scenario.TaskAsync(task))["documentClosed"]!, "taken back, the task goes on through the proper flow");
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

        await StepAsync("vanthu", "#reconcile", async page =>
        {
            await page.SelectOptionAsync("#decision", "AskCorrection");
            await page.FillAsync("#note", "Thời hạn trên Hệ thống khác văn bản giao nhiệm vụ");
        }, "Ghi kết quả đối chiếu", "Chờ Văn phòng UBND tỉnh điều chỉnh");
        await StepAsync("vanthu", "#reconcile", async page =>
        {
            await page.SelectOptionAsync("#decision", "Accept");
            await page.FillAsync("#content", "Tổng kết năm học 2025-2026");
            await page.FillAsync("#correctedDeadline", "2026-12-11");
        }, "Ghi kết quả đối chiếu", "Chờ Giám đốc phân giao");
        await StepAsync("giamdoc", "#assign", async page =>
        {
            await page.SelectOptionAsync("#mainUnit", "GDTrH");
            await page.Locator("#coordinatingUnits input[value='KHTC']").CheckAsync();
        }, "Phân giao", "Chờ Trưởng đơn vị giao người xử lý");
        await StepAsync("truongphong.gdtrh", "#handler", page => page.SelectOptionAsync("#userName", "chuyenvien"), "Giao xử lý", "Đang xử lý");
        var assigned = await scenario.TaskAsync(task);
        Assert.AreEqual("Tổng kết năm học 2025-2026", (string?)assigned["content"], "the corrected content");
        Assert.AreEqual(VietnamTime.At(2026, 12, 11, 17, 0), (DateTimeOffset)assigned["deadline"]!, "the corrected deadline, at the end of its working day");
        CollectionAssert.AreEqual(new[] { "KHTC" }, assigned["coordinatingUnits"]!.AsArray().Select(c => (string?)c).ToArray());

        var chief = await session.LoginAsync("chanhvanphong");
        await BrowserSession.StepsAsync(chief, TestContext, async () =>
        {
            await chief.GotoAsync("/provincial-tasks/dashboard");
            await Assertions.Expect(chief.Locator("#chart svg rect.task-ontime")).ToHaveCountAsync(2);
            await Assertions.Expect(chief.Locator("#figures tr").Nth(1).Locator("td").Nth(1)).ToHaveTextAsync("1");
            await BrowserSession.ScreenshotAsync(chief, TestContext, "dashboard");
            // The unit is picked by its name from a list, never typed as a code.
            await chief.Locator("#unit").SelectOptionAsync(new SelectOptionValue { Label = "Phòng Giáo dục Trung học" });
            await chief.GetByRole(AriaRole.Button, new() { Name = "Xem", Exact = true }).ClickAsync();
            await chief.WaitForURLAsync("**unit=GDTrH**");
            await Assertions.Expect(chief.Locator("#unit")).ToHaveValueAsync("GDTrH");
            await Assertions.Expect(chief.Locator("#figures")).ToContainTextAsync("Phòng Giáo dục Trung học");
            var pdf = await chief.Context.APIRequest.GetAsync(await chief.Locator("#reports a").First.GetAttributeAsync("href") ?? "");
            Assert.AreEqual("application/pdf", pdf.Headers["content-type"]);
        });
    }
}
