using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClosedXML.Excel;
using DocBpm.Documents.Incoming;
using DocBpm.Documents.Outgoing;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Engine.Timers;
using DocBpm.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

using static DocBpm.Web.Tests.Statistics.StoredDocuments;

namespace DocBpm.Web.Tests.Statistics;

/// <summary>
/// NĐ30 Phụ lục VI I.V, Articles 14.3–14.4 and 15.3: the reports on incoming and outgoing documents and on the use of the
/// system, per unit and period. The documents are stored as the flows leave them, each on one side of a period boundary,
/// so every number is known in advance. One host per database provider (<see cref="HandlingReportSqliteTests"/>,
/// <see cref="HandlingReportPostgreSqlTests"/>): the tests only read, and the queries group and compare dates in SQL.
/// </summary>
public abstract class HandlingReportTests
{
    private const string November = "from=01/11/2026&to=30/11/2026";

    protected abstract DocBpmWebFactory Host { get; }

    /// <summary>A host on <paramref name="provider"/> holding the documents, histories and sign-ins around November 2026; null without that database.</summary>
    protected static async Task<DocBpmWebFactory?> StartAsync(DatabaseProvider provider)
    {
        if (!TestDatabase.Has(provider))
            return null;
        var host = await DocBpmWebFactory.CreateAsync(provider);
        host.Clock.SetUtcNow(VietnamTime.At(2026, 11, 23, 8, 0).ToUniversalTime());
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbContext>();
        var deadline = VietnamTime.At(2026, 11, 20, 17, 0);
        var first = VietnamTime.At(2026, 11, 1, 0, 0);
        var beforeFirst = first.AddMinutes(-1);
        var afterLast = VietnamTime.At(2026, 12, 1, 0, 0);
        Received(db, "GDTrH", first, IncomingStatus.Assigned, deadline, null);
        Received(db, "GDTrH", first, IncomingStatus.Assigned, VietnamTime.At(2026, 11, 27, 17, 0), null);
        Received(db, "GDTrH", first, IncomingStatus.Completed, deadline, deadline);
        Received(db, "GDTrH", first, IncomingStatus.Completed, deadline, deadline.AddSeconds(1));
        Received(db, "GDTrH", beforeFirst, IncomingStatus.Assigned, deadline, null);
        Received(db, "KHTC", afterLast.AddMinutes(-1), IncomingStatus.Completed, null, afterLast.AddMinutes(-1));
        Received(db, "KHTC", afterLast, IncomingStatus.Assigned, null, null);
        Received(db, null, first, IncomingStatus.Returned, null, null);
        Received(db, null, beforeFirst, IncomingStatus.Returned, null, null);

        Outgoing(db, "GDTrH", "CV", OutgoingStage.Issued, first, new DateOnly(2026, 11, 1));
        Outgoing(db, "GDTrH", "QD", OutgoingStage.Issued, first, new DateOnly(2026, 11, 30));
        Outgoing(db, "GDTrH", "CV", OutgoingStage.Issued, first, new DateOnly(2026, 12, 1));
        var returned = Outgoing(db, "GDTrH", "CV", OutgoingStage.Drafting, first, null);
        History(db, returned, "truongphong.gdtrh", OutgoingAction.Returned, first);
        History(db, returned, "truongphong.gdtrh", OutgoingAction.Returned, first.AddHours(1));
        var refused = Outgoing(db, "GDTrH", "CV", OutgoingStage.Drafting, beforeFirst, null);
        History(db, refused, "phogiamdoc1", OutgoingAction.SignatureRefused, beforeFirst);
        var signed = Outgoing(db, "KHTC", "CV", OutgoingStage.AwaitingIssue, afterLast.AddMinutes(-1), null);
        signed.SignerUserName = "phogiamdoc1";
        signed.SignedAt = afterLast.AddMinutes(-1).ToUniversalTime();
        var late = Outgoing(db, "KHTC", "CV", OutgoingStage.AwaitingIssue, afterLast, null);
        late.SignerUserName = "phogiamdoc1";
        late.SignedAt = afterLast.ToUniversalTime();

        foreach (var at in new[] { beforeFirst, first, afterLast.AddMinutes(-1), afterLast })
            db.Set<SignInEvent>().Add(new SignInEvent { At = at.ToUniversalTime(), UserName = "Chuyenvien.GDMNTH", Outcome = SignInOutcome.SignedIn });
        db.Set<SignInEvent>().Add(new SignInEvent { At = first.ToUniversalTime(), UserName = "chuyenvien.gdmnth", Outcome = SignInOutcome.WrongPassword });
        await db.SaveChangesAsync();
        return host;
    }

    [TestMethod]
    public async Task Decree30_AppendixVI_incoming_report_counts_each_unit_and_state_at_the_period_boundaries()
    {
        var chief = await Host.LoginAsync("chanhvanphong");
        var report = (await chief.GetFromJsonAsync<JsonNode>($"/api/reports/incoming?{November}"))!;

        Assert.AreEqual("4/2/1/2/1/1", Row(report, "GDTrH", "received", "inProgress", "overdue", "completed", "completedOnTime", "completedLate"),
            "received from 01/11 00:00 (31/10 23:59 is outside); completed at the deadline instant is on time, a second later late");
        Assert.AreEqual("1/0/1", Row(report, "KHTC", "received", "inProgress", "completed"), "30/11 23:59 is inside, 01/12 00:00 outside");
        Assert.AreEqual("5/2/3", $"{report["totals"]!["received"]}/{report["totals"]!["inProgress"]}/{report["totals"]!["completed"]}");
        Assert.AreEqual(1, (int)report["returnedToSender"]!, "the office's return within the period; the one of 31/10 is outside");

        var head = await Host.LoginAsync("truongphong.gdtrh");
        var own = (await head.GetFromJsonAsync<JsonNode>($"/api/reports/incoming?{November}"))!;
        CollectionAssert.AreEqual(new[] { "GDTrH" }, own["units"]!.AsArray().Select(u => (string?)u!["unitCode"]).ToArray(), "a unit head, his unit");
        Assert.IsNull(own["returnedToSender"], "the office's returns only for who sees every unit");
    }

    [TestMethod]
    public async Task Decree30_AppendixVI_outgoing_report_counts_drafts_returns_and_issues_by_type_at_the_period_boundaries()
    {
        var director = await Host.LoginAsync("giamdoc");
        var report = (await director.GetFromJsonAsync<JsonNode>($"/api/reports/outgoing?{November}"))!;

        Assert.AreEqual("1/1/2", Row(report, "GDTrH", "inProgress", "returned", "issued"),
            "the draft of 31/10 23:59 and its refusal are outside; a draft returned twice counts once; issued 01/11 and 30/11, not 01/12");
        CollectionAssert.AreEqual(new[] { "CV:1", "QD:1" },
            Unit(report, "GDTrH")["issuedByType"]!.AsArray().Select(t => $"{t!["typeCode"]}:{t["count"]}").ToArray());
        Assert.AreEqual("1/0/0", Row(report, "KHTC", "inProgress", "returned", "issued"), "created 30/11 23:59 is inside, 01/12 00:00 outside");
    }

    [TestMethod]
    public async Task Article15_3_usage_report_counts_sign_ins_handled_documents_and_signatures_per_person_and_unit()
    {
        var director = await Host.LoginAsync("giamdoc");
        var report = (await director.GetFromJsonAsync<JsonNode>($"/api/reports/usage?{November}"))!;
        var person = report["people"]!.AsArray().Single(p => (string?)p!["key"] == "chuyenvien.gdmnth")!;
        Assert.AreEqual(2, (int)person["signIns"]!, "the two successful sign-ins inside the period, whatever the case typed");
        var deputy = report["people"]!.AsArray().Single(p => (string?)p!["key"] == "phogiamdoc1")!;
        Assert.AreEqual(1, (int)deputy["signatures"]!, "signed 30/11 23:59 counts, 01/12 00:00 does not");
        Assert.AreEqual(0, (int)deputy["documentsHandled"]!, "the refusal of 31/10 is outside the period");
        var head = report["people"]!.AsArray().Single(p => (string?)p!["key"] == "truongphong.gdtrh")!;
        Assert.AreEqual(1, (int)head["documentsHandled"]!, "two returns of one document: one document handled");
        Assert.AreEqual(2, (int)report["units"]!.AsArray().Single(u => (string?)u!["key"] == "GDMNTH")!["signIns"]!);

        var staff = await Host.LoginAsync("chuyenvien.khtc");
        Assert.AreEqual(HttpStatusCode.Forbidden, (await staff.GetAsync($"/api/reports/usage?{November}")).StatusCode);
    }

    [TestMethod]
    public async Task Decree30_AppendixVI_reports_print_as_pdf_and_xlsx_and_the_page_links_them_from_the_statistics()
    {
        var chief = await Host.LoginAsync("chanhvanphong");
        using (var pdf = PdfDocument.Open(await chief.GetByteArrayAsync($"/api/reports/incoming?{November}&unit=GDTrH&format=Pdf")))
        {
            var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            StringAssert.Contains(text, "BÁO CÁO TÌNH HÌNH XỬ LÝ VĂN BẢN ĐẾN");
            StringAssert.Contains(text, "Từ ngày 01/11/2026 đến ngày 30/11/2026");
            StringAssert.Contains(text, "Giáo dục Trung học");
        }

        using var workbook = new XLWorkbook(new MemoryStream(await chief.GetByteArrayAsync($"/api/reports/outgoing?{November}&format=Xlsx")));
        var cells = string.Join(" | ", workbook.Worksheet(1).CellsUsed().Select(c => c.GetString()));
        StringAssert.Contains(cells, "BÁO CÁO TÌNH HÌNH XỬ LÝ VĂN BẢN ĐI");
        StringAssert.Contains(cells, "Công văn: 1; Quyết định: 1");
        Assert.AreEqual(HttpStatusCode.BadRequest, (await chief.GetAsync($"/api/reports/usage?{November}&format=Doc")).StatusCode);
        Assert.AreEqual(HttpStatusCode.BadRequest, (await chief.GetAsync("/api/reports/incoming?from=30/11/2026&to=01/11/2026")).StatusCode);

        var statistics = WebUtility.HtmlDecode(await chief.GetStringAsync("/statistics"));
        StringAssert.Contains(statistics, "href=\"/reports\"");
        var page = WebUtility.HtmlDecode(await chief.GetStringAsync($"/reports?{November}"));
        StringAssert.Contains(page, "id=\"incoming-report\"");
        StringAssert.Contains(page, "/api/reports/usage?from=01%2F11%2F2026&to=30%2F11%2F2026&format=Xlsx");
    }

    private static JsonNode Unit(JsonNode report, string code) => report["units"]!.AsArray().Single(u => (string?)u!["unitCode"] == code)!;

    private static string Row(JsonNode report, string unit, params string[] fields) =>
        string.Join("/", fields.Select(f => (int)Unit(report, unit)[f]!));

    private static OutgoingDocument Outgoing(DbContext db, string unit, string type, OutgoingStage stage, DateTimeOffset created, DateOnly? issued) =>
        StoredDocuments.Drafted(db, unit, type, type == "QD" ? "Quyết định" : "Công văn", stage, created, issued);

    private static void History(DbContext db, OutgoingDocument document, string actor, OutgoingAction action, DateTimeOffset at) =>
        db.Set<OutgoingHistoryEntry>().Add(new OutgoingHistoryEntry
        {
            Id = Guid.CreateVersion7(), DocumentId = document.Id, Actor = actor, Action = action, At = at.ToUniversalTime(), Comment = "Cần sửa",
        });
}

[TestClass]
public sealed class HandlingReportSqliteTests : HandlingReportTests
{
    private static DocBpmWebFactory? host;

    protected override DocBpmWebFactory Host => ProviderHosts.Required(host, DatabaseProvider.Sqlite);

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => host = await StartAsync(DatabaseProvider.Sqlite);

    [ClassCleanup]
    public static async Task StopAsync() => await ProviderHosts.StopAsync(host);
}

[TestClass]
public sealed class HandlingReportPostgreSqlTests : HandlingReportTests
{
    private static DocBpmWebFactory? host;

    protected override DocBpmWebFactory Host => ProviderHosts.Required(host, DatabaseProvider.PostgreSql);

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => host = await StartAsync(DatabaseProvider.PostgreSql);

    [ClassCleanup]
    public static async Task StopAsync() => await ProviderHosts.StopAsync(host);
}
