using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Edxml;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Engine.Timers;
using DocBpm.Web.Tests.Outgoing;

namespace DocBpm.Web.Tests.Incoming;

/// <summary>
/// Articles 5.5 and 8.2b: a document also sent on paper says so in its edXML package; the receiver keeps the flag, and
/// the clerk's hand-over of the paper original to the main handler is recorded once, with who and when.
/// </summary>
[TestClass]
public sealed class PaperOriginalTests
{
    private const string Finance = "000.00.13.H37";

    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    [TestMethod]
    public async Task Article5_5_a_draft_marked_sent_with_paper_says_so_in_the_edXML_it_sends()
    {
        await using var scenario = await ExchangeScenario.StartAsync(DatabaseProvider.Sqlite, OutgoingPeople.Wednesday,
            host => OutgoingPeople.UseTestKeys(host, OutgoingPeople.Wednesday));
        var people = await OutgoingPeople.StartAsync(scenario.Host);
        var admin = await scenario.Host.LoginAsync("quantri");
        await OutgoingClient.Ok(await admin.PutAsJsonAsync($"/api/agencies/{Finance}", new { code = Finance, name = "Sở Tài chính tỉnh Lạng Sơn" }));
        var withPaper = await people.Drafter.CreateOutgoingAsync(Draft("Về việc phê duyệt dự án sửa chữa trường học", paper: true));
        var electronic = await people.Drafter.CreateOutgoingAsync(Draft("Về việc báo cáo số liệu", paper: false));
        Assert.IsTrue((bool)(await people.Drafter.PageAsync(withPaper))["paperAlsoSent"]!, "the page shows the choice");

        foreach (var id in new[] { withPaper, electronic })
        {
            await people.ToClerkAsync(id, "bản ký");
            await people.IssueAsync(id);
        }

        var finance = scenario.Axis.ClientFor(Finance);
        var sent = new Dictionary<string, bool>();
        foreach (var pending in await finance.PendingAsync(CancellationToken.None))
        {
            var content = await finance.FetchAsync(pending.PackageId, CancellationToken.None);
            var package = EdxmlReader.ReadPackage(content).Value!;
            sent[package.Header.Subject] = package.Business.PaperAlsoSent;
            Assert.AreEqual(DocBpm.Documents.Exchange.EnvelopeSeal.Intact, DocBpm.Documents.Exchange.EnvelopeSignature.Read(content).State,
                "issue 21: with the agency key configured, the envelope is signed with it and reaches the recipient intact");
        }

        Assert.IsTrue(sent["Về việc phê duyệt dự án sửa chữa trường học"], "Bussiness/Paper = 1: the paper original follows");
        Assert.IsFalse(sent["Về việc báo cáo số liệu"], "an electronic document replaces the paper one (Article 5.3)");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Article8_2b_the_paper_original_the_sender_announces_is_stored_and_its_hand_over_to_the_main_handler_is_recorded_once(
        DatabaseProvider provider)
    {
        await using var scenario = await ExchangeScenario.StartAsync(provider, VietnamTime.At(2026, 11, 30, 9, 0));
        var (province, clerk) = (scenario.Province, scenario.Clerk);
        var withPaper = EdxmlReader.ReadPackage(ExchangeTests.FromProvince("93")).Value!;
        await province.SendAsync(EdxmlWriter.Write(withPaper with { Business = withPaper.Business with { PaperAlsoSent = true } }), CancellationToken.None);
        await province.SendAsync(ExchangeTests.FromProvince("94"), CancellationToken.None);
        await scenario.StepAsync(scenario.PullAsync);
        var items = (await clerk.GetFromJsonAsync<JsonObject>("/api/incoming"))!["items"]!.AsArray();
        var paper = (Guid)items.Single(i => (string?)i!["codeNumber"] == "93")!["id"]!;
        var electronic = (Guid)items.Single(i => (string?)i!["codeNumber"] == "94")!["id"]!;

        var original = (await clerk.DetailAsync(paper))["paperOriginal"]!;
        Assert.IsTrue((bool)original["exists"]! && (bool)original["sentBySender"]!, "the package's flag is stored");
        Assert.IsNull(original["deliveredAt"]);
        Assert.IsFalse((bool)(await clerk.DetailAsync(electronic))["paperOriginal"]!["exists"]!);

        var director = await scenario.Host.LoginAsync("giamdoc");
        foreach (var id in new[] { paper, electronic })
        {
            await scenario.StepAsync(() => clerk.RegisterAsync(id, "Về việc triển khai kế hoạch chuyển đổi số", "Urgent"));
            await scenario.StepAsync(async () => (await director.AssignAsync(id, "person:chuyenvien")).EnsureSuccessStatusCode());
        }

        Assert.IsFalse((bool)(await clerk.DetailAsync(electronic))["actions"]!["paperDelivered"]!, "no paper original, nothing to hand over");
        Assert.AreEqual(HttpStatusCode.Conflict, (await clerk.PostAsync($"/api/incoming/{electronic}/paper-delivered", null)).StatusCode);
        Assert.IsTrue((bool)(await clerk.DetailAsync(paper))["actions"]!["paperDelivered"]!);
        var handedAt = scenario.Host.Clock.GetUtcNow();
        (await clerk.PostAsync($"/api/incoming/{paper}/paper-delivered", null)).EnsureSuccessStatusCode();
        Assert.AreEqual(HttpStatusCode.NoContent, (await clerk.PostAsync($"/api/incoming/{paper}/paper-delivered", null)).StatusCode, "idempotent");

        var handler = await scenario.Host.LoginAsync("chuyenvien");
        var seen = await handler.DetailAsync(paper);
        Assert.AreEqual(handedAt, (DateTimeOffset)seen["paperOriginal"]!["deliveredAt"]!, "the main handler sees the original has reached him");
        Assert.AreEqual("vanthu", (string?)seen["paperOriginal"]!["deliveredBy"]);
        var handOvers = seen["history"]!.AsArray().Where(h => (string?)h!["action"] == "paper-delivered").ToList();
        Assert.AreEqual(1, handOvers.Count, "one history line, however often it is said");
        Assert.AreEqual("Chuyển bản giấy cho Mã Văn Viên", (string?)handOvers[0]!["detail"]);
        StringAssert.Contains(WebUtility.HtmlDecode(await handler.GetStringAsync($"/incoming/{paper}")), "đã chuyển bản giấy cho người xử lý chính");
    }

    private static object Draft(string subject, bool paper) => new
    {
        typeCode = "CV",
        subject,
        paperAlsoSent = paper,
        recipients = new object[] { new { kind = "Agency", code = Finance } },
    };
}
