using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Timers;
using DocBpm.Web.Tests.Outgoing;
using DocBpm.Web.Tests.ProvincialTasks;
using Microsoft.Playwright;

namespace DocBpm.Web.Tests.Browser;

/// <summary>Chủ trì, phối hợp in the browser: a coordinating unit answers from its inbox, the Director changes the units.</summary>
[TestClass]
public sealed class CoordinationBrowserTests
{
    public TestContext TestContext { get; set; } = default!;

    [TestMethod]
    public async Task Coordinating_unit_gives_its_opinion_with_a_file_and_the_main_handler_reads_it_on_the_task_page()
    {
        await using var scenario = await ProvincialScenario.StartAsync(DatabaseProvider.Sqlite, BrowserSession.ListenOnLoopback);
        await using var session = await BrowserSession.AttachAsync(scenario.Host);
        var task = await scenario.TaskAtHandlerAsync("203", "Báo cáo nhu cầu kinh phí năm 2027", VietnamTime.At(2026, 12, 4, 17, 0));
        var file = Path.Combine(TestContext.TestRunResultsDirectory ?? Path.GetTempPath(), "y-kien-khtc.pdf");
        var pdf = OutgoingClient.Pdf("Ý kiến KHTC");
        await File.WriteAllBytesAsync(file, pdf);

        var finance = await session.LoginAsync("chuyenvien.khtc");
        await BrowserSession.StepsAsync(finance, TestContext, async () =>
        {
            await finance.GotoAsync("/");
            await finance.GetByRole(AriaRole.Link, new() { Name = "Đơn vị phối hợp tham gia ý kiến" }).ClickAsync();
            await Assertions.Expect(finance.Locator("#waiting")).ToContainTextAsync("Phòng Kế hoạch - Tài chính");
            await finance.FillAsync("#opinion", "KHTC đề nghị bổ sung dự toán chi tiết");
            await finance.SetInputFilesAsync("#opinionFile", file);
            await BrowserSession.ScreenshotAsync(finance, TestContext, "1-opinion");
            await finance.GetByRole(AriaRole.Button, new() { Name = "Gửi ý kiến phối hợp" }).ClickAsync();
            await Assertions.Expect(finance.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã gửi ý kiến phối hợp");
            await Assertions.Expect(finance.Locator("#coordination form")).ToHaveCountAsync(0);
        });

        var director = await session.LoginAsync("giamdoc");
        await BrowserSession.StepsAsync(director, TestContext, async () =>
        {
            await director.GotoAsync($"/provincial-tasks/{task}");
            await director.Locator("#newCoordinators input[value='KHTC']").CheckAsync();
            await director.Locator("#newCoordinators input[value='TCCB']").CheckAsync();
            await director.GetByRole(AriaRole.Button, new() { Name = "Điều chỉnh đơn vị phối hợp" }).ClickAsync();
            await Assertions.Expect(director.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã điều chỉnh đơn vị phối hợp");
            await Assertions.Expect(director.Locator("#waiting")).ToContainTextAsync("Phòng Tổ chức cán bộ");
        });

        var handler = await session.LoginAsync("chuyenvien");
        await BrowserSession.StepsAsync(handler, TestContext, async () =>
        {
            await handler.GotoAsync($"/provincial-tasks/{task}");
            await Assertions.Expect(handler.Locator("#opinions")).ToContainTextAsync("KHTC đề nghị bổ sung dự toán chi tiết");
            await Assertions.Expect(handler.Locator("#opinions a")).ToHaveTextAsync("y-kien-khtc.pdf");
            await BrowserSession.ScreenshotAsync(handler, TestContext, "2-handler");
        });

        var coordination = await scenario.Handler.GetFromJsonAsync<JsonNode>($"/api/provincial-tasks/{task}/coordination");
        CollectionAssert.AreEqual(pdf, await scenario.Handler.GetByteArrayAsync((string)coordination!["opinions"]![0]!["fileUrl"]!), "the uploaded file is stored as given");
    }
}
