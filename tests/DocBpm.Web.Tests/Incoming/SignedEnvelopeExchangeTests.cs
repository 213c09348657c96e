using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DocBpm.Documents.Exchange;
using DocBpm.Documents.Tests.Signatures;
using DocBpm.Edxml;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Engine.Timers;
using static DocBpm.Web.Tests.AxisServer;

namespace DocBpm.Web.Tests.Incoming;

/// <summary>
/// Issue 21, end to end: the Provincial People's Committee signs its envelope with its agency key, the axis passes it on
/// unchanged, and the Department's DocBpm checks who signed (Article 8.1a) before taking it in.
/// </summary>
[TestClass]
public sealed class SignedEnvelopeExchangeTests
{
    private const string DocumentId = Province + ",2026/12/01,45/UBND-KGVX";

    private static byte[] Package(string subject) => EdxmlWriter.Write(new EdxmlPackage(
        new EdxmlMessageHeader(new EdxmlOrganization(Province, "UBND tỉnh Lạng Sơn"), [new EdxmlOrganization(Department, "Sở Giáo dục và Đào tạo")],
            "45", "UBND-KGVX", "Lạng Sơn", new DateOnly(2026, 12, 1), new EdxmlDocumentType(2, "Công văn"), subject,
            new EdxmlSigner(null, "Chủ tịch", "Hồ Tiến Thiệu"), new EdxmlOtherInfo(EdxmlPriority.Normal), DocumentId),
        [new EdxmlTrace(Province, VietnamTime.At(2026, 12, 2, 8, 0))], new EdxmlBusiness(BusinessDocType.New, null, null, false),
        [new EdxmlAttachment("f1", "45.pdf", "application/pdf", "%PDF-1.7"u8.ToArray())]));

    [TestMethod]
    public async Task Article8_1a_signed_envelope_crosses_the_axis_and_is_recorded_valid_while_one_tampered_in_transit_is_refused_with_status_02()
    {
        await using var scenario = await ExchangeScenario.StartAsync(DatabaseProvider.Sqlite, VietnamTime.At(2026, 12, 2, 9, 0),
            host => host.Settings["Signatures:TrustAnchors:0"] = TestPki.Instance.RootFile);
        var admin = await scenario.Host.LoginAsync("quantri");
        (await admin.PostAsJsonAsync("/api/signatures/authorities",
            new { kind = "Organisation", name = "UBND tỉnh Lạng Sơn", subjectIdentifier = "MNS:1234567", agencyCode = Province })).EnsureSuccessStatusCode();
        var signed = await EnvelopeSignature.SignAsync(Package("Về việc rà soát số liệu học sinh"), TestPki.Instance.Agency.SigningKey, CancellationToken.None);
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(signed).Replace("rà soát số liệu học sinh", "thu hồi số liệu học sinh", StringComparison.Ordinal));

        await scenario.Axis.InjectAsync(Province, Department, DocumentId, tampered);
        await scenario.StepAsync(scenario.PullAsync);

        Assert.AreEqual(0, (int)(await scenario.Clerk.GetFromJsonAsync<JsonObject>("/api/incoming"))!["total"]!, "nothing of the tampered package is stored");
        var refused = (await scenario.Province.StatusesAsync(DocumentId, CancellationToken.None)).Single();
        Assert.AreEqual("02", refused.StatusCode);
        StringAssert.Contains(refused.Description, "gói tin đã bị thay đổi sau khi ký");
        Assert.AreEqual("Signature", (string?)(await IntakeFailureTests.FailuresAsync(admin, open: false)).Single()!["cause"]);

        await scenario.Province.SendAsync(signed, CancellationToken.None);
        await scenario.StepAsync(scenario.PullAsync);

        var list = (await scenario.Clerk.GetFromJsonAsync<JsonObject>("/api/incoming"))!;
        Assert.AreEqual(1, (int)list["total"]!, list.ToJsonString());
        var detail = (await scenario.Clerk.GetFromJsonAsync<JsonNode>($"/api/incoming/{list["items"]![0]!["id"]}"))!;
        var line = detail["history"]!.AsArray().Single(h => (string?)h!["action"] == "envelope-signature")!;
        StringAssert.StartsWith((string?)line["detail"], "Gói tin có chữ ký số hợp lệ của cơ quan gửi: ");
        StringAssert.Contains((string?)line["detail"], Province);
        Assert.AreEqual("01", (await scenario.Province.StatusesAsync(DocumentId, CancellationToken.None))[^1].StatusCode);
    }
}
