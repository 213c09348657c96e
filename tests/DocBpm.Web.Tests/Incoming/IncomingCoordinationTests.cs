using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;

namespace DocBpm.Web.Tests.Incoming;

/// <summary>Coordinating handlers (phối hợp) of an incoming document get the process task "Phối hợp xử lý" (Article 8.2b).</summary>
[TestClass]
public sealed class IncomingCoordinationTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Coordinating_handlers_record_opinions_the_main_handler_reads_and_their_open_items_end_with_the_handling(DatabaseProvider provider)
    {
        await using var host = await DocBpmWebFactory.CreateAsync(provider);
        var clerk = await host.LoginAsync("vanthu");
        var id = await clerk.UploadAsync(host, "Về việc sửa chữa trường học");
        await clerk.RegisterAsync(id, "Về việc sửa chữa trường học");
        var director = await host.LoginAsync("giamdoc");
        (await director.AssignAsync(id, "person:chuyenvien", ["unit:KHTC", "person:truongphong.tccb"])).EnsureSuccessStatusCode();
        var finance = await host.LoginAsync("truongphong.khtc");
        var personnel = await host.LoginAsync("truongphong.tccb");
        var handler = await host.LoginAsync("chuyenvien");

        var item = (await finance.InboxAsync()).Single(t => (string?)t!["elementId"] == "Coordinate")!;
        Assert.AreEqual(id, (Guid?)item["documentId"], "the coordinating unit's head has the item, which leads to the document");
        Assert.IsTrue((await personnel.InboxAsync()).Any(t => (string?)t!["elementId"] == "Coordinate" && (Guid?)t["documentId"] == id));
        Assert.AreEqual(404, (int)(await GiveAsync(await host.LoginAsync("chuyenvien.gdmnth"), id, "Không được giao")).StatusCode,
            "someone who may not see the document cannot answer on it");
        Assert.AreEqual(409, (int)(await GiveAsync(handler, id, "Tôi là người chủ trì")).StatusCode, "the main handler has no coordination item");

        Assert.AreEqual(201, (int)(await GiveAsync(finance, id, "KHTC bố trí được kinh phí sửa chữa năm 2027")).StatusCode);

        var coordination = (await handler.GetFromJsonAsync<JsonNode>($"/api/incoming/{id}/coordination"))!;
        var opinion = coordination["opinions"]!.AsArray().Single()!;
        Assert.AreEqual("KHTC", (string?)opinion["unitCode"]);
        Assert.AreEqual("KHTC bố trí được kinh phí sửa chữa năm 2027", (string?)opinion["text"]);
        CollectionAssert.AreEqual(new[] { "truongphong.tccb" }, coordination["waiting"]!.AsArray().Select(w => (string?)w).ToArray());
        StringAssert.Contains(WebUtility.HtmlDecode(await handler.GetStringAsync($"/incoming/{id}")), "KHTC bố trí được kinh phí sửa chữa năm 2027",
            "the document page shows the opinion to the main handler");
        Assert.IsFalse((await finance.InboxAsync()).Any(t => (string?)t!["elementId"] == "Coordinate"), "the answered item left the inbox");

        (await handler.PostAsJsonAsync($"/api/incoming/{id}/complete", new { result = "Đã tổng hợp ý kiến, báo cáo Giám đốc." })).EnsureSuccessStatusCode();

        Assert.IsFalse((await personnel.InboxAsync()).Any(t => (string?)t!["elementId"] == "Coordinate"), "the open item ended with the handling");
        Assert.AreEqual(409, (int)(await GiveAsync(personnel, id, "Quá muộn")).StatusCode);
        var history = (await clerk.DetailAsync(id))["history"]!.AsArray().Select(h => $"{h!["action"]}:{h["userName"]}").ToList();
        CollectionAssert.AreEqual(new[] { "uploaded:vanthu", "registered:vanthu", "assigned:giamdoc", "coordinated:truongphong.khtc", "completed:chuyenvien" },
            history, "the opinion is part of the document's history");
    }

    private static async Task<HttpResponseMessage> GiveAsync(HttpClient person, Guid id, string text)
    {
        using var form = new MultipartFormDataContent { { new StringContent(text), "text" } };
        return await person.PostAsync($"/api/incoming/{id}/opinions", form);
    }
}
