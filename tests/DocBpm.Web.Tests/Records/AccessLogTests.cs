using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Web.AccessLog;
using DocBpm.Web.Tests.Outgoing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocBpm.Web.Tests.Records;

/// <summary>Issue 18, NĐ30 Phụ lục VI I.V: who opened which document, kept and searchable by the admin alone.</summary>
[TestClass]
public sealed class AccessLogTests
{
    [TestMethod]
    public async Task Decree30_AppendixVI_a_read_is_recorded_once_a_minute_and_only_the_admin_searches_the_access_log()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var drafter = await host.LoginAsync("chuyenvien");
        var stranger = await host.LoginAsync("chuyenvien.gdmnth");
        var admin = await host.LoginAsync("quantri");
        var id = await drafter.CreateOutgoingAsync(new { typeCode = "CV", subject = "Về việc kiểm tra nề nếp", recipients = Array.Empty<object>() });

        await drafter.PageAsync(id);
        await drafter.PageAsync(id);
        Assert.AreEqual(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/outgoing/{id}")).StatusCode);
        await FlushAsync(host);

        var log = (await admin.GetFromJsonAsync<JsonNode>("/api/admin/access-log?kind=Outgoing"))!;
        Assert.AreEqual(1, (int)log["total"]!, "two reads in one minute are one row; a refused read is none");
        Assert.AreEqual("chuyenvien", (string?)log["items"]![0]!["userName"]);
        Assert.AreEqual(id, (Guid)log["items"]![0]!["itemId"]!);

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await drafter.PageAsync(id);
        await FlushAsync(host);
        var first = (await admin.GetFromJsonAsync<JsonNode>($"/api/admin/access-log?itemId={id}&pageSize=1"))!;
        Assert.AreEqual((1, true), ((int)first["total"]!, (bool)first["hasNext"]!), "the first of two pages: not counted to the end");
        var paged = (await admin.GetFromJsonAsync<JsonNode>($"/api/admin/access-log?itemId={id}&pageSize=1&page=2"))!;
        Assert.AreEqual((2, false), ((int)paged["total"]!, (bool)paged["hasNext"]!), "the last page counts");
        Assert.AreEqual(1, paged["items"]!.AsArray().Count, "one row per page of one");
        var far = await admin.GetAsync($"/api/admin/access-log?itemId={id}&pageSize={AccessLogQuery.MaxPageSize}&page={int.MaxValue}");
        Assert.AreEqual(HttpStatusCode.OK, far.StatusCode, "a page number typed past any log is an empty page, not an overflow");

        Assert.AreEqual(HttpStatusCode.Forbidden, (await drafter.GetAsync("/api/admin/access-log")).StatusCode, "a non-admin cannot search it");
    }

    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Decree30_AppendixVI_the_purge_removes_rows_older_than_the_retention_and_keeps_the_row_at_its_limit(DatabaseProvider provider)
    {
        await using var host = await DocBpmWebFactory.CreateAsync(provider);
        host.Settings["AccessLog:RetentionDays"] = "30";
        var item = Guid.NewGuid();
        var limit = host.Clock.GetUtcNow().AddDays(-30);
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DbContext>();
            db.AddRange(new[] { limit.AddMinutes(-1), limit, limit.AddDays(29) }
                .Select(at => new AccessLogEntry { UserName = "chuyenvien", Kind = AccessedKind.Outgoing, ItemId = item, At = at }));
            await db.SaveChangesAsync();
        }

        Assert.AreEqual(1, await host.Services.GetRequiredService<AccessLogWriter>().PurgeAsync(CancellationToken.None));

        using var after = host.Services.CreateScope();
        var kept = await after.ServiceProvider.GetRequiredService<DbContext>().Set<AccessLogEntry>().Where(e => e.ItemId == item)
            .Select(e => e.At).ToListAsync();
        CollectionAssert.AreEquivalent(new[] { limit, limit.AddDays(29) }, kept, "a row a minute past the retention goes; the one at its limit stays");
    }

    private static Task<int> FlushAsync(DocBpmWebFactory host) =>
        host.Services.GetRequiredService<AccessLogWriter>().FlushAsync(CancellationToken.None);
}
