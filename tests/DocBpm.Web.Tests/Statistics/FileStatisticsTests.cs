using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClosedXML.Excel;
using DocBpm.Documents.Records;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Engine.Timers;
using DocBpm.Web.AccessLog;
using DocBpm.Web.Tests.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace DocBpm.Web.Tests.Statistics;

/// <summary>
/// NĐ30 Phụ lục VI I.III.6 and I.V: the statistics of files, documents and accesses, per unit and period. The files,
/// their handovers and the access log are stored as the flows leave them, on both sides of the period's bounds, so every
/// number is known in advance. One host per database provider (<see cref="FileStatisticsSqliteTests"/>,
/// <see cref="FileStatisticsPostgreSqlTests"/>): the tests only read, and the queries group and compare dates in SQL.
/// </summary>
public abstract class FileStatisticsTests
{
    private const string March = "from=01/03/2031&to=31/03/2031";

    protected abstract DocBpmWebFactory Host { get; }

    /// <summary>A host on <paramref name="provider"/> holding the files, handovers and reads around March 2031; null without that database.</summary>
    protected static async Task<DocBpmWebFactory?> StartAsync(DatabaseProvider provider)
    {
        if (!TestDatabase.Has(provider))
            return null;
        var host = await RecordsHost.StartAsync(provider);
        host.Clock.AdjustTime(VietnamTime.At(2031, 4, 15, 8, 0).ToUniversalTime());
        var open = await ClosedFiles.AddAsync(host, "chuyenvien.khtc", 10, new DateOnly(2031, 5, 10), unit: "KHTC", state: RecordFileState.Open);
        var closed = await ClosedFiles.AddAsync(host, "chuyenvien.khtc", 10, new DateOnly(2031, 3, 10), unit: "KHTC");
        var submitted = await ClosedFiles.AddAsync(host, "chuyenvien.khtc", null, new DateOnly(2031, 3, 5), unit: "KHTC");
        var accepted = await ClosedFiles.AddAsync(host, "chuyenvien.khtc", 20, new DateOnly(2031, 3, 6), unit: "KHTC");
        var keptBack = await ClosedFiles.AddAsync(host, "chuyenvien.khtc", 10, new DateOnly(2031, 3, 7), unit: "KHTC");
        await ClosedFiles.AddAsync(host, "chuyenvien.khtc", 10, new DateOnly(2031, 2, 27), unit: "KHTC"); // ended the day before the period
        await ClosedFiles.AddAsync(host, "chuyenvien.khtc", 10, new DateOnly(2031, 7, 15), unit: "KHTC", state: RecordFileState.Open); // opened after it
        await ClosedFiles.AddAsync(host, "chuyenvien", 10, new DateOnly(2031, 3, 10));

        var first = VietnamTime.At(2031, 3, 1, 0, 0);
        var afterLast = VietnamTime.At(2031, 4, 1, 0, 0);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbContext>();
        foreach (var (file, at) in new[] { (closed, first), (closed, afterLast.AddMinutes(-1)), (open, first.AddDays(3)), (open, afterLast) })
            db.Add(new FiledDocument
            {
                Id = Guid.CreateVersion7(), FileId = file, Kind = FiledKind.Outgoing, DocumentId = Guid.NewGuid(), Ordinal = 2,
                AddedBy = "chuyenvien.khtc", AddedAt = at.ToUniversalTime(),
            });
        foreach (var (file, state) in new[] { (submitted, HandoverState.Submitted), (accepted, HandoverState.Accepted), (keptBack, HandoverState.Returned) })
            db.Add(new RecordHandover
            {
                Id = Guid.CreateVersion7(), FileId = file, State = state, SubmissionId = Guid.NewGuid(), SubmittedBy = "chuyenvien.khtc",
                SubmittedAt = first.ToUniversalTime(),
            });
        db.Add(new KeepBack
        {
            Id = Guid.CreateVersion7(), FileId = keptBack, RequestedBy = "chuyenvien.khtc", Reason = "Còn dùng để quyết toán", DueDate = new DateOnly(2032, 3, 7),
            Until = new DateOnly(2033, 3, 7), State = KeepBackState.Approved, DecidedBy = "giamdoc",
        });
        foreach (var (user, kind, at) in new[]
                 {
                     ("chuyenvien.khtc", AccessedKind.Incoming, first), ("chuyenvien.khtc", AccessedKind.Outgoing, first.AddMinutes(1)),
                     ("chuyenvien.khtc", AccessedKind.RecordFile, afterLast.AddMinutes(-1)), ("chuyenvien.khtc", AccessedKind.Incoming, afterLast),
                     ("chuyenvien.khtc", AccessedKind.ProvincialTask, first.AddMinutes(-1)), ("truongphong.khtc", AccessedKind.RecordFile, first.AddDays(2)),
                 })
            db.Add(new AccessLogEntry { UserName = user, Kind = kind, ItemId = Guid.NewGuid(), At = at.ToUniversalTime() });
        await db.SaveChangesAsync();
        return host;
    }

    private static JsonNode Unit(JsonNode report, string code) => report["units"]!.AsArray().Single(u => (string?)u!["unitCode"] == code)!;

    [TestMethod]
    public async Task Decree30_AppendixVI_I_III_6_file_statistics_count_each_unit_files_by_state_and_retention_and_the_documents_filed_in_the_period()
    {
        var director = await Host.LoginAsync("giamdoc");
        var report = (await director.GetFromJsonAsync<JsonNode>($"/api/reports/files?{March}"))!;
        var unit = Unit(report, "KHTC");
        Assert.AreEqual("5/1/1/1/1/1", string.Join("/", new[] { "files", "open", "closed", "submitted", "accepted", "keptBack" }.Select(f => (int)unit[f]!)),
            "the files whose time meets March, each once by its state; one ended 28/02 and one opened in April are outside; a returned file kept back is kept back");
        Assert.AreEqual(3, (int)unit["documentsFiled"]!,
            "filed 01/03 00:00, 04/03 and 31/03 23:59 count; 01/04 00:00 and the files' first documents, of February or April, do not");
        CollectionAssert.AreEqual(new[] { "Vĩnh viễn:1", "20 năm:1", "10 năm:3" },
            unit["byRetention"]!.AsArray().Select(r => $"{r!["retention"]}:{r["count"]}").ToArray());
        Assert.AreEqual(1, (int)Unit(report, "GDTrH")["files"]!);
        Assert.AreEqual(6, (int)report["totals"]!["files"]!);

        var head = await Host.LoginAsync("truongphong.khtc");
        var own = (await head.GetFromJsonAsync<JsonNode>($"/api/reports/files?{March}"))!;
        CollectionAssert.AreEqual(new[] { "KHTC" }, own["units"]!.AsArray().Select(u => (string?)u!["unitCode"]).ToArray(), "a unit head, his unit");
        Assert.AreEqual(HttpStatusCode.Forbidden, (await (await Host.LoginAsync("chuyenvien.khtc")).GetAsync($"/api/reports/files?{March}")).StatusCode);
    }

    [TestMethod]
    public async Task Decree30_AppendixVI_I_III_6_access_statistics_count_reads_of_documents_and_files_per_person_and_unit_in_the_period()
    {
        var report = (await (await Host.LoginAsync("chanhvanphong")).GetFromJsonAsync<JsonNode>($"/api/reports/usage?{March}"))!;
        var person = report["people"]!.AsArray().Single(p => (string?)p!["key"] == "chuyenvien.khtc")!;
        Assert.AreEqual("2/1", $"{person["documentReads"]}/{person["fileReads"]}",
            "an incoming and an outgoing read from 01/03 00:00, a file read at 31/03 23:59; the reads of 28/02 23:59 and 01/04 00:00 are outside");
        var unit = report["units"]!.AsArray().Single(u => (string?)u!["key"] == "KHTC")!;
        Assert.AreEqual("2/2", $"{unit["documentReads"]}/{unit["fileReads"]}", "the unit: its people's reads");
    }

    [TestMethod]
    public async Task Decree30_AppendixVI_file_statistics_print_as_pdf_and_xlsx_and_show_on_the_reports_page()
    {
        var chief = await Host.LoginAsync("chanhvanphong");
        using (var pdf = PdfDocument.Open(await chief.GetByteArrayAsync($"/api/reports/files?{March}&unit=KHTC&format=Pdf")))
        {
            var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            StringAssert.Contains(text, "THỐNG KÊ HỒ SƠ, TÀI LIỆU");
            StringAssert.Contains(text, "Từ ngày 01/03/2031 đến ngày 31/03/2031");
        }

        using var workbook = new XLWorkbook(new MemoryStream(await chief.GetByteArrayAsync($"/api/reports/files?{March}&format=Xlsx")));
        var cells = string.Join(" | ", workbook.Worksheet(1).CellsUsed().Select(c => c.GetString()));
        StringAssert.Contains(cells, "Vĩnh viễn: 1; 20 năm: 1; 10 năm: 3");
        using var usage = new XLWorkbook(new MemoryStream(await chief.GetByteArrayAsync($"/api/reports/usage?{March}&format=Xlsx")));
        StringAssert.Contains(string.Join(" | ", usage.Worksheet(1).CellsUsed().Select(c => c.GetString())), "Lượt xem hồ sơ");

        var page = WebUtility.HtmlDecode(await chief.GetStringAsync($"/reports?{March}"));
        StringAssert.Contains(page, "id=\"files-report\"");
        StringAssert.Contains(page, "/api/reports/files?from=01%2F03%2F2031&to=31%2F03%2F2031&format=Pdf");
        StringAssert.Contains(page, "Lượt xem văn bản");
    }
}

[TestClass]
public sealed class FileStatisticsSqliteTests : FileStatisticsTests
{
    private static DocBpmWebFactory? host;

    protected override DocBpmWebFactory Host => ProviderHosts.Required(host, DatabaseProvider.Sqlite);

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => host = await StartAsync(DatabaseProvider.Sqlite);

    [ClassCleanup]
    public static async Task StopAsync() => await ProviderHosts.StopAsync(host);
}

[TestClass]
public sealed class FileStatisticsPostgreSqlTests : FileStatisticsTests
{
    private static DocBpmWebFactory? host;

    protected override DocBpmWebFactory Host => ProviderHosts.Required(host, DatabaseProvider.PostgreSql);

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => host = await StartAsync(DatabaseProvider.PostgreSql);

    [ClassCleanup]
    public static async Task StopAsync() => await ProviderHosts.StopAsync(host);
}
