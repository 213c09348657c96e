using System.Globalization;
using DocBpm.Documents.Registers;

namespace DocBpm.Web.Reports;

/// <summary>The reports as sheets, so that the registers' printers make their PDF and XLSX (NĐ30 Phụ lục VI I.V).</summary>
public static class ReportSheets
{
    public static RegisterFile Incoming(IncomingHandlingReport report, RegisterFileFormat format) => Print(
        "BÁO CÁO TÌNH HÌNH XỬ LÝ VĂN BẢN ĐẾN", "Theo đơn vị chủ trì xử lý", report.From, report.To,
        [
            new("Đơn vị", 0.25), new("Đã tiếp nhận", 0.11), new("Đang xử lý", 0.11), new("Trong đó quá hạn", 0.11),
            new("Đã hoàn thành", 0.11), new("Hoàn thành đúng hạn", 0.11), new("Hoàn thành quá hạn", 0.11),
        ],
        [.. report.Units.Append(report.Totals).Select(r => Cells(r.UnitName, r.Received, r.InProgress, r.Overdue, r.Completed, r.CompletedOnTime, r.CompletedLate))],
        report.ReturnedToSender is { } returned ? [$"Trả lại nơi gửi trong kỳ: {returned}"] : [],
        $"bao-cao-van-ban-den-{report.From:yyyyMMdd}-{report.To:yyyyMMdd}", format);

    public static RegisterFile Outgoing(OutgoingHandlingReport report, RegisterFileFormat format) => Print(
        "BÁO CÁO TÌNH HÌNH XỬ LÝ VĂN BẢN ĐI", "Theo đơn vị soạn thảo", report.From, report.To,
        [new("Đơn vị", 0.25), new("Đang soạn thảo, trình", 0.12), new("Bị trả lại", 0.1), new("Đã phát hành", 0.1), new("Theo loại văn bản", 0.43)],
        [.. report.Units.Append(report.Totals).Select(r => Cells(r.UnitName, r.InProgress, r.Returned, r.Issued)
            .Append(string.Join("; ", r.IssuedByType.Select(t => $"{t.TypeName}: {t.Count}"))).ToList())],
        [], $"bao-cao-van-ban-di-{report.From:yyyyMMdd}-{report.To:yyyyMMdd}", format);

    public static RegisterFile Usage(UsageReport report, RegisterFileFormat format) => Print(
        "BÁO CÁO TÌNH HÌNH SỬ DỤNG HỆ THỐNG", "Theo người dùng và đơn vị", report.From, report.To,
        [
            new("Người dùng / đơn vị", 0.24), new("Đơn vị", 0.2), new("Lượt đăng nhập", 0.11), new("Văn bản đã xử lý", 0.11), new("Chữ ký số", 0.1),
            new("Lượt xem văn bản", 0.12), new("Lượt xem hồ sơ", 0.12),
        ],
        [.. report.People.Concat(report.Units).Append(report.Totals)
            .Select(r => (IReadOnlyList<string>)[r.Name, r.UnitName, .. Numbers(r.SignIns, r.DocumentsHandled, r.Signatures, r.DocumentReads, r.FileReads)])],
        [], $"bao-cao-su-dung-{report.From:yyyyMMdd}-{report.To:yyyyMMdd}", format);

    public static RegisterFile Files(FileStatisticsReport report, RegisterFileFormat format) => Print(
        "THỐNG KÊ HỒ SƠ, TÀI LIỆU", "Theo đơn vị lập hồ sơ", report.From, report.To,
        [
            new("Đơn vị", 0.2), new("Số hồ sơ", 0.07), new("Đang lập", 0.07), new("Đã kết thúc", 0.08), new("Đã nộp lưu", 0.08),
            new("Đã tiếp nhận vào lưu trữ", 0.1), new("Giữ lại", 0.07), new("Văn bản đưa vào hồ sơ", 0.1), new("Theo thời hạn bảo quản", 0.23),
        ],
        [.. report.Units.Append(report.Totals).Select(r => Cells(r.UnitName, r.Files, r.Open, r.Closed, r.Submitted, r.Accepted, r.KeptBack, r.DocumentsFiled)
            .Append(string.Join("; ", r.ByRetention.Select(c => $"{c.Retention}: {c.Count}"))).ToList())],
        ["Hồ sơ có thời gian tài liệu trong kỳ, theo tình trạng hiện nay; văn bản đưa vào hồ sơ trong kỳ (Nghị định 30/2020/NĐ-CP, Phụ lục VI mục I.III.6)."],
        $"thong-ke-ho-so-{report.From:yyyyMMdd}-{report.To:yyyyMMdd}", format);

    private static RegisterFile Print(string title, string subtitle, DateOnly from, DateOnly to, IReadOnlyList<RegisterColumn> columns,
        IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<string> notes, string name, RegisterFileFormat format) => RegisterFile.Print(
        new RegisterSheet(title, subtitle, from, to, null, null, columns, rows,
            [$"Từ ngày {RegisterFormat.Date(from)} đến ngày {RegisterFormat.Date(to)}", .. notes], "Báo cáo"),
        name, format);

    private static List<string> Cells(string name, params int[] numbers) => [name, .. Numbers(numbers)];

    private static IEnumerable<string> Numbers(params int[] numbers) => numbers.Select(n => n.ToString(CultureInfo.InvariantCulture));
}
