using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Documents.Incoming;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocBpm.Web.Tests.Incoming;

/// <summary>
/// Issue 19: the incoming search counts its matches only as far as the page it shows: "more than" the rows up to a page
/// that has a next one (told by one row read past it), the exact number on the last page, so a broad search over years
/// of documents never visits all its matches.
/// </summary>
[TestClass]
public sealed class IncomingSearchCountTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Issue19_a_search_with_more_matches_than_its_page_says_more_and_the_last_page_says_how_many(DatabaseProvider provider)
    {
        await using var host = await DocBpmWebFactory.CreateAsync(provider);
        await StoreAsync(host, 25);
        var clerk = await host.LoginAsync("vanthu");
        async Task<JsonObject> Search(int page) =>
            (await clerk.GetFromJsonAsync<JsonObject>($"/api/incoming?subject=ke hoach tuyen sinh&pageSize=10&page={page}"))!;

        var first = await Search(1);
        var last = await Search(3);
        var past = await Search(5);
        var far = await Search(int.MaxValue);

        Assert.AreEqual((10, 10, true), ((int)first["total"]!, first["items"]!.AsArray().Count, (bool)first["totalCapped"]!), "more than 10");
        Assert.AreEqual((25, 5, false), ((int)last["total"]!, last["items"]!.AsArray().Count, (bool)last["totalCapped"]!), "all 25 on the last page");
        Assert.AreEqual((25, 0, false), ((int)past["total"]!, past["items"]!.AsArray().Count, (bool)past["totalCapped"]!), "past the last page");
        Assert.AreEqual((25, 0), ((int)far["total"]!, far["items"]!.AsArray().Count), "any page number typed in");
        var html = System.Net.WebUtility.HtmlDecode(await clerk.GetStringAsync("/incoming?subject=ke+hoach+tuyen+sinh"));
        StringAssert.Contains(html, "Hơn 20 văn bản.", "the page says more than its own rows");
        StringAssert.Contains(html, "Trang sau", "and links the next");
    }

    /// <summary>Registered documents with the same subject, one a minute, stored as rows: the search reads rows, not the flow.</summary>
    private static async Task StoreAsync(DocBpmWebFactory host, int count)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbContext>();
        var at = host.Clock.GetUtcNow();
        for (var i = 0; i < count; i++)
        {
            var id = Guid.CreateVersion7();
            db.Add(new IncomingDocument
            {
                Id = id, ProcessKey = id.ToString(), IssuingAgency = "UBND huyện Cao Lộc", CodeNumber = $"{i + 1}", CodeNotation = "UBND-VX",
                DocumentType = "Công văn", Subject = $"Về việc kế hoạch tuyển sinh, đợt {i}", FileIds = "", ArrivedAt = at.AddMinutes(-i),
                ReceivedAt = at.AddMinutes(-i), Status = IncomingStatus.Registered, DocumentDate = new DateOnly(2026, 11, 20), IncomingNumber = i + 1,
            });
        }
        await db.SaveChangesAsync();
    }
}
