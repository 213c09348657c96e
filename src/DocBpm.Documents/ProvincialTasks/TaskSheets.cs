using System.Globalization;
using DocBpm.Documents.Registers;

namespace DocBpm.Documents.ProvincialTasks;

/// <summary>
/// The tracking book and the status report as register sheets, so that the registers' printers make the PDF and XLSX
/// (Article 13.3: the office chief keeps the book of the tasks the province assigns).
/// </summary>
public static class TaskSheets
{
    public static RegisterFile Book(ReportPeriod period, IReadOnlyList<BookLine> lines, RegisterFileFormat format) => RegisterFile.Print(
        new RegisterSheet("SỔ THEO DÕI TÌNH HÌNH THỰC HIỆN NHIỆM VỤ DO UBND TỈNH, CHỦ TỊCH UBND TỈNH GIAO",
            Unit(period), period.From, period.To, lines.Count > 0 ? 1 : null, lines.Count > 0 ? lines.Count : null,
            [
                new("STT", 0.05), new("Số, ký hiệu văn bản giao", 0.12), new("Nhiệm vụ", 0.25), new("Đơn vị chủ trì", 0.08),
                new("Đơn vị phối hợp", 0.1), new("Người xử lý chính", 0.1), new("Thời hạn", 0.09), new("Ngày hoàn thành", 0.09),
                new("Tình trạng", 0.12),
            ],
            [.. lines.Select(l => (IReadOnlyList<string>)[
                l.Number.ToString(CultureInfo.InvariantCulture), l.DocumentCode, $"{l.Line}. {l.Content}", l.MainUnit ?? "",
                l.CoordinatingUnits ?? "", l.Handler ?? "", RegisterFormat.Date(l.Deadline),
                l.CompletedAt is { } done ? RegisterFormat.Date(done) : "", l.Status.Vietnamese()])]),
        $"so-theo-doi-nhiem-vu-{period.From:yyyyMMdd}-{period.To:yyyyMMdd}", format);

    public static RegisterFile Summary(TaskSummary summary, RegisterFileFormat format) => RegisterFile.Print(
        new RegisterSheet($"BÁO CÁO TÌNH HÌNH THỰC HIỆN NHIỆM VỤ DO UBND TỈNH GIAO (đến {RegisterFormat.DateTime(summary.At)})",
            Unit(summary.Period), summary.Period.From, summary.Period.To, null, null,
            [
                new("Đơn vị chủ trì", 0.22), .. Enum.GetValues<ReportColumn>().Where(c => c != ReportColumn.Returned)
                    .Select(c => new RegisterColumn(c.Vietnamese(), 0.11)), new("Tổng số", 0.12),
            ],
            [.. summary.Units.Append(summary.Totals).Select(u => (IReadOnlyList<string>)[
                u.UnitName, .. new[] { u.OnTime, u.DueSoon, u.Overdue, u.CompletedOnTime, u.CompletedLate, u.Extended, u.Total }
                    .Select(n => n.ToString(CultureInfo.InvariantCulture))])]),
        $"bao-cao-nhiem-vu-{summary.Period.From:yyyyMMdd}-{summary.Period.To:yyyyMMdd}", format);

    private static string Unit(ReportPeriod period) => period.Unit is { Length: > 0 } unit ? $"Đơn vị chủ trì: {unit}" : "Toàn Sở";
}
