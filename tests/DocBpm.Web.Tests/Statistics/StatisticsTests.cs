using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Documents.Incoming;
using DocBpm.Documents.Outgoing;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using static DocBpm.Web.Tests.Statistics.StoredDocuments;

namespace DocBpm.Web.Tests.Statistics;

/// <summary>
/// Article 14.3: the leaders follow the documents of each unit over a period. The documents are stored as the flows leave
/// them (received, assigned to a main unit, completed; drafted and issued), so each number is known in advance. One host
/// for the class: the tests only read.
/// </summary>
[TestClass]
public sealed class StatisticsTests
{
    private static DocBpmWebFactory host = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        // Monday 23/11/2026 08:00: this week runs to Monday 30/11.
        host.Clock.SetUtcNow(VietnamTime.At(2026, 11, 23, 8, 0));
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbContext>();
        var deadline = VietnamTime.At(2026, 11, 20, 17, 0);
        Received(db, "GDTrH", VietnamTime.At(2026, 11, 1, 0, 0), IncomingStatus.Assigned, deadline, null);
        Received(db, "GDTrH", VietnamTime.At(2026, 11, 10, 9, 0), IncomingStatus.Assigned, VietnamTime.At(2026, 11, 26, 17, 0), null);
        Received(db, "GDTrH", VietnamTime.At(2026, 11, 10, 9, 0), IncomingStatus.Completed, deadline, deadline);
        Received(db, "GDTrH", VietnamTime.At(2026, 11, 10, 9, 0), IncomingStatus.Completed, deadline, deadline.AddSeconds(1));
        Received(db, "GDTrH", VietnamTime.At(2026, 10, 31, 23, 59), IncomingStatus.Assigned, deadline, null);
        Received(db, "KHTC", VietnamTime.At(2026, 11, 12, 9, 0), IncomingStatus.Assigned, null, null);
        Outgoing(db, "GDTrH", "CV", "Công văn", new DateOnly(2026, 11, 15));
        Outgoing(db, "GDTrH", "QD", "Quyết định", new DateOnly(2026, 11, 16));
        Outgoing(db, "GDTrH", "CV", "Công văn", new DateOnly(2026, 12, 1));
        await db.SaveChangesAsync();
    }

    [ClassCleanup]
    public static async Task StopAsync() => await host.DisposeAsync();

    [TestMethod]
    public async Task Article14_3_numbers_per_unit_match_the_documents_with_on_time_at_the_deadline_instant()
    {
        var director = await host.LoginAsync("giamdoc");
        var report = (await director.GetFromJsonAsync<JsonNode>("/api/statistics/documents?from=01/11/2026&to=30/11/2026"))!;
        var units = report["units"]!.AsArray();
        Assert.AreEqual(7, units.Count, "the Director sees every unit");
        var gdtrh = units.Single(u => (string?)u!["unitCode"] == "GDTrH")!;
        Assert.AreEqual(4, (int)gdtrh["incomingReceived"]!, "received from 01/11 00:00; 31/10 23:59 is outside the period");
        Assert.AreEqual(2, (int)gdtrh["beingHandled"]!);
        Assert.AreEqual(1, (int)gdtrh["overdue"]!);
        Assert.AreEqual(1, (int)gdtrh["dueThisWeek"]!);
        Assert.AreEqual(1, (int)gdtrh["completedOnTime"]!, "completed at the deadline instant is on time");
        Assert.AreEqual(1, (int)gdtrh["completedLate"]!, "one second after it is late");
        Assert.AreEqual(2, (int)gdtrh["outgoingIssued"]!, "the one dated 01/12 is outside the period");
        CollectionAssert.AreEqual(new[] { "CV:1", "QD:1" },
            gdtrh["outgoingByType"]!.AsArray().Select(t => $"{t!["typeCode"]}:{t["count"]}").ToArray());
        Assert.AreEqual(1, (int)units.Single(u => (string?)u!["unitCode"] == "KHTC")!["beingHandled"]!);
    }

    [TestMethod]
    public async Task Article14_3_period_filter_counts_only_documents_received_and_issued_within_it()
    {
        var chief = await host.LoginAsync("chanhvanphong");
        var report = (await chief.GetFromJsonAsync<JsonNode>("/api/statistics/documents?from=11/11/2026&to=30/11/2026&unit=GDTrH"))!;
        var gdtrh = report["units"]!.AsArray().Single()!;
        Assert.AreEqual(0, (int)gdtrh["incomingReceived"]!);
        Assert.AreEqual(2, (int)gdtrh["outgoingIssued"]!);

        var reversed = await chief.GetAsync("/api/statistics/documents?from=30/11/2026&to=01/11/2026");
        Assert.AreEqual(HttpStatusCode.BadRequest, reversed.StatusCode);
        StringAssert.Contains(await reversed.Content.ReadAsStringAsync(), "Đến ngày phải sau");
        Assert.AreEqual(HttpStatusCode.BadRequest, (await chief.GetAsync("/api/statistics/documents?from=32/11/2026")).StatusCode);
    }

    [TestMethod]
    public async Task Article14_3_unit_head_sees_only_his_unit_and_staff_see_none()
    {
        var head = await host.LoginAsync("truongphong.gdtrh");
        var own = (await head.GetFromJsonAsync<JsonNode>("/api/statistics/documents?from=01/11/2026&to=30/11/2026"))!;
        CollectionAssert.AreEqual(new[] { "GDTrH" }, own["units"]!.AsArray().Select(u => (string?)u!["unitCode"]).ToArray());
        var other = await head.GetAsync("/api/statistics/documents?unit=KHTC");
        Assert.AreEqual(HttpStatusCode.Forbidden, other.StatusCode);
        StringAssert.Contains(await other.Content.ReadAsStringAsync(), "KHTC");

        var staff = await host.LoginAsync("chuyenvien");
        var refused = await staff.GetAsync("/api/statistics/documents");
        Assert.AreEqual(HttpStatusCode.Forbidden, refused.StatusCode);
        StringAssert.Contains(await refused.Content.ReadAsStringAsync(), "Thống kê văn bản dành cho");
    }

    [TestMethod]
    public async Task Article14_3_dashboard_page_draws_the_charts_and_links_to_the_filtered_lists()
    {
        var director = await host.LoginAsync("giamdoc");
        var page = WebUtility.HtmlDecode(await director.GetStringAsync("/statistics?from=01/11/2026&to=30/11/2026"));
        StringAssert.Contains(page, "<svg");
        StringAssert.Contains(page, "/outgoing?from=01%2F11%2F2026&to=30%2F11%2F2026&unit=GDTrH&type=QD");
        StringAssert.Contains(page, "href=\"/statistics\"", "the navigation offers Thống kê");
        Assert.IsFalse(page.Contains("<script src=\"http", StringComparison.Ordinal), "no external script");
    }

    private static void Outgoing(DbContext db, string unit, string type, string typeName, DateOnly date) =>
        StoredDocuments.Drafted(db, unit, type, typeName, OutgoingStage.Issued, VietnamTime.StartOf(date), date);
}
