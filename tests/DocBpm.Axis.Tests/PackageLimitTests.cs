using System.Net;
using DocBpm.Documents.Exchange;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static DocBpm.Axis.Tests.AxisFactory;

namespace DocBpm.Axis.Tests;

/// <summary>Issue #16: the axis answered 500 for a 50 MB package (Kestrel's 30 MB default) although its limit said 100 MB.</summary>
[TestClass]
public sealed class PackageLimitTests
{
    private const int Limit = 4096;

    [TestMethod]
    public async Task Issue16_kestrel_admits_exactly_the_axis_package_limit()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var axis = new AxisFactory(database, new FakeTimeProvider(DateTimeOffset.UnixEpoch));
        var kestrel = axis.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;
        Assert.AreEqual(axis.Services.GetRequiredService<IOptions<Agencies.AxisOptions>>().Value.MaxPackageBytes, kestrel.Limits.MaxRequestBodySize);
        Assert.AreEqual(100L * 1024 * 1024, kestrel.Limits.MaxRequestBodySize, "the axis's 100 MB, not Kestrel's 30 MB default");
    }

    [TestMethod]
    public async Task Issue16_a_package_over_the_limit_is_a_413_problem_whether_its_length_is_declared_or_not_and_nothing_is_stored()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var axis = new AxisFactory(database, new FakeTimeProvider(DateTimeOffset.UnixEpoch));
        await using var small = axis.WithWebHostBuilder(b => b.UseSetting("Axis:MaxPackageBytes", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var http = small.CreateClient();
        AxisClient.Configure(http, new AxisConnection { AxisUrl = http.BaseAddress, AgencyCode = Department, AgencyKey = Key(Department) });
        var oversized = new byte[Limit + 1];

        foreach (var (path, content) in new (string, HttpContent)[]
        {
            ("/api/packages", new ByteArrayContent(oversized)),
            ("/api/packages", new StreamContent(new MemoryStream(oversized))), // no Content-Length: counted while read
            ("/api/statuses", new ByteArrayContent(oversized)),
        })
        {
            using var answer = await http.PostAsync(path, content);
            Assert.AreEqual(HttpStatusCode.RequestEntityTooLarge, answer.StatusCode, path);
            Assert.AreEqual("application/problem+json", answer.Content.Headers.ContentType?.MediaType, path);
            StringAssert.Contains(await answer.Content.ReadAsStringAsync(), "Gói tin quá lớn", path);
        }

        var provinceClient = small.CreateClient();
        AxisClient.Configure(provinceClient, new AxisConnection { AxisUrl = provinceClient.BaseAddress, AgencyCode = Province, AgencyKey = Key(Province) });
        Assert.AreEqual(0, (await new AxisClient(provinceClient).PendingAsync(CancellationToken.None)).Count, "nothing stored");
    }
}
