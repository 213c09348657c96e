using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Engine.Persistence;

namespace DocBpm.Web.Tests.Outgoing;

/// <summary>
/// Issue #20: the document page said "Chưa gửi" while <c>/api/exchange/dispatches</c> said Sent. Both now read each
/// recipient's progress from its dispatch record (Articles 9.4, 10.1), so they agree in every state.
/// </summary>
[TestClass]
public sealed class DispatchStateTests
{
    private const string Finance = "000.00.13.H37";

    [TestMethod]
    public async Task Article9_4_the_document_page_and_the_exchange_api_show_each_recipient_the_same_progress()
    {
        await using var scenario = await ExchangeScenario.StartAsync(DatabaseProvider.Sqlite, OutgoingPeople.Wednesday,
            host => OutgoingPeople.UseTestKeys(host, OutgoingPeople.Wednesday));
        var host = scenario.Host;
        var people = await OutgoingPeople.StartAsync(host);
        var admin = await host.LoginAsync("quantri");
        await OutgoingClient.Ok(await admin.PutAsJsonAsync($"/api/agencies/{Finance}", new { code = Finance, name = "Sở Tài chính tỉnh Lạng Sơn" }));
        var id = await people.Drafter.CreateOutgoingAsync(new
        {
            typeCode = "CV", subject = "Về việc báo cáo số liệu", recipients = new object[] { new { kind = "Agency", code = Finance } },
        });
        await people.ToClerkAsync(id, "v1");

        scenario.StopAxis();
        await people.IssueAsync(id);
        var failing = await AgreedProgressAsync(people, id);
        Assert.AreEqual("Failed", (string?)failing["progress"], "the axis is down: the clerk sees the error, not 'Chưa gửi'");
        Assert.IsNotNull((string?)failing["sendError"]);

        scenario.RestartAxis();
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.RunDueWorkAsync();
        Assert.AreEqual("Sent", (string?)(await AgreedProgressAsync(await OutgoingPeople.SignInAsync(host), id))["progress"]);
    }

    /// <summary>The Finance line of the exchange API, after checking that the document page shows the same progress.</summary>
    private static async Task<JsonNode> AgreedProgressAsync(OutgoingPeople people, Guid id)
    {
        var page = await people.Drafter.PageAsync(id);
        var onPage = page["recipients"]!.AsArray().Single(r => (string?)r!["code"] == Finance)!;
        var api = (await people.Clerk.GetFromJsonAsync<JsonArray>($"/api/exchange/dispatches?documentId={Uri.EscapeDataString((string)page["nationalId"]!)}"))!
            .Single()!;
        Assert.AreEqual((string?)api["progress"], (string?)onPage["dispatch"], "one source of truth");
        return api;
    }
}
