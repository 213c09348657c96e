namespace DocBpm.Documents.Outgoing;

/// <summary>
/// The types of Phụ lục III NĐ30 as first data. The list was compiled from memory of the decree (domain.md marks it
/// unconfirmed), so it lives in a table the administrator can correct rather than in code.
/// </summary>
public static class DocumentTypeSeed
{
    public const string OfficialLetter = "CV";

    public static IReadOnlyList<DocumentType> Types { get; } = Build(
    [
        (OfficialLetter, "Công văn"), ("NQ", "Nghị quyết"), ("QĐ", "Quyết định"), ("CT", "Chỉ thị"), ("QC", "Quy chế"),
        ("QyĐ", "Quy định"), ("TC", "Thông cáo"), ("TB", "Thông báo"), ("HD", "Hướng dẫn"), ("CTr", "Chương trình"),
        ("KH", "Kế hoạch"), ("PA", "Phương án"), ("ĐA", "Đề án"), ("DA", "Dự án"), ("BC", "Báo cáo"), ("BB", "Biên bản"),
        ("TTr", "Tờ trình"), ("HĐ", "Hợp đồng"), ("CĐ", "Công điện"), ("GN", "Bản ghi nhớ"), ("TTh", "Bản thỏa thuận"),
        ("GUQ", "Giấy ủy quyền"), ("GM", "Giấy mời"), ("GGT", "Giấy giới thiệu"), ("GNP", "Giấy nghỉ phép"),
        ("PG", "Phiếu gửi"), ("PC", "Phiếu chuyển"), ("PB", "Phiếu báo"),
    ]);

    private static List<DocumentType> Build((string Code, string Name)[] types) =>
        [.. types.Select((t, i) => new DocumentType { Code = t.Code, Name = t.Name, InNotation = t.Code != OfficialLetter, SortOrder = i + 1 })];
}
