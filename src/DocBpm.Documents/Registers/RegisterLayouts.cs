using System.Globalization;

namespace DocBpm.Documents.Registers;

/// <summary>The column sets of NĐ30 Phụ lục IV (domain.md §1.4) and how an entry fills them.</summary>
public static class RegisterLayouts
{
    public const string IncomingTitle = "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN";
    public const string OutgoingTitle = "SỔ ĐĂNG KÝ VĂN BẢN ĐI";

    public static IReadOnlyList<RegisterColumn> IncomingColumns { get; } =
    [
        new("Ngày đến", 1.1),
        new("Số đến", 0.7),
        new("Tác giả", 1.6),
        new("Số, ký hiệu văn bản", 1.3),
        new("Ngày tháng văn bản", 1.0),
        new("Tên loại và trích yếu nội dung văn bản", 3.2),
        new("Đơn vị hoặc người nhận", 1.5),
        new("Ngày chuyển", 1.0),
        new("Ký nhận", 0.9),
        new("Ghi chú", 1.1),
    ];

    public static IReadOnlyList<RegisterColumn> OutgoingColumns { get; } =
    [
        new("Số, ký hiệu văn bản", 1.3),
        new("Ngày tháng văn bản", 1.0),
        new("Tên loại và trích yếu nội dung văn bản", 3.2),
        new("Người ký", 1.3),
        new("Nơi nhận văn bản", 1.8),
        new("Đơn vị, người nhận bản lưu", 1.3),
        new("Số lượng bản", 0.7),
        new("Ngày chuyển", 1.0),
        new("Ký nhận", 0.9),
        new("Ghi chú", 1.1),
    ];

    public static RegisterSheet Incoming(RegisterBook book, DateOnly from, DateOnly to, IReadOnlyList<IncomingRegisterEntry> entries) =>
        Sheet(IncomingTitle, book, from, to, IncomingColumns, entries, e => e.IncomingNumber, IncomingRow);

    public static RegisterSheet Outgoing(RegisterBook book, DateOnly from, DateOnly to, IReadOnlyList<OutgoingRegisterEntry> entries) =>
        Sheet(OutgoingTitle, book, from, to, OutgoingColumns, entries, e => e.Number, OutgoingRow);

    private static RegisterSheet Sheet<T>(string title, RegisterBook book, DateOnly from, DateOnly to, IReadOnlyList<RegisterColumn> columns,
        IReadOnlyList<T> entries, Func<T, int> number, Func<T, string[]> row) =>
        new(title, book.Name, from, to,
            entries.Count == 0 ? null : entries.Min(number),
            entries.Count == 0 ? null : entries.Max(number),
            columns,
            [.. entries.OrderBy(number).Select(row)]);

    private static string[] IncomingRow(IncomingRegisterEntry e) =>
    [
        e.PrintReceivedTime ? RegisterFormat.DateTime(e.ReceivedAt) : RegisterFormat.Date(e.ReceivedAt),
        RegisterNumber.Format(e.IncomingNumber),
        e.Author,
        e.NumberAndNotation,
        RegisterFormat.Date(e.DocumentDate),
        e.TypeAndSubject,
        e.Recipient ?? "",
        RegisterFormat.Date(e.TransferredOn),
        e.ReceiptSignature ?? "",
        e.Notes ?? "",
    ];

    private static string[] OutgoingRow(OutgoingRegisterEntry e) =>
    [
        e.NumberAndNotation,
        RegisterFormat.Date(e.DocumentDate),
        e.TypeAndSubject,
        e.Signer,
        e.Recipients,
        e.ArchiveHolder ?? "",
        e.Copies.ToString(CultureInfo.InvariantCulture),
        RegisterFormat.Date(e.DispatchedOn),
        e.ReceiptSignature ?? "",
        e.Notes ?? "",
    ];
}
