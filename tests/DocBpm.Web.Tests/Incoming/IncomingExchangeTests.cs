using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Documents.Exchange;
using DocBpm.Edxml;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Timers;

namespace DocBpm.Web.Tests.Incoming;

/// <summary>Documents from the axis are incoming documents like paper ones: same register, same actions, plus the sender.</summary>
[TestClass]
public sealed class IncomingExchangeTests
{
    [TestMethod]
    public async Task A_document_from_the_axis_is_an_incoming_document_registered_with_the_senders_fields()
    {
        await using var scenario = await ExchangeScenario.StartAsync(DatabaseProvider.Sqlite, VietnamTime.At(2026, 11, 30, 9, 0));
        var (province, clerk) = (scenario.Province, scenario.Clerk);
        var receipt = await province.SendAsync(ExchangeTests.FromProvince("92"), CancellationToken.None);
        await scenario.StepAsync(scenario.PullAsync);

        var item = (await clerk.GetFromJsonAsync<JsonObject>("/api/incoming"))!["items"]!.AsArray().Single()!;
        Assert.AreEqual("UBND tỉnh Lạng Sơn", (string?)item["issuingAgency"]);
        Assert.AreEqual(1, (int)(await clerk.GetFromJsonAsync<JsonObject>("/api/incoming?sender=ubnd tinh lang son"))!["total"]!, "intake keys the search too");
        Assert.AreEqual("Urgent", (string?)item["urgency"], "the axis priority becomes the urgency (Khẩn)");
        var id = (Guid)item["id"]!;
        var detail = await clerk.DetailAsync(id);
        Assert.AreEqual("Axis", (string?)detail["source"]);
        Assert.AreEqual("Lê Văn C", (string?)detail["signer"]);
        Assert.AreEqual(1, detail["files"]!.AsArray().Count);

        await scenario.StepAsync(() => clerk.RegisterAsync(id, "Về việc triển khai kế hoạch chuyển đổi số", "Urgent"));
        var statuses = await province.StatusesAsync(receipt.DocumentId, CancellationToken.None);
        Assert.AreEqual("01 03", string.Join(" ", statuses.Select(s => s.StatusCode)), "registering tells the sender it was received");
    }

    [TestMethod]
    public async Task Article8_2c_a_recalled_document_is_cancelled_kept_and_out_of_every_inbox()
    {
        await using var scenario = await ExchangeScenario.StartAsync(DatabaseProvider.Sqlite, VietnamTime.At(2026, 11, 30, 9, 0));
        var (province, clerk, host) = (scenario.Province, scenario.Clerk, scenario.Host);
        await province.SendAsync(ExchangeTests.FromProvince("93"), CancellationToken.None);
        await scenario.StepAsync(scenario.PullAsync);
        var id = (Guid)(await clerk.GetFromJsonAsync<JsonObject>("/api/incoming"))!["items"]![0]!["id"]!;
        await clerk.RegisterAsync(id);
        var director = await host.LoginAsync("giamdoc");
        Assert.AreEqual(1, (await director.InboxAsync()).Count);

        var recall = EdxmlReader.ReadPackage(ExchangeTests.FromProvince("93")).Value! with
        {
            Business = new EdxmlBusiness(BusinessDocType.Revoke, "Ban hành nhầm", null, false),
        };
        await province.SendAsync(EdxmlWriter.Write(recall), CancellationToken.None);
        await scenario.PullAsync();
        Assert.AreEqual(0, (await director.InboxAsync()).Count, "the recall takes the document out of the Director's inbox");
        Assert.IsTrue((bool)(await clerk.DetailAsync(id))["actions"]!["confirmRecall"]!);
        (await clerk.PostAsync($"/api/incoming/{id}/recall", null)).EnsureSuccessStatusCode();

        var cancelled = await clerk.DetailAsync(id);
        Assert.AreEqual("Cancelled", (string?)cancelled["summary"]!["status"]);
        Assert.AreEqual("UBND tỉnh Lạng Sơn (000.00.00.H37) thu hồi văn bản: Ban hành nhầm", (string?)cancelled["cancelReason"],
            "the history names the recalling agency and its notice");
        Assert.AreEqual("cancelled:vanthu", $"{cancelled["history"]!.AsArray().Last()!["action"]}:{cancelled["history"]!.AsArray().Last()!["userName"]}");
        Assert.AreEqual(0, (await clerk.InboxAsync()).Count);
        Assert.AreEqual(1, (int)(await clerk.GetFromJsonAsync<JsonObject>("/api/incoming?status=Cancelled"))!["total"]!, "kept, marked cancelled");
    }
}
