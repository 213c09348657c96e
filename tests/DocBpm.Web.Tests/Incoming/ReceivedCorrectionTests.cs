using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Documents.Exchange;
using DocBpm.Edxml;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Engine.Timers;
using static DocBpm.Web.Tests.AxisServer;

namespace DocBpm.Web.Tests.Incoming;

/// <summary>A sender's replacement or correction notice (its Article 9.5) arrives naming the document it corrects.</summary>
[TestClass]
public sealed class ReceivedCorrectionTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Article9_5_a_replacement_arriving_before_the_document_it_replaces_is_linked_when_that_document_arrives(DatabaseProvider provider)
    {
        await using var scenario = await ExchangeScenario.StartAsync(provider, VietnamTime.At(2026, 11, 27, 9, 0));
        var replaced = $"{Province},2026/11/27,88/UBND-KGVX";
        var replacement = EdxmlReader.ReadPackage(ExchangeTests.FromProvince("89")).Value! with
        {
            Business = new EdxmlBusiness(BusinessDocType.Replace, "Thay thế do sai sót", null, PaperAlsoSent: false, replaced,
                [new EdxmlReplacement(replaced, [Department])]),
        };

        await scenario.Province.SendAsync(EdxmlWriter.Write(replacement), CancellationToken.None);
        await scenario.PullAsync();
        var early = await DetailAsync(scenario.Clerk, "89");
        Assert.IsNull(early["corrects"]!["id"], "the replaced document has not arrived yet");
        Assert.AreEqual("88/UBND-KGVX", (string?)early["corrects"]!["numberAndNotation"]);
        StringAssert.Contains(WebUtility.HtmlDecode(await scenario.Clerk.GetStringAsync($"/incoming/{early["summary"]!["id"]}")),
            "Thay thế văn bản số 88/UBND-KGVX (văn bản này chưa đến Sở)");

        await scenario.Province.SendAsync(ExchangeTests.FromProvince("88"), CancellationToken.None);
        await scenario.PullAsync();
        var original = await DetailAsync(scenario.Clerk, "88");
        var linked = await DetailAsync(scenario.Clerk, "89");

        Assert.AreEqual((Guid)original["summary"]!["id"]!, (Guid)linked["corrects"]!["id"]!);
        Assert.AreEqual("Replacement", (string?)linked["corrects"]!["kind"]);
        Assert.AreEqual((Guid)linked["summary"]!["id"]!, (Guid)original["correctedBy"]!["id"]!, "the original shows its replacement");
    }

    private static async Task<JsonNode> DetailAsync(HttpClient clerk, string number)
    {
        var items = (await clerk.GetFromJsonAsync<JsonNode>("/api/incoming"))!["items"]!.AsArray();
        var id = (Guid)items.Single(d => (string?)d!["codeNumber"] == number)!["id"]!;
        return (await clerk.GetFromJsonAsync<JsonNode>($"/api/incoming/{id}"))!;
    }
}
