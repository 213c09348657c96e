using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;

namespace DocBpm.Web.Tests.Hardening;

/// <summary>
/// A page number typed into an address, however large, is a 400 in Vietnamese or an empty page, never a 500: the rows
/// before a page are its number times its size, which overflowed an int into a negative offset that PostgreSQL refuses.
/// </summary>
[TestClass]
public sealed class PageNumberTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task The_largest_page_number_at_the_largest_page_size_is_refused_or_empty_on_every_paged_list(DatabaseProvider provider)
    {
        await using var host = await DocBpmWebFactory.CreateAsync(provider);
        var admin = await host.LoginAsync("quantri");
        var director = await host.LoginAsync("giamdoc");
        var far = int.MaxValue;

        foreach (var refused in new[] { $"/api/outgoing?page={far}&pageSize=100", $"/api/instances?page={far}&pageSize=200", $"/api/notifications?page={far}&pageSize=100" })
        {
            var client = refused.StartsWith("/api/instances", StringComparison.Ordinal) ? admin : director;
            var response = await client.GetAsync(refused);
            Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode, refused);
            StringAssert.Contains((string?)(await response.Content.ReadFromJsonAsync<JsonNode>())!["errors"]!["page"]![0], "Trang", refused);
        }
        foreach (var (client, empty) in new[] { (director, $"/api/incoming?page={far}&pageSize=100"), (admin, $"/api/admin/access-log?page={far}&pageSize=200") })
        {
            var response = await client.GetAsync(empty);
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, empty);
            Assert.AreEqual(0, (await response.Content.ReadFromJsonAsync<JsonNode>())!["items"]!.AsArray().Count, empty);
        }
    }
}
