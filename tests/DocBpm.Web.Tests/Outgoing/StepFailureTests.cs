using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DocBpm.Engine.Persistence;
using DocBpm.Web.Outgoing;

using static DocBpm.Web.Tests.Outgoing.OutgoingClient;

namespace DocBpm.Web.Tests.Outgoing;

/// <summary>
/// Issue #20: a step with side effects that fails after its retries (an engine incident) reaches the person who can act
/// on it — the signing leader for the signature (Article 9.3), the clerks for issuing and dispatch (Articles 9.2b,
/// 10.1) — on the document page and as an inbox line "Sự cố", and the stage shown does not advance meanwhile.
/// </summary>
[TestClass]
public sealed class StepFailureTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [TestMethod]
    public async Task Article9_3_a_signature_without_a_key_reaches_the_signing_leader_who_retries_it_once_the_key_is_configured()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var (people, id) = await FailedSignatureAsync(host);

        var leaderView = await PageAsync(people.Deputy, id);
        Assert.AreEqual(Documents.Outgoing.FailedStep.Signing, leaderView.Failures.Single().Step);
        Assert.IsTrue(leaderView.Failures[0].MayRetry);
        StringAssert.StartsWith(leaderView.Failures[0].Message, "Ký số không thành công: ");
        StringAssert.Contains(leaderView.Failures[0].Message, "Bấm 'Thử lại' hoặc báo quản trị");
        Assert.AreEqual("Ký số không thành công", leaderView.StageText(), "never 'Đã ký' without the signed file");
        Assert.IsFalse(leaderView.SignedFileReady);
        var drafterView = await PageAsync(people.Drafter, id);
        Assert.IsFalse(drafterView.Failures.Single().MayRetry, "the drafter learns of it but cannot act");
        Assert.IsNull(drafterView.Failures[0].Detail, "the technical text (key files, hosts) is for who can act and report it");
        Assert.IsNotNull(leaderView.Failures[0].Detail);
        StringAssert.Contains(drafterView.Failures[0].Message, "Lãnh đạo ký đã được báo");

        var line = (await people.Deputy.GetFromJsonAsync<JsonArray>("/api/inbox"))!.Single(i => (bool)i!["incident"]!)!;
        Assert.AreEqual("Sự cố: Ký số không thành công", (string?)line["taskName"]);
        Assert.AreEqual(id, (Guid)line["outgoingId"]!);
        Assert.IsFalse((await people.Clerk.GetFromJsonAsync<JsonArray>("/api/inbox"))!.Any(i => (bool)i!["incident"]!), "the clerks cannot sign for the leader");
        var admin = await host.LoginAsync("quantri");
        Assert.AreEqual(1, (await admin.GetFromJsonAsync<JsonArray>("/api/incidents"))!.Count, "the admin still sees it in the monitor");
        Assert.AreEqual(HttpStatusCode.Forbidden, (await people.Clerk.PostAsync($"/api/outgoing/{id}/retry", null)).StatusCode);

        var unchanged = await Ok(await people.Deputy.PostAsync($"/api/outgoing/{id}/retry", null));
        Assert.AreEqual(1, (int)unchanged!["retried"]!);
        Assert.IsNotNull((string?)unchanged["stillFailing"], "a retry before the key is configured says it still fails");
        await RunUntilIncidentAsync(host);
        MissingKeys.Of(host).Fix();
        var retried = await Ok(await people.Deputy.PostAsync($"/api/outgoing/{id}/retry", null));
        Assert.IsNull((string?)retried!["stillFailing"]);

        var after = await PageAsync(people.Deputy, id);
        Assert.AreEqual(0, after.Failures.Count);
        Assert.IsTrue(after.SignedFileReady, "the clerk's check opens once the signed file exists");
        Assert.AreEqual("Đã ký, chờ phát hành", after.StageText());
        Assert.IsFalse((await people.Deputy.GetFromJsonAsync<JsonArray>("/api/inbox"))!.Any(i => (bool)i!["incident"]!), "the line disappears");
        Assert.AreEqual(0, (await admin.GetFromJsonAsync<JsonArray>("/api/incidents"))!.Count);
    }

    [TestMethod]
    public async Task Article10_1_a_dispatch_that_cannot_be_built_reaches_the_clerks_and_the_document_is_not_shown_as_issued()
    {
        // No Exchange:AgencyCode: the package for the axis cannot carry the sender's identifier.
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        host.Settings["Exchange:AgencyCode"] = "";
        OutgoingPeople.UseTestKeys(host, OutgoingPeople.Wednesday);
        var people = await OutgoingPeople.StartAsync(host);
        var id = await people.Drafter.CreateOutgoingAsync(new
        {
            typeCode = "CV", subject = "Về việc báo cáo số liệu", recipients = new object[] { new { kind = "Agency", code = "000.00.01.H37" } },
        });
        await people.ToClerkAsync(id, "v1");
        await people.IssueAsync(id);
        await RunUntilIncidentAsync(host);

        var clerkView = await PageAsync(people.Clerk, id);
        Assert.AreEqual(Documents.Outgoing.FailedStep.Dispatch, clerkView.Failures.Single().Step);
        Assert.IsTrue(clerkView.Failures[0].MayRetry);
        Assert.AreEqual("Gửi văn bản lên trục liên thông không thành công", clerkView.StageText(), "never 'Đã ban hành' while dispatch is an incident");
        var line = (await people.Clerk.GetFromJsonAsync<JsonArray>("/api/inbox"))!.Single(i => (bool)i!["incident"]!)!;
        Assert.AreEqual("Sự cố: Gửi văn bản lên trục liên thông không thành công", (string?)line["taskName"]);
        Assert.IsFalse((await people.Deputy.GetFromJsonAsync<JsonArray>("/api/inbox"))!.Any(i => (bool)i!["incident"]!));
        Assert.AreEqual(HttpStatusCode.Forbidden, (await people.Deputy.PostAsync($"/api/outgoing/{id}/retry", null)).StatusCode);
    }

    [TestMethod]
    public async Task Article9_2b_an_agency_signature_failing_after_the_number_reaches_the_clerks_who_retry_it_once_the_key_is_configured()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        OutgoingPeople.UseTestKeys(host, OutgoingPeople.Wednesday);
        MissingKeys.Use(host, "agency");
        var people = await OutgoingPeople.StartAsync(host);
        var id = await people.Drafter.CreateOutgoingAsync(new
        {
            typeCode = "CV", subject = "Về việc tổng kết năm học", recipients = new object[] { new { kind = "Unit", code = "TCCB" } },
        });
        await people.ToClerkAsync(id, "v1");
        await people.IssueAsync(id);
        await RunUntilIncidentAsync(host);

        var clerkView = await PageAsync(people.Clerk, id);
        Assert.AreEqual(Documents.Outgoing.FailedStep.Issuing, clerkView.Failures.Single().Step);
        Assert.IsTrue(clerkView.Failures[0].MayRetry);
        Assert.AreEqual("Phát hành không thành công: văn bản đã có số nhưng chưa ký số cơ quan và lưu được bản phát hành. Bấm 'Thử lại' hoặc báo quản trị.",
            clerkView.Failures[0].Message);
        Assert.AreEqual("Phát hành không thành công", clerkView.StageText(), "never 'Đã ban hành' while the agency signature is an incident");
        var drafterView = await PageAsync(people.Drafter, id);
        StringAssert.Contains(drafterView.Failures.Single().Message, "Văn thư đã được báo để thử lại.");
        var line = (await people.Clerk.GetFromJsonAsync<JsonArray>("/api/inbox"))!.Single(i => (bool)i!["incident"]!)!;
        Assert.AreEqual("Sự cố: Phát hành không thành công", (string?)line["taskName"]);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await people.Deputy.PostAsync($"/api/outgoing/{id}/retry", null)).StatusCode, "the leader cannot issue for the clerks");

        MissingKeys.Of(host).Fix();
        var retried = await Ok(await people.Clerk.PostAsync($"/api/outgoing/{id}/retry", null));
        Assert.IsNull((string?)retried!["stillFailing"]);
        await host.RunDueWorkAsync();

        var after = await PageAsync(people.Clerk, id);
        Assert.AreEqual(0, after.Failures.Count);
        Assert.IsNotNull(after.IssuedFileId, "the agency-signed file is stored once the retry succeeds");
        Assert.IsFalse((await people.Clerk.GetFromJsonAsync<JsonArray>("/api/inbox"))!.Any(i => (bool)i!["incident"]!), "the line disappears");
    }

    /// <summary>A draft at the clerk's check whose signing leader (phogiamdoc1) has no key: the signature step is an incident.</summary>
    public static async Task<(OutgoingPeople People, Guid Id)> FailedSignatureAsync(DocBpmWebFactory host)
    {
        OutgoingPeople.UseTestKeys(host, OutgoingPeople.Wednesday);
        MissingKeys.Use(host, "phogiamdoc1");
        var people = await OutgoingPeople.StartAsync(host);
        var id = await people.Drafter.CreateOutgoingAsync(new
        {
            typeCode = "CV", subject = "Về việc kiểm tra cơ sở vật chất", recipients = new object[] { new { kind = "Unit", code = "TCCB" } },
        });
        await people.ToClerkAsync(id, "v1");
        await RunUntilIncidentAsync(host);
        return (people, id);
    }

    /// <summary>The scheduler's retries with back-off (10 s, 20 s) until the last attempt raises the incident.</summary>
    public static async Task RunUntilIncidentAsync(DocBpmWebFactory host)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            host.Clock.Advance(TimeSpan.FromMinutes(1));
            await host.RunDueWorkAsync();
        }
    }

    private static async Task<OutgoingPage> PageAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<OutgoingPage>($"/api/outgoing/{id}", Json))!;
}
