using Microsoft.Playwright;

namespace DocBpm.Web.Tests.Browser;

/// <summary>One Playwright driver and one headless chromium for the whole test run, started by the first browser test.</summary>
[TestClass]
public static class SharedChromium
{
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    /// <summary>
    /// How long one browser step (a navigation, a click, a wait for an element) may take, in milliseconds. With four test
    /// classes beside each other on a loaded two-core machine, the first page a host renders took over 20 s; a step
    /// that never succeeds still fails, only later.
    /// </summary>
    public const float StepTimeout = 90_000;

    /// <summary>The same for Playwright's expectations (<c>Expect(…).ToHaveTextAsync</c>), whose own default is 5 s.</summary>
    private const float ExpectationTimeout = 30_000;

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
            Assertions.SetDefaultExpectTimeout(ExpectationTimeout);
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
