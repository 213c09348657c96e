using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClosedXML.Excel;
using DocBpm.Documents.Exchange;
using DocBpm.Edxml;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Engine.Timers;

namespace DocBpm.Web.Tests.ProvincialTasks;

/// <summary>Article 13: the figures the office chief and the leaders see, checked against what happened to each task.</summary>
[TestClass]
public sealed class ProvincialTaskReportTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Article13_status_report_counts_each_unit_s_tasks_by_state_at_the_report_time(DatabaseProvider provider)
    {
        await using var s = await ProvincialScenario.StartAsync(provider);
        var friday = VietnamTime.At(2026, 11, 27, 17, 0);
        var document = await s.ReceiveTasksAsync("201",
            ("Báo cáo tuyển sinh", friday),
            ("Báo cáo đội ngũ", friday),
            ("Đề án trường chuẩn", VietnamTime.At(2026, 12, 2, 17, 0)),
            ("Dự toán ngân sách", VietnamTime.At(2026, 12, 1, 17, 0)),
            ("Việc giao nhầm", friday));
        var (done, late, extended, dueSoon, returned) = (ProvincialScenario.LineId(document, 1), ProvincialScenario.LineId(document, 2),
            ProvincialScenario.LineId(document, 3), ProvincialScenario.LineId(document, 4), ProvincialScenario.LineId(document, 5));
        await s.ToHandlerAsync(done);
        await s.ToHandlerAsync(late);
        await s.ToHandlerAsync(extended);
        await s.StepAsync(s.Clerk, $"/api/provincial-tasks/{dueSoon}/reconcile", new { decision = "Accept" });
        await s.StepAsync(s.Director, $"/api/provincial-tasks/{dueSoon}/assign", new { mainUnit = "KHTC" });
        await s.StepAsync(s.Clerk, $"/api/provincial-tasks/{returned}/reconcile", new { decision = "Return", note = "Giao nhầm đơn vị" });
        var reply = await s.ReplyAndIssueAsync(done);
        await s.ProvinceDecidesAsync(reply, ExchangeStatus.Completed);
        var letter = await s.LetterSentToProvinceAsync();
        await s.StepAsync(s.Handler, $"/api/provincial-tasks/{extended}/extension",
            new { letterDocumentId = letter, requestedDeadline = VietnamTime.At(2026, 12, 18, 17, 0) });
        await s.ProvinceDecidesAsync(letter, ExchangeStatus.Completed);

        await s.UntilAsync(VietnamTime.At(2026, 11, 30, 9, 0));
        var summary = (await s.OfficeChief.GetFromJsonAsync<JsonNode>("/api/provincial-tasks/reports/summary?from=2026-11-01&to=2026-11-30"))!;

        var units = summary["units"]!.AsArray().ToDictionary(u => (string)u!["unit"]!, u => u!);
        Assert.AreEqual("GDTrH KHTC", string.Join(" ", units.Keys), "units with tasks; the returned one counts nowhere");
        AssertFigures(units["GDTrH"], onTime: 0, dueSoon: 0, overdue: 1, completedOnTime: 1, completedLate: 0, extended: 1);
        AssertFigures(units["KHTC"], onTime: 0, dueSoon: 1, overdue: 0, completedOnTime: 0, completedLate: 0, extended: 0);
        AssertFigures(summary["totals"]!, onTime: 0, dueSoon: 1, overdue: 1, completedOnTime: 1, completedLate: 0, extended: 1);
        Assert.AreEqual(4, (int)summary["totals"]!["total"]!);

        var book = (await s.OfficeChief.GetFromJsonAsync<JsonArray>("/api/provincial-tasks/reports/book?from=2026-11-01&to=2026-11-30"))!;
        Assert.AreEqual("CompletedOnTime OverdueNotCompleted Extended DueSoon Returned",
            string.Join(" ", book.Select(l => (string?)l!["status"])), "the tracking book lists every line in order");
        var empty = (await s.OfficeChief.GetFromJsonAsync<JsonNode>("/api/provincial-tasks/reports/summary?from=2026-12-01&to=2026-12-31"))!;
        Assert.AreEqual(0, (int)empty["totals"]!["total"]!, "tasks are reported in the period they were received");

        using var printed = new XLWorkbook(new MemoryStream(
            await s.OfficeChief.GetByteArrayAsync("/api/provincial-tasks/reports/summary?from=2026-11-01&to=2026-11-30&format=Xlsx")));
        var sheet = printed.Worksheets.Single();
        Assert.AreEqual("Quá hạn", sheet.Cell(6, 4).GetString());
        Assert.AreEqual("Tổng cộng 0 1 1 1 0 1 4", string.Join(" ", Enumerable.Range(1, 8).Select(c => sheet.Cell(9, c).GetString())),
            "the printed report carries the same figures");
        var pdf = await s.OfficeChief.GetByteArrayAsync("/api/provincial-tasks/reports/book?from=2026-11-01&to=2026-11-30&format=Pdf");
        Assert.AreEqual("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4), "the tracking book prints as PDF");
        Assert.AreEqual(403, (int)(await s.Handler.GetAsync("/api/provincial-tasks/reports/summary?from=2026-11-01&to=2026-11-30")).StatusCode);
    }

    private static void AssertFigures(JsonNode figures, int onTime, int dueSoon, int overdue, int completedOnTime, int completedLate, int extended)
    {
        var actual = $"{figures["onTime"]} {figures["dueSoon"]} {figures["overdue"]} {figures["completedOnTime"]} {figures["completedLate"]} {figures["extended"]}";
        Assert.AreEqual($"{onTime} {dueSoon} {overdue} {completedOnTime} {completedLate} {extended}", actual,
            $"{figures["unit"]}: on time, due soon, overdue, completed on time, completed late, extended");
    }
}
