using System.Net.Http.Json;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Web.Accounts;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DocBpm.Web.Tests.Browser;

/// <summary>
/// The real host listening on loopback (Kestrel, a free port) and a headless Debian chromium driven by Playwright.
/// Each <see cref="LoginAsync"/> opens a fresh browser context signed in with the session cookie, as a person would be.
/// Reusable by every browser test: start one per test, dispose it at the end. The chromium process is shared by the
/// whole test run (<see cref="SharedChromium"/>): contexts share no cookies or storage, and starting a browser per test
/// cost seconds each.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string ChromiumVariable = "DOCBPM_CHROMIUM";

    private readonly IBrowser browser;

    /// <summary>The contexts this session opened, closed with it so that the shared browser does not fill up.</summary>
    private readonly List<IBrowserContext> contexts = [];

    /// <summary>Whether disposing the session disposes the host (not when the host belongs to a scenario).</summary>
    private readonly bool ownsHost;

    private BrowserSession(DocBpmWebFactory host, Uri address, IBrowser browser, bool ownsHost)
    {
        Host = host;
        Address = address;
        this.browser = browser;
        this.ownsHost = ownsHost;
    }

    public DocBpmWebFactory Host { get; }

    /// <summary>Where the host listens, e.g. http://127.0.0.1:40123/.</summary>
    public Uri Address { get; }

    /// <summary>
    /// The chromium to drive: DOCBPM_CHROMIUM, else /usr/bin/chromium. A test without one is inconclusive locally and
    /// fails on CI, where .ci/run installs it.
    /// </summary>
    public static string Chromium()
    {
        var path = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (File.Exists(path))
            return path;
        if (TestDatabase.OnCi)
            throw new InvalidOperationException($"No chromium at {path} on CI; browser tests must run there.");
        Assert.Inconclusive($"No chromium at {path}; set {ChromiumVariable} to run the browser tests.");
        return path;
    }

    /// <summary>Starts host and browser; <paramref name="configure"/> sets the host up (settings, clock) before it starts.</summary>
    public static async Task<BrowserSession> StartAsync(DatabaseProvider provider, Action<IServiceCollection>? testServices = null,
        Action<DocBpmWebFactory>? configure = null)
    {
        Chromium();
        var host = await DocBpmWebFactory.CreateAsync(provider);
        configure?.Invoke(host);
        if (testServices is not null)
            host.TestServices.Add(testServices);
        ListenOnLoopback(host);
        host.StartServer();
        return await LaunchAsync(host, ownsHost: true);
    }

    /// <summary>Makes a host that is not started yet listen on a loopback port, so that a browser can reach it.</summary>
    public static void ListenOnLoopback(DocBpmWebFactory host) => host.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));

    /// <summary>A browser on a host a scenario started (after <see cref="ListenOnLoopback"/>); the scenario disposes the host.</summary>
    public static Task<BrowserSession> AttachAsync(DocBpmWebFactory host) => LaunchAsync(host, ownsHost: false);

    private static async Task<BrowserSession> LaunchAsync(DocBpmWebFactory host, bool ownsHost)
    {
        var browser = await SharedChromium.BrowserAsync(Chromium());
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BrowserSession(host, new Uri(address.TrimEnd('/') + "/"), browser, ownsHost);
    }

    /// <summary>A page in a new browser context, signed in as nobody.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await NewContextAsync("vi-VN");
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(SharedChromium.StepTimeout);
        return page;
    }

    /// <summary>
    /// A page in a new browser context signed in as the demo account, through the cookie login; <paramref name="locale"/>
    /// is the browser's language (an English browser writes native dates month first).
    /// </summary>
    public async Task<IPage> LoginAsync(string userName, string locale = "vi-VN")
    {
        var context = await NewContextAsync(locale);
        var response = await context.APIRequest.PostAsync("/api/account/login?useCookies=true", new APIRequestContextOptions
        {
            DataObject = new LoginRequest(userName, DevelopmentSeed.DemoPassword),
        });
        Assert.IsTrue(response.Ok, $"login as {userName}: HTTP {response.Status}");
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(SharedChromium.StepTimeout);
        return page;
    }

    private async Task<IBrowserContext> NewContextAsync(string locale)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.ToString(),
            Locale = locale,
            TimezoneId = "Asia/Ho_Chi_Minh",
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
        });
        lock (contexts)
            contexts.Add(context);
        return context;
    }

    /// <summary>An API client of the same host signed in with a bearer token.</summary>
    public Task<HttpClient> ApiAsync(string userName) => Host.LoginAsync(userName);

    /// <summary>
    /// Saves a full-page screenshot in TestResults/screenshots (MSTest reports the output folder as its results folder
    /// under Microsoft.Testing.Platform, whose own results folder is TestResults there) and attaches it to the result.
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, TestContext testContext, string name)
    {
        var folder = Path.Combine(testContext.TestResultsDirectory ?? AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{testContext.TestName}-{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        testContext.AddResultFile(path);
    }

    /// <summary>Runs browser steps; when one fails, the page as it was is kept as a screenshot beside the failure.</summary>
    public static async Task StepsAsync(IPage page, TestContext testContext, Func<Task> steps)
    {
        try
        {
            await steps();
        }
        catch
        {
            await ScreenshotAsync(page, testContext, "failure");
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in contexts)
            await context.CloseAsync();
        if (ownsHost)
            await Host.DisposeAsync();
    }
}

/// <summary>Reads the JSON API in browser tests' assertions.</summary>
public static class ApiReads
{
    public static async Task<T> ReadAsync<T>(this HttpClient client, string path) =>
        await client.GetFromJsonAsync<T>(path) ?? throw new InvalidOperationException($"{path} returned nothing.");
}
