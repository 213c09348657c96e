using System.Globalization;
using System.Text.Json.Nodes;
using DocBpm.Engine.Persistence;
using DocBpm.Web.DemoExchange;
using DocBpm.Web.Tests.Outgoing;
using Microsoft.Playwright;

namespace DocBpm.Web.Tests.Browser;

/// <summary>
/// Issue 20: `dotnet run` alone takes a document to another agency. The host starts as a fresh `dotnet run` does — a
/// fresh database seeded for Development, the demo PKI, the demo axis with its demo peers, the real scheduler on the
/// real clock — and nothing else is configured. The draft, its submission and the unit head's approval go over the API
/// (OutgoingBrowserTests walks those pages); the browser is used where the demo is the point: the leader signs with his
/// demo key, the clerk issues, and the document page follows the dispatch until the seeded agency has received it.
/// </summary>
[TestClass]
public sealed class DemoBrowserTests
{
    private const string CityOffice = "000.05.20.H37";

    public TestContext TestContext { get; set; } = default!;

    [TestMethod]
    public async Task Article9_4_a_fresh_demo_signs_with_the_demo_PKI_and_dispatches_over_the_demo_axis_to_a_seeded_agency_that_receives_it()
    {
        BrowserSession.Chromium();
        var appData = Directory.CreateTempSubdirectory("docbpm-app-data-");
        await using var host = await DocBpmWebFactory.CreateWithSchedulerAsync(DatabaseProvider.Sqlite);
        host.Settings["Signatures:DemoPki:Enabled"] = "true";
        host.Settings["Signatures:DemoPki:Folder"] = Path.Combine(appData.FullName, "demo-pki");
        host.Settings["Exchange:DemoAxis:Enabled"] = "true";
        host.Settings["Exchange:DemoAxis:Port"] = AxisServer.FreePort().ToString(CultureInfo.InvariantCulture);
        host.Settings["Exchange:DemoAxis:Database"] = Path.Combine(appData.FullName, "demo-axis.db");
        host.Settings["Exchange:DemoAxis:PeerSeconds"] = "1";
        BrowserSession.ListenOnLoopback(host);
        host.StartServer();
        await using var session = await BrowserSession.AttachAsync(host);

        var people = await OutgoingPeople.SignInAsync(host);
        var id = await people.Drafter.CreateOutgoingAsync(new
        {
            typeCode = "CV",
            subject = "Về việc hướng dẫn nhiệm vụ năm học",
            urgency = "Normal",
            copies = 1,
            recipients = new object[] { new { kind = "Agency", code = CityOffice } },
        });
        await people.Drafter.UploadAsync(id, "du-thao.pdf", OutgoingClient.Pdf("dự thảo"));
        await people.Drafter.StepAsync(id, "submit", new { reviewers = Array.Empty<string>() });
        await people.Head.StepAsync(id, "approve");
        var documentPath = $"/outgoing/{id}";

        var deputy = await session.LoginAsync("phogiamdoc1");
        await BrowserSession.StepsAsync(deputy, TestContext, async () =>
        {
            await deputy.GotoAsync(documentPath);
            await Assertions.Expect(deputy.GetByRole(AriaRole.Note).Filter(new() { HasText = "Trục liên thông DEMO" })).ToBeVisibleAsync();
            await deputy.GetByRole(AriaRole.Button, new() { Name = "Ký số", Exact = true }).ClickAsync();
            await UntilAsync(deputy, "#stage", "Đã ký, chờ phát hành");
        });

        var clerk = await session.LoginAsync("vanthu");
        await BrowserSession.StepsAsync(clerk, TestContext, async () =>
        {
            await clerk.GotoAsync(documentPath);
            await clerk.GetByRole(AriaRole.Button, new() { Name = "Cấp số, phát hành", Exact = true }).ClickAsync();
            await Assertions.Expect(clerk.Locator("h1")).ToHaveTextAsync("Số: 01/SGDĐT-GDTrH");
            await UntilAsync(clerk, "#stage", "Đã ban hành");
            await UntilAsync(clerk, $"#recipients tr:has-text('{CityOffice}') td.delivery", "Đã nhận");
            var row = clerk.Locator("#recipients tr", new() { HasText = CityOffice });
            await Assertions.Expect(row).ToContainTextAsync("Phòng Giáo dục và Đào tạo thành phố Lạng Sơn");
            await Assertions.Expect(row).ToContainTextAsync("Đã tiếp nhận " + DemoPeers.AnswerNote);
            await BrowserSession.ScreenshotAsync(clerk, TestContext, "received");
        });

        // Dispatched, then received: the axis's receipt (the legal send time) and, after it, the peer's status (edXML keeps whole seconds).
        var nationalId = (string)(await people.Clerk.PageAsync(id))["nationalId"]!;
        var dispatch = (await people.Clerk.ReadAsync<JsonArray>($"/api/exchange/dispatches?documentId={Uri.EscapeDataString(nationalId)}")).Single()!;
        Assert.AreEqual("Sent", (string?)dispatch["state"]);
        Assert.AreEqual("Accepted", (string?)dispatch["lastStatus"]);
        var sentAt = (DateTimeOffset)dispatch["sentAt"]!;
        Assert.IsGreaterThanOrEqualTo(sentAt.AddTicks(-(sentAt.Ticks % TimeSpan.TicksPerSecond)), (DateTimeOffset)dispatch["lastStatusAt"]!);
    }

    /// <summary>
    /// Reloads the page until the element shows the text: the page is rendered on the server, and the scheduler, the axis
    /// and the demo peers move the document between two reloads.
    /// </summary>
    private async Task UntilAsync(IPage page, string selector, string text)
    {
        for (var attempt = 0; attempt < 240; attempt++)
        {
            if ((await page.Locator(selector).AllInnerTextsAsync()).Any(t => t.Contains(text, StringComparison.Ordinal)))
                return;
            await Task.Delay(500, TestContext.CancellationToken);
            await page.ReloadAsync();
        }

        await Assertions.Expect(page.Locator(selector)).ToContainTextAsync(text);
    }
}
