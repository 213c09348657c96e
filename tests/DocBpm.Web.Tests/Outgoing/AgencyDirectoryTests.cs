using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Documents.Exchange;
using DocBpm.Edxml;
using DocBpm.Engine.Persistence;
using DocBpm.Web.Outgoing;

namespace DocBpm.Web.Tests.Outgoing;

/// <summary>The directory of agencies a drafter picks external recipients from.</summary>
[TestClass]
public sealed class AgencyDirectoryTests
{
    [TestMethod]
    public async Task The_development_seed_fills_the_agency_directory_with_identifier_codes_of_QD20()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var drafter = await host.LoginAsync("chuyenvien");

        var directory = (await drafter.GetFromJsonAsync<JsonArray>("/api/agencies"))!;

        var names = directory.Select(a => (string?)a!["name"]).ToList();
        CollectionAssert.IsSubsetOf(new[] { "Văn phòng UBND tỉnh Lạng Sơn", "Bộ Giáo dục và Đào tạo", "Phòng Giáo dục và Đào tạo huyện Cao Lộc" }, names);
        Assert.AreEqual(AgencyDirectorySeed.Agencies.Count, directory.Count);
        Assert.IsTrue(directory.All(a => AgencyCode.TryParse((string?)a!["code"], out _)), "every code is CCC.BB.AA.XNN");
        Assert.IsFalse(directory.Any(a => (string?)a!["code"] == AxisServer.Department), "the Department does not send to itself");
    }
}
