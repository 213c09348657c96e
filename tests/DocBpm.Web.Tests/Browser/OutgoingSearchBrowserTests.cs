using DocBpm.Documents.Registers;
using DocBpm.Engine.Persistence;
using DocBpm.Web.Tests.Outgoing;
using Microsoft.Playwright;

namespace DocBpm.Web.Tests.Browser;

/// <summary>
/// Issue 20 in the browser: the Director and a clerk find outgoing documents with the search form, and the clerk prints
/// the outgoing register book of a date range from its page.
/// </summary>
[TestClass]
public sealed class OutgoingSearchBrowserTests
{
    public TestContext TestContext { get; set; } = default!;

    [TestMethod]
    public async Task Article9_the_Director_and_a_clerk_search_outgoing_documents_and_the_clerk_prints_the_register_book()
    {
        await using var session = await BrowserSession.StartAsync(DatabaseProvider.Sqlite, configure: host =>
        {
            host.Settings["Exchange:AgencyCode"] = AxisServer.Department;
            OutgoingPeople.UseTestKeys(host, OutgoingPeople.Wednesday);
        });
        var (_, issued, draft) = await OutgoingSearchTests.IssuedAndDraftAsync(session.Host);

        var director = await session.LoginAsync("giamdoc");
        await BrowserSession.StepsAsync(director, TestContext, async () =>
        {
            await director.GotoAsync("/outgoing");
            await Assertions.Expect(director.Locator("#found")).ToContainTextAsync("Tìm thấy 2 văn bản");
            await director.SelectOptionAsync("#f-urgency", "Flash");
            await director.SelectOptionAsync("#f-unit", "GDTrH");
            await director.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true }).ClickAsync();
            await Assertions.Expect(director.Locator("#found")).ToContainTextAsync("Tìm thấy 1 văn bản");
            await Assertions.Expect(director.Locator($"#documents a[href='/outgoing/{draft}']")).ToHaveCountAsync(0);
            await director.Locator($"#documents a[href='/outgoing/{issued}']").ClickAsync();
            await Assertions.Expect(director.Locator("main")).ToContainTextAsync("Quyết định khen thưởng giáo viên");
        });

        var clerk = await session.LoginAsync("vanthu");
        await BrowserSession.StepsAsync(clerk, TestContext, async () =>
        {
            await clerk.GotoAsync("/outgoing");
            await clerk.FillAsync("#f-text", "khen thưởng");
            await clerk.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true }).ClickAsync();
            await Assertions.Expect(clerk.Locator("#found")).ToContainTextAsync("Tìm thấy 1 văn bản");
            await Assertions.Expect(clerk.Locator("#documents")).ToContainTextAsync("Nông Thị Phó");

            await clerk.GotoAsync("/registers");
            await clerk.SelectOptionAsync("#book", RegisterBookSeed.Outgoing.ToString());
            await clerk.GetByRole(AriaRole.Button, new() { Name = "Xem sổ" }).ClickAsync();
            await Assertions.Expect(clerk.Locator("#rows")).ToContainTextAsync("Quyết định khen thưởng giáo viên");
            await BrowserSession.ScreenshotAsync(clerk, TestContext, "register");

            var pdf = await clerk.APIRequest.GetAsync(await clerk.Locator("#print-pdf").GetAttributeAsync("href") ?? "");
            Assert.AreEqual(200, pdf.Status);
            Assert.AreEqual("application/pdf", pdf.Headers["content-type"].Split(';')[0]);
            CollectionAssert.AreEqual("%PDF-"u8.ToArray(), (await pdf.BodyAsync())[..5]);
            var download = await clerk.RunAndWaitForDownloadAsync(() => clerk.Locator("#download-xlsx").ClickAsync());
            StringAssert.EndsWith(download.SuggestedFilename, ".xlsx");
        });
    }
}
