using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DocBpm.Documents.Exchange;
using DocBpm.Edxml;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Engine.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DocBpm.Engine.Tests.Runtime.Bpmn;
using static DocBpm.Web.Tests.AxisServer;

namespace DocBpm.Web.Tests;

/// <summary>
/// A package that cannot be taken in: a status from the province about one of our letters, heard by a process whose
/// gateway has no way for that status, so the step fails on every delivery (a real process error, not a test switch).
/// </summary>
[TestClass]
public sealed class IntakeFailureTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    private const string OurLetter = Department + ",2026/11/30,20/SGDĐT-VP";

    /// <summary>Waits for the province's decision on our letter and knows only "completed".</summary>
    private static readonly string AwaitDecision = Process(
        """<bpmn:startEvent id="s"/><bpmn:intermediateCatchEvent id="decision">""" + MessageCatch("m", "=letter") + "</bpmn:intermediateCatchEvent>"
        + """<bpmn:exclusiveGateway id="which"/><bpmn:endEvent id="done"/>"""
        + Flow("f1", "s", "decision") + Flow("f2", "decision", "which") + Flow("f3", "which", "done", "exchangeStatus === 'Completed'"),
        id: "await-decision", definitions: Message("m", IntakeService.StatusReceived));

    internal static Task<ExchangeScenario> StartAsync(DatabaseProvider provider, int maxAttempts, Action<DocBpmWebFactory>? configure = null) =>
        ExchangeScenario.StartAsync(provider, VietnamTime.At(2026, 11, 30, 9, 0), host =>
        {
            host.Settings["Exchange:Intake:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture);
            configure?.Invoke(host);
        });

    /// <summary>Our letter's dispatch record, a process waiting for the decision on it, and the province's status that poisons it.</summary>
    internal static async Task<(HttpClient Admin, Guid Waiting)> PoisonAsync(ExchangeScenario scenario)
    {
        var analyst = await scenario.Host.LoginAsync("phantich");
        (await analyst.PostAsync("/api/definitions", new StringContent(AwaitDecision, Encoding.UTF8, "application/xml"))).EnsureSuccessStatusCode();
        var admin = await scenario.Host.LoginAsync("quantri");
        var started = await admin.PostAsJsonAsync("/api/instances", new { definitionKey = "await-decision", variables = new { letter = OurLetter } });
        started.EnsureSuccessStatusCode();
        await AddDispatchAsync(scenario, OurLetter);

        // The letter's dispatch was written here directly, so the axis never carried it and would refuse a status about it.
        await scenario.Axis.InjectAsync(Province, Department, OurLetter, EdxmlWriter.Write(new EdxmlStatus(
            new EdxmlResponseFor(Department, "20/SGDĐT-VP", new DateOnly(2026, 11, 30), OurLetter),
            new EdxmlOrganization(Province, "UBND tỉnh Lạng Sơn"), ExchangeStatus.InProgress, "Đang xem xét", scenario.Axis.Clock.GetUtcNow(), null)),
            AxisPackageKind.Status);
        return (admin, (Guid)(await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!);
    }

    /// <summary>A dispatch of our letter to the province, written here directly as if it had been sent.</summary>
    internal static async Task AddDispatchAsync(ExchangeScenario scenario, string documentId)
    {
        await using var scope = scenario.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbContext>();
        db.Set<DispatchRecord>().Add(new DispatchRecord
        {
            Id = Guid.CreateVersion7(), BatchId = Guid.CreateVersion7(), DocumentId = documentId, RecipientCode = Province,
            State = DispatchState.Sent, QueuedAt = scenario.Host.Clock.GetUtcNow(), PackageFileId = Guid.CreateVersion7(),
        });
        await db.SaveChangesAsync();
    }

    internal static async Task<JsonArray> FailuresAsync(HttpClient admin, bool open = true) =>
        (await admin.GetFromJsonAsync<JsonArray>($"/api/exchange/intake-failures?open={open}"))!;

    private static async Task<string?> DispatchStatusAsync(HttpClient admin) =>
        (string?)(await admin.GetFromJsonAsync<JsonArray>($"/api/exchange/dispatches?documentId={Uri.EscapeDataString(OurLetter)}"))!.Single()!["lastStatus"];

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task A_package_that_cannot_be_taken_in_does_not_block_later_documents_and_is_set_aside_after_the_last_attempt(DatabaseProvider provider)
    {
        await using var scenario = await StartAsync(provider, maxAttempts: 2);
        var (admin, waiting) = await PoisonAsync(scenario);
        var later = await scenario.Province.SendAsync(ExchangeTests.FromProvince("93"), CancellationToken.None);

        await scenario.PullAsync();
        var received = (await scenario.Clerk.GetFromJsonAsync<JsonArray>("/api/exchange/received"))!;
        Assert.AreEqual(later.DocumentId, (string?)received.Single()!["documentId"], "the document behind the failing status is registered");
        Assert.IsNull(await DispatchStatusAsync(admin), "the failed status is rolled back: nothing of it is stored");
        var first = (await FailuresAsync(admin)).Single()!;
        Assert.AreEqual(1, (int)first["attempts"]!);
        Assert.IsNull(first["setAsideAt"], "one failure is retried by the next sweep");

        await scenario.PullAsync();
        await scenario.PullAsync();
        var setAside = (await FailuresAsync(admin)).Single()!;
        Assert.AreEqual(2, (int)setAside["attempts"]!, "after the last attempt the sweep no longer retries it");
        Assert.IsNotNull(setAside["setAsideAt"]);
        Assert.AreEqual(Province, (string?)setAside["senderCode"]);
        Assert.AreEqual(OurLetter, (string?)setAside["documentId"]);
        Assert.AreEqual("Status", (string?)setAside["kind"]);
        StringAssert.Contains((string?)setAside["lastError"], "no default flow");
        var packageId = (Guid)setAside["packageId"]!;

        var stillBroken = await admin.PostAsync($"/api/exchange/intake-failures/{packageId}/retry", null);
        Assert.AreEqual(HttpStatusCode.Conflict, stillBroken.StatusCode);
        Assert.AreEqual(3, (int)(await FailuresAsync(admin)).Single()!["attempts"]!, "the administrator's failed retry is counted too");

        (await admin.PostAsJsonAsync($"/api/instances/{waiting}/cancel", new { reason = "Quy trình chờ thiếu nhánh cho trạng thái đang xử lý" }))
            .EnsureSuccessStatusCode();
        var retried = await admin.PostAsync($"/api/exchange/intake-failures/{packageId}/retry", null);

        Assert.AreEqual(HttpStatusCode.NoContent, retried.StatusCode);
        Assert.AreEqual("InProgress", await DispatchStatusAsync(admin), "once the cause is fixed the retry takes the status in");
        Assert.AreEqual(0, (await FailuresAsync(admin)).Count);
        Assert.AreEqual("TakenIn", (string?)(await FailuresAsync(admin, open: false)).Single()!["resolution"]);
        Assert.AreEqual(0, (await scenario.Axis.ClientFor(Department).PendingAsync(CancellationToken.None)).Count, "it is acknowledged at the axis");
    }

    [TestMethod]
    public async Task An_administrator_dismisses_a_package_set_aside_only_with_a_reason_and_it_is_acknowledged()
    {
        await using var scenario = await StartAsync(DatabaseProvider.Sqlite, maxAttempts: 1);
        var (admin, _) = await PoisonAsync(scenario);
        await scenario.PullAsync();
        var packageId = (Guid)(await FailuresAsync(admin)).Single()!["packageId"]!;

        var withoutReason = await admin.PostAsJsonAsync($"/api/exchange/intake-failures/{packageId}/dismiss", new { reason = " " });
        Assert.AreEqual(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.AreEqual(1, (await FailuresAsync(admin)).Count, "a refused dismissal changes nothing");
        var clerkTries = await scenario.Clerk.PostAsJsonAsync($"/api/exchange/intake-failures/{packageId}/dismiss", new { reason = "Bỏ qua" });
        Assert.AreEqual(HttpStatusCode.Forbidden, clerkTries.StatusCode, "only administrators decide on set-aside packages");

        var dismissed = await admin.PostAsJsonAsync($"/api/exchange/intake-failures/{packageId}/dismiss", new { reason = "UBND tỉnh đã gửi lại bằng văn bản giấy" });

        Assert.AreEqual(HttpStatusCode.NoContent, dismissed.StatusCode);
        var record = (await FailuresAsync(admin, open: false)).Single()!;
        Assert.AreEqual("Dismissed", (string?)record["resolution"]);
        Assert.AreEqual("UBND tỉnh đã gửi lại bằng văn bản giấy", (string?)record["dismissReason"]);
        Assert.AreEqual("quantri", (string?)record["resolvedBy"]);
        Assert.AreEqual(0, (await scenario.Axis.ClientFor(Department).PendingAsync(CancellationToken.None)).Count);
        Assert.AreEqual(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/exchange/intake-failures/{packageId}/retry", null)).StatusCode);
    }

    [TestMethod]
    public async Task An_axis_outage_is_not_a_package_failure_and_counts_no_attempt()
    {
        await using var scenario = await StartAsync(DatabaseProvider.Sqlite, maxAttempts: 2);
        var (admin, _) = await PoisonAsync(scenario);
        await scenario.PullAsync();

        scenario.StopAxis();
        var down = await scenario.Clerk.PostAsync("/api/exchange/pull", null);
        await scenario.Clerk.PostAsync("/api/exchange/pull", null);
        scenario.RestartAxis();

        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        StringAssert.Contains((string?)(await down.Content.ReadFromJsonAsync<JsonObject>())!["title"], "Không kết nối trục liên thông");
        var failure = (await FailuresAsync(admin)).Single()!;
        Assert.AreEqual(1, (int)failure["attempts"]!, "sweeps while the axis is down count nothing against the package");
        Assert.IsNull(failure["setAsideAt"]);
        await scenario.PullAsync();
        Assert.IsNotNull((await FailuresAsync(admin)).Single()!["setAsideAt"], "the next real attempt is its last");
    }

    [TestMethod]
    public void The_failure_cause_is_a_code_taken_from_the_error_and_every_cause_is_explained_in_Vietnamese()
    {
        Assert.AreEqual(IntakeFailureCause.Process, IntakeFailureCauses.Of(new Engine.Runtime.ProcessExecutionException("which", "no default flow")));
        Assert.AreEqual(IntakeFailureCause.Format, IntakeFailureCauses.Of(new System.Xml.XmlException("Data at the root level is invalid.")));
        Assert.AreEqual(IntakeFailureCause.Database, IntakeFailureCauses.Of(new DbUpdateException("save failed", new InvalidOperationException("unique"))));
        Assert.AreEqual(IntakeFailureCause.Unknown, IntakeFailureCauses.Of(new TimeoutException()));
        var unknown = Web.Exchange.IntakeErrorText.Explain(IntakeFailureCause.Unknown);
        foreach (var cause in Enum.GetValues<IntakeFailureCause>().Where(c => c != IntakeFailureCause.Unknown))
            Assert.AreNotEqual(unknown, Web.Exchange.IntakeErrorText.Explain(cause), $"{cause} has its own explanation");
    }
}
