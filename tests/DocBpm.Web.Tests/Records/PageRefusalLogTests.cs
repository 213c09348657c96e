using System.Net;
using DocBpm.Web.Components;
using DocBpm.Web.Tests.Hardening;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static DocBpm.Web.Tests.Records.PageForms;

namespace DocBpm.Web.Tests.Records;

/// <summary>
/// A refusal a page shows in its form goes to the log as an API refusal does (Information, method, path, kind, who, and
/// the English reason), both where the page shows the message itself and where a form shows it beside its fields.
/// </summary>
[TestClass]
public sealed class PageRefusalLogTests
{
    private static readonly CapturedLogs Logs = new();
    private static DocBpmWebFactory host = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        host = await RecordsHost.StartAsync();
        host.TestServices.Add(services => services.AddSingleton<ILoggerProvider>(Logs));
    }

    [ClassCleanup]
    public static async Task StopAsync() => await host.DisposeAsync();

    [TestMethod]
    public async Task A_refusal_shown_on_a_page_is_logged_with_the_request_the_person_and_the_reason()
    {
        var clerk = await host.LoginAsync("vanthu");

        var noYear = await PostFormAsync(clerk, "/records", "plan", ("year", "0"));
        var plan = await FilePlanPageTests.NewPlanAsync(clerk, 2026);
        var noTitle = await PostFormAsync(clerk, $"/records/plans/{plan}", "heading", ("HeadingInput.Title", " "), ("HeadingInput.Abbreviation", "TCCB"));

        Assert.AreEqual((HttpStatusCode.OK, HttpStatusCode.OK), (noYear.StatusCode, noTitle.StatusCode), "the page shows the refusal");
        var refusals = Logs.Lines.Where(l => l.Category == PageRefusals.Category).ToList();
        Assert.IsTrue(refusals.All(l => l.Level == LogLevel.Information), "a refusal is no error");
        Assert.IsTrue(refusals.Any(l => l.Message.StartsWith("POST /records form refused (Invalid) for vanthu: ", StringComparison.Ordinal)),
            string.Join('\n', refusals));
        Assert.IsTrue(refusals.Any(l => l.Message.StartsWith($"POST /records/plans/{plan} form refused (", StringComparison.Ordinal)
            && l.Message.Contains(" for vanthu: ", StringComparison.Ordinal)), string.Join('\n', refusals));
    }
}
