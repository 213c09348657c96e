using DocBpm.Engine.Persistence;
using Microsoft.Playwright;

namespace DocBpm.Web.Tests.Browser;

/// <summary>The left navigation on a phone (issue 20): folded behind a menu button at 360 px, no page wider than the screen.</summary>
[TestClass]
public sealed class NavigationBrowserTests
{
    public TestContext TestContext { get; set; } = default!;

    [TestMethod]
    public async Task On_a_360_px_phone_the_navigation_opens_from_a_menu_button_and_no_page_scrolls_sideways()
    {
        await using var session = await BrowserSession.StartAsync(DatabaseProvider.Sqlite);
        var clerk = await session.LoginAsync("vanthu");
        await BrowserSession.StepsAsync(clerk, TestContext, async () =>
        {
            await clerk.SetViewportSizeAsync(360, 740);
            await clerk.GotoAsync("/");
            var menu = clerk.Locator("#menu");
            await Assertions.Expect(menu).ToBeHiddenAsync();
            await clerk.GetByText("☰ Danh mục").ClickAsync();
            await Assertions.Expect(menu).ToBeVisibleAsync();
            await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Văn bản đi", Exact = true })).ToBeVisibleAsync();
            var entry = await menu.GetByRole(AriaRole.Link, new() { Name = "Sổ văn bản", Exact = true }).BoundingBoxAsync();
            Assert.IsTrue(entry!.Height < 40, $"an entry is one line, not one word per line ({entry.Height} px)");
            await menu.GetByRole(AriaRole.Link, new() { Name = "Sổ văn bản", Exact = true }).ClickAsync();
            await Assertions.Expect(clerk.GetByRole(AriaRole.Heading, new() { Name = "Sổ văn bản", Exact = true })).ToBeVisibleAsync();

            foreach (var path in new[] { "/", "/outgoing", "/registers", "/incoming" })
            {
                await clerk.GotoAsync(path);
                var width = await clerk.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                Assert.IsTrue(width <= 360, $"{path} is {width} px wide on a 360 px screen");
            }

            await clerk.SetViewportSizeAsync(1400, 900);
            await clerk.GotoAsync("/");
            await Assertions.Expect(menu).ToBeVisibleAsync();
            await Assertions.Expect(clerk.GetByText("☰ Danh mục")).ToBeHiddenAsync();
        });
    }
}
