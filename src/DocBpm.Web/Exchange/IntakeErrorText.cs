namespace DocBpm.Web.Exchange;

/// <summary>
/// A Vietnamese explanation of an intake failure for the administrators, shown beside the stored error (kept in English,
/// as logged). It is read from the exception type the error starts with ("Type: message"), so no column is added.
/// </summary>
public static class IntakeErrorText
{
    public const string Unknown = "Lỗi chưa được phân loại khi tiếp nhận gói tin; xem chi tiết kỹ thuật bên cạnh và nhật ký hệ thống, khắc phục rồi thử lại.";

    private const string Process = "Quy trình đang chờ gói tin này không xử lý được nó (ví dụ không có nhánh cho trạng thái nhận được); "
        + "cần sửa hoặc hủy quy trình đó rồi thử lại.";

    private const string Format = "Gói tin không đúng định dạng edXML hoặc có mã định danh, số, ký hiệu không hợp lệ; đề nghị nơi gửi kiểm tra và gửi lại.";

    private const string File = "Tệp kèm theo gói tin không được chấp nhận (định dạng không cho phép hoặc tệp bị hỏng); đề nghị nơi gửi gửi lại.";

    private const string Signature = "Chữ ký số của văn bản trong gói tin không hợp lệ; đề nghị nơi gửi ký lại và gửi lại.";

    private const string Database = "Không ghi được vào cơ sở dữ liệu (có thể do xung đột khi nhiều việc chạy cùng lúc); hãy thử lại.";

    private static readonly Dictionary<string, string> ByType = new(StringComparer.Ordinal)
    {
        ["ProcessExecutionException"] = Process,
        ["UnhandledBpmnErrorException"] = Process,
        ["ExpressionException"] = Process,
        ["ActivityInputException"] = Process,
        ["XmlException"] = Format,
        ["FormatException"] = Format,
        ["InvalidDataException"] = Format,
        ["FileRefusedException"] = File,
        ["FileIntegrityException"] = File,
        ["SignatureRefusedException"] = Signature,
        ["DbUpdateException"] = Database,
        ["DbUpdateConcurrencyException"] = Database,
        ["ConcurrencyConflictException"] = Database,
    };

    public static string Explain(string lastError)
    {
        var colon = lastError.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && ByType.TryGetValue(lastError[..colon], out var explanation) ? explanation : Unknown;
    }
}
