using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClosedXML.Excel;
using DocBpm.Documents.Exchange;
using DocBpm.Documents.Registers;
using DocBpm.Edxml;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Engine.Timers;
using static DocBpm.Web.Tests.AxisServer;

namespace DocBpm.Web.Tests.Outgoing;

/// <summary>Article 9 end to end over HTTP: drafted, reviewed, returned twice, signed, issued, dispatched, received elsewhere, corrected.</summary>
[TestClass]
public sealed class OutgoingProcessTests
{
    private const string Finance = "000.00.13.H37";

    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Article9_draft_is_reviewed_returned_signed_issued_dispatched_and_corrected(DatabaseProvider provider)
    {
        await using var scenario = await ExchangeScenario.StartAsync(provider, OutgoingPeople.Wednesday,
            host => OutgoingPeople.UseTestKeys(host, OutgoingPeople.Wednesday));
        var host = scenario.Host;
        var people = await OutgoingPeople.StartAsync(host);
        var (drafter, reviewer, head, clerk) = (people.Drafter, people.Reviewer, people.Head, people.Clerk);
        var admin = await host.LoginAsync("quantri");
        await OutgoingClient.Ok(await admin.PutAsJsonAsync($"/api/agencies/{Finance}", new { code = Finance, name = "Sở Tài chính tỉnh Lạng Sơn" }));

        await scenario.Province.SendAsync(ExchangeTests.FromProvince("88"), CancellationToken.None);
        await scenario.PullAsync();
        var question = (await clerk.GetFromJsonAsync<JsonNode>("/api/incoming"))!["items"]![0]!;

        var id = await drafter.CreateOutgoingAsync(new
        {
            inReplyTo = (Guid)question["id"]!,
            typeCode = "CV",
            subject = "Về việc kiểm tra cơ sở vật chất trường học năm 2026",
            urgency = "Normal",
            copies = 3,
            recipients = new object[] { new { kind = "Agency", code = Finance }, new { kind = "Unit", code = "TCCB" }, new { kind = "Person", code = "chuyenvien.khtc" } },
        });
        await drafter.UploadAsync(id, "du-thao.pdf", OutgoingClient.Pdf("v1"));
        await drafter.StepAsync(id, "submit", new { reviewers = new[] { "KHTC" } });
        await reviewer.StepAsync(id, "opinion", new { comment = "Đề nghị bổ sung kinh phí" });
        var refused = await drafter.PostAsJsonAsync($"/api/outgoing/{id}/approve", new { });
        Assert.AreEqual(HttpStatusCode.Forbidden, refused.StatusCode, "only the unit head does the final check (Article 9.2a)");
        await head.StepAsync(id, "return", new { reason = "Sửa lại trích yếu" });

        await people.ToClerkAsync(id, "v2");
        await clerk.StepAsync(id, "return", new { reason = "Sai thể thức phần nơi nhận" });

        await people.ToClerkAsync(id, "v3");
        var issued = await people.IssueAsync(id);

        Assert.AreEqual("01/SGDĐT-GDTrH", (string?)issued["numberAndNotation"], "a công văn's notation is agency-unit (NĐ30 Phụ lục I)");
        Assert.AreEqual("KT. GIÁM ĐỐC", (string?)issued["signerCompetence"]);
        var page = await drafter.PageAsync(id);
        Assert.AreEqual("Issued", (string?)page["stage"]);
        Assert.AreEqual("88/UBND-KGVX", (string?)page["inReplyTo"]!["numberAndNotation"], "a reply keeps its link to the incoming document");
        CollectionAssert.AreEqual(new[] { 1, 2, 3 }, page["versions"]!.AsArray().Select(v => (int)v!["version"]!).ToArray(), "every upload is kept");
        var history = page["history"]!.AsArray().Select(h => $"{h!["action"]}:{h["comment"]}").ToList();
        CollectionAssert.IsSubsetOf(new[] { "Opinion:Đề nghị bổ sung kinh phí", "Returned:Sửa lại trích yếu", "ReturnedByClerk:Sai thể thức phần nơi nhận", "Issued:01/SGDĐT-GDTrH" }, history);
        var agency = Recipient(page, Finance);
        Assert.AreEqual("Sent", (string?)agency["delivery"], "Article 9.4: the drafter follows each recipient");
        Assert.AreEqual("Delivered", (string?)Recipient(page, "TCCB")["delivery"]);
        await AssertLegallySignedAsync(clerk, id, (Guid)page["issuedFileId"]!);

        await using var finance = await FinanceAsync(scenario);
        var financeClerk = await finance.LoginAsync("vanthu");
        await ReceivedByFinanceAsync(finance, financeClerk, (string)page["nationalId"]!);
        await scenario.PullAsync();
        Assert.AreEqual("Arrived", (string?)Recipient(await drafter.PageAsync(id), Finance)["processing"], "the receiver's status comes back over the axis");

        await (await host.LoginAsync("truongphong.tccb")).CompleteMyTaskAsync("Receive");
        await reviewer.CompleteMyTaskAsync("Receive");
        Assert.AreEqual("Read", (string?)Recipient(await drafter.PageAsync(id), "TCCB")["delivery"]);

        var correction = (Guid)(await OutgoingClient.Ok(await drafter.PostAsJsonAsync($"/api/outgoing/{id}/corrections",
            new { kind = "Notice", subject = "Đính chính Công văn số 01/SGDĐT-GDTrH" })))!["id"]!;
        await people.ToClerkAsync(correction, "đính chính");
        var corrected = await people.IssueAsync(correction);

        Assert.AreEqual("02/SGDĐT-GDTrH", (string?)corrected["numberAndNotation"]);
        Assert.AreEqual(id, (Guid)corrected["corrects"]!["id"]!);
        Assert.AreEqual(correction, (Guid)(await drafter.PageAsync(id))["correctedBy"]!["id"]!, "linked both ways (Article 9.5)");
        CollectionAssert.AreEquivalent(new[] { Finance, "TCCB", "chuyenvien.khtc" },
            corrected["recipients"]!.AsArray().Select(r => (string?)r!["code"]).ToArray(), "sent to the same recipients");
        Assert.AreEqual("Sent", (string?)Recipient(await drafter.PageAsync(correction), Finance)["delivery"]);
        await AssertFinanceLinksTheCorrectionAsync(finance, financeClerk);

        var export = $"/api/registers/{RegisterBookSeed.Outgoing}/export?from=2026-11-25&to=2026-11-25&format=xlsx";
        using var register = new XLWorkbook(new MemoryStream(await clerk.GetByteArrayAsync(export)));
        var rows = string.Join(" | ", register.Worksheet(1).CellsUsed().Select(c => c.GetString()));
        StringAssert.Contains(rows, "01/SGDĐT-GDTrH");
        StringAssert.Contains(rows, "Đính chính văn bản số 01/SGDĐT-GDTrH", "the register notes what the notice corrects");
        Assert.AreEqual(HttpStatusCode.Forbidden, (await drafter.GetAsync(export)).StatusCode);
    }

    /// <summary>Article 4: the issued file carries the leader's and the agency's valid signatures.</summary>
    private static async Task AssertLegallySignedAsync(HttpClient clerk, Guid id, Guid fileId)
    {
        var pdf = await clerk.GetByteArrayAsync($"/api/outgoing/{id}/files/{fileId}");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(pdf), "file", "van-ban.pdf" } };
        var report = (await OutgoingClient.Ok(await clerk.PostAsync("/api/signatures/verify", form)))!;
        Assert.AreEqual("LegallyValid", (string?)report["legalStatus"], report.ToJsonString());
        CollectionAssert.AreEqual(new[] { "Person", "Organisation" },
            report["signatures"]!.AsArray().Select(s => (string?)s!["signer"]!["kind"]).ToArray(), "personal signature first, then the agency's");
    }

    internal static JsonNode Recipient(JsonNode page, string code) =>
        page["recipients"]!.AsArray().Single(r => (string?)r!["code"] == code)!;

    /// <summary>The Department of Finance's own DocBpm, on the same axis.</summary>
    private static async Task<DocBpmWebFactory> FinanceAsync(ExchangeScenario scenario)
    {
        var finance = await DocBpmWebFactory.CreateAsync(scenario.Host.Database.Provider);
        finance.Settings["Exchange:AxisUrl"] = scenario.Axis.Address.ToString();
        finance.Settings["Exchange:AgencyCode"] = Finance;
        finance.Settings["Exchange:AgencyName"] = "Sở Tài chính tỉnh Lạng Sơn";
        finance.Settings["Exchange:AgencyKey"] = Key(Finance);
        return finance;
    }

    /// <summary>Finance takes the package from the axis, registers it and reports back.</summary>
    private static async Task ReceivedByFinanceAsync(DocBpmWebFactory finance, HttpClient financeClerk, string nationalId)
    {
        await OutgoingClient.Ok(await financeClerk.PostAsync("/api/exchange/pull", null));
        await finance.RunDueWorkAsync();
        var received = (await financeClerk.GetFromJsonAsync<JsonArray>("/api/exchange/received"))!.Single()!;
        Assert.AreEqual(nationalId, (string?)received["documentId"]);
        Assert.AreEqual("Về việc kiểm tra cơ sở vật chất trường học năm 2026", (string?)received["subject"]);
    }

    /// <summary>Article 9.5 at the receiver: the correction notice arrives naming the document it corrects, and the two are linked both ways.</summary>
    private static async Task AssertFinanceLinksTheCorrectionAsync(DocBpmWebFactory finance, HttpClient financeClerk)
    {
        await OutgoingClient.Ok(await financeClerk.PostAsync("/api/exchange/pull", null));
        await finance.RunDueWorkAsync();
        var received = (await financeClerk.GetFromJsonAsync<JsonNode>("/api/incoming"))!["items"]!.AsArray();
        var original = (Guid)received.Single(d => (string?)d!["codeNumber"] == "01")!["id"]!;
        var notice = (Guid)received.Single(d => (string?)d!["codeNumber"] == "02")!["id"]!;

        var corrects = (await financeClerk.GetFromJsonAsync<JsonNode>($"/api/incoming/{notice}"))!["corrects"]!;
        Assert.AreEqual(original, (Guid)corrects["id"]!, "the notice points to the document it corrects");
        Assert.AreEqual("01/SGDĐT-GDTrH", (string?)corrects["numberAndNotation"]);
        Assert.AreEqual("Notice", (string?)corrects["kind"]);
        Assert.AreEqual(notice, (Guid)(await financeClerk.GetFromJsonAsync<JsonNode>($"/api/incoming/{original}"))!["correctedBy"]!["id"]!,
            "the original shows it has a correction");
        StringAssert.Contains(WebUtility.HtmlDecode(await financeClerk.GetStringAsync($"/incoming/{notice}")),
            $"Đính chính văn bản số <a id=\"corrects\" href=\"/incoming/{original}\">01/SGDĐT-GDTrH</a>", "the recipient's page links it");
    }
}
