using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Edxml;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Timers;
using static DocBpm.Web.Tests.AxisServer;

namespace DocBpm.Web.Tests.Incoming;

/// <summary>
/// Issue 14: DocBpm checks who sent a package itself, even when the axis let it through (<see cref="AxisServer.InjectAsync"/>
/// plays an axis that checks nothing). Every package ends registered, refused with status 02, or set aside with a cause.
/// </summary>
[TestClass]
public sealed class ExchangeIdentityIntakeTests
{
    private const string Finance = "000.00.13.H37";
    private const string ProvinceDocument = Province + ",2026/11/27,93/UBND-KGVX";

    private static EdxmlPackage FromProvince(string number = "93") => EdxmlReader.ReadPackage(ExchangeTests.FromProvince(number)).Value!;

    private static async Task<(ExchangeScenario Scenario, Guid Incoming)> RegisteredAsync()
    {
        var scenario = await ExchangeScenario.StartAsync(DatabaseProvider.Sqlite, VietnamTime.At(2026, 11, 30, 9, 0));
        await scenario.Province.SendAsync(ExchangeTests.FromProvince("93"), CancellationToken.None);
        await scenario.StepAsync(scenario.PullAsync);
        var id = (Guid)(await scenario.Clerk.GetFromJsonAsync<JsonObject>("/api/incoming"))!["items"]![0]!["id"]!;
        await scenario.Clerk.RegisterAsync(id);
        return (scenario, id);
    }

    private static async Task<JsonNode> RefusalAsync(ExchangeScenario scenario)
    {
        var admin = await scenario.Host.LoginAsync("quantri");
        return (await IntakeFailureTests.FailuresAsync(admin, open: false)).Single(f => (string?)f!["resolution"] == "Refused")!;
    }

    [TestMethod]
    public async Task Article8_2c_forged_recall_from_an_agency_that_did_not_send_the_document_is_refused_and_the_handling_goes_on()
    {
        var (scenario, id) = await RegisteredAsync();
        await using var _ = scenario;
        var director = await scenario.Host.LoginAsync("giamdoc");
        var forged = FromProvince() with
        {
            Header = FromProvince().Header with { From = new EdxmlOrganization(Finance, "Sở Tài chính") },
            Business = new EdxmlBusiness(BusinessDocType.Revoke, "Thu hồi", null, false),
            Attachments = [],
        };

        await scenario.Axis.InjectAsync(Finance, Department, ProvinceDocument, EdxmlWriter.Write(forged));
        await scenario.PullAsync();

        Assert.AreEqual(1, (await director.InboxAsync()).Count, "the Director's step is not interrupted");
        Assert.IsFalse((bool)(await scenario.Clerk.DetailAsync(id))["actions"]!["confirmRecall"]!);
        var refusal = await RefusalAsync(scenario);
        Assert.AreEqual(Finance, (string?)refusal["senderCode"]);
        Assert.AreEqual("ForeignIdentifier", (string?)refusal["cause"]);
        var status = (await scenario.Axis.ClientFor(Finance).StatusesAsync(ProvinceDocument, CancellationToken.None)).Single();
        Assert.AreEqual("02", status.StatusCode, "the forger is answered with 02 and the reason");
        StringAssert.Contains(status.Description, "không phải cơ quan gửi " + Finance);
    }

    private static EdxmlPackage Recall(string reason) =>
        FromProvince() with { Business = new EdxmlBusiness(BusinessDocType.Revoke, reason, null, false), Attachments = [] };

    [TestMethod]
    public async Task Article8_2c_a_recall_of_a_document_never_sent_here_is_refused_with_status_02_not_acknowledged_into_nothing()
    {
        await using var scenario = await ExchangeScenario.StartAsync(DatabaseProvider.Sqlite, VietnamTime.At(2026, 11, 30, 9, 0));

        await scenario.Province.SendAsync(EdxmlWriter.Write(Recall("Ban hành nhầm")), CancellationToken.None);
        await scenario.PullAsync();

        Assert.AreEqual("UnknownOriginal", (string?)(await RefusalAsync(scenario))["cause"]);
        var status = (await scenario.Province.StatusesAsync(ProvinceDocument, CancellationToken.None)).Single();
        Assert.AreEqual("02", status.StatusCode);
        StringAssert.Contains(status.Description, "Không có văn bản " + ProvinceDocument);
    }

    [TestMethod]
    public async Task Article8_2c_a_recall_arriving_after_the_document_was_cancelled_is_set_aside_for_the_office_not_acknowledged()
    {
        var (scenario, id) = await RegisteredAsync();
        await using var _ = scenario;
        await scenario.Province.SendAsync(EdxmlWriter.Write(Recall("Ban hành nhầm")), CancellationToken.None);
        await scenario.PullAsync();
        (await scenario.Clerk.PostAsync($"/api/incoming/{id}/recall", null)).EnsureSuccessStatusCode();

        await scenario.Province.SendAsync(EdxmlWriter.Write(Recall("Nhắc lại việc thu hồi")), CancellationToken.None);
        await scenario.PullAsync();

        var admin = await scenario.Host.LoginAsync("quantri");
        var failure = (await IntakeFailureTests.FailuresAsync(admin)).Single()!;
        Assert.AreEqual("RecallNotApplied", (string?)failure["cause"]);
        Assert.IsNotNull(failure["setAsideAt"], "set aside at once for a person to act on");
        Assert.AreEqual(1, (await scenario.Axis.ClientFor(Department).PendingAsync(CancellationToken.None)).Count, "not acknowledged");
    }

    [TestMethod]
    public async Task Article9_5_a_replacement_naming_a_document_another_agency_sent_is_refused_with_status_02()
    {
        var (scenario, _) = await RegisteredAsync();
        await using var __ = scenario;
        var finance = scenario.Axis.ClientFor(Finance);
        var replacement = FromProvince("7") with
        {
            Header = FromProvince("7").Header with { From = new EdxmlOrganization(Finance, "Sở Tài chính"), DocumentId = Finance + ",2026/11/30,7/STC-VP" },
            Business = new EdxmlBusiness(BusinessDocType.Replace, "Thay thế", null, false, ProvinceDocument),
        };

        await finance.SendAsync(EdxmlWriter.Write(replacement), CancellationToken.None);
        await scenario.PullAsync();

        Assert.AreEqual(1, (int)(await scenario.Clerk.GetFromJsonAsync<JsonObject>("/api/incoming"))!["total"]!, "nothing of Finance's is registered");
        Assert.AreEqual("NotOriginalSender", (string?)(await RefusalAsync(scenario))["cause"]);
        var status = (await finance.StatusesAsync(Finance + ",2026/11/30,7/STC-VP", CancellationToken.None)).Single();
        Assert.AreEqual("02", status.StatusCode);
        StringAssert.Contains(status.Description, "không phải nơi đã gửi văn bản " + ProvinceDocument);
    }

    [TestMethod]
    public async Task Squatted_identifier_another_agencys_package_under_the_provinces_identifier_is_refused_and_the_genuine_one_registers()
    {
        await using var scenario = await ExchangeScenario.StartAsync(DatabaseProvider.Sqlite, VietnamTime.At(2026, 11, 30, 9, 0));
        var squatter = FromProvince() with { Header = FromProvince().Header with { From = new EdxmlOrganization(Finance, "Sở Tài chính") } };

        await scenario.Axis.InjectAsync(Finance, Department, ProvinceDocument, EdxmlWriter.Write(squatter));
        await scenario.PullAsync();
        await scenario.Province.SendAsync(ExchangeTests.FromProvince("93"), CancellationToken.None);
        await scenario.StepAsync(scenario.PullAsync);

        var item = (await scenario.Clerk.GetFromJsonAsync<JsonObject>("/api/incoming"))!["items"]!.AsArray().Single()!;
        Assert.AreEqual("UBND tỉnh Lạng Sơn", (string?)item["issuingAgency"], "the identifier stays with its agency");
        Assert.AreEqual("ForeignIdentifier", (string?)(await RefusalAsync(scenario))["cause"]);
        Assert.AreEqual("02", (await scenario.Axis.ClientFor(Finance).StatusesAsync(ProvinceDocument, CancellationToken.None)).Single().StatusCode);
    }

    [TestMethod]
    public async Task Article5_2_and_11_1_a_package_marked_secret_is_refused_with_status_02_citing_the_articles()
    {
        await using var scenario = await ExchangeScenario.StartAsync(DatabaseProvider.Sqlite, VietnamTime.At(2026, 11, 30, 9, 0));
        var secret = FromProvince() with
        {
            Header = FromProvince().Header with { OtherInfo = new EdxmlOtherInfo(EdxmlPriority.Normal, SecurityLevel: "Tuyệt mật") },
        };

        await scenario.Province.SendAsync(EdxmlWriter.Write(secret), CancellationToken.None);
        await scenario.PullAsync();

        Assert.AreEqual(0, (int)(await scenario.Clerk.GetFromJsonAsync<JsonObject>("/api/incoming"))!["total"]!, "a state secret never enters the system");
        Assert.AreEqual("StateSecret", (string?)(await RefusalAsync(scenario))["cause"]);
        var status = (await scenario.Province.StatusesAsync(ProvinceDocument, CancellationToken.None)).Single();
        Assert.AreEqual("02", status.StatusCode);
        StringAssert.Contains(status.Description, "Điều 5 khoản 2, Điều 11 khoản 1");
    }

    [TestMethod]
    public async Task Decree30_AppendixVI_a_second_document_under_a_registered_identifier_is_set_aside_as_a_duplicate_identifier_not_acknowledged()
    {
        var (scenario, _) = await RegisteredAsync();
        await using var __ = scenario;
        var other = FromProvince() with { Header = FromProvince().Header with { Subject = "Một văn bản khác cùng mã định danh" } };

        await scenario.Province.SendAsync(ExchangeTests.FromProvince("93"), CancellationToken.None);
        await scenario.PullAsync();
        await scenario.Province.SendAsync(EdxmlWriter.Write(other), CancellationToken.None);
        await scenario.PullAsync();

        var admin = await scenario.Host.LoginAsync("quantri");
        var failure = (await IntakeFailureTests.FailuresAsync(admin)).Single()!;
        Assert.AreEqual("DuplicateIdentifier", (string?)failure["cause"], "the redelivery of the same content is no failure; the other content is");
        Assert.IsNotNull(failure["setAsideAt"], "set aside at once for the administrator");
        Assert.AreEqual(1, (int)(await scenario.Clerk.GetFromJsonAsync<JsonObject>("/api/incoming"))!["total"]!);
        var pending = await scenario.Axis.ClientFor(Department).PendingAsync(CancellationToken.None);
        Assert.AreEqual(1, pending.Count, "the duplicate is not acknowledged at the axis");
    }
}
