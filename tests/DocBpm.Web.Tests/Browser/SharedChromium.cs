using Microsoft.Playwright;

namespace DocBpm.Web.Tests.Browser;

/// <summary>One Playwright driver and one headless chromium for the whole test run, started by the first browser test.</summary>
[TestClass]
public static class SharedChromium
{
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IPlaywright? playwright;
    private static IBrowser? browser;

    public static async Task<IBrowser> BrowserAsync(string executable)
    {
        await Gate.WaitAsync();
        try
        {
            // A crashed chromium is started again instead of failing every later browser test.
            if (browser is { IsConnected: true })
                return browser;
            playwright ??= await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = executable,
                Headless = true,
                Args = ChromiumArgs,
            });
            return browser;
        }
        finally
        {
            Gate.Release();
        }
    }

    [AssemblyCleanup]
    public static async Task StopAsync()
    {
        if (browser is not null)
            await browser.DisposeAsync();
        playwright?.Dispose();
    }
}
