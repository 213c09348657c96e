using DocBpm.Documents.Text;
using DocBpm.Engine;

namespace DocBpm.Documents.Incoming;

/// <summary>The Appendix VI fields the clerk enters or checks when uploading or registering a document.</summary>
public sealed record IncomingFields(
    string? IssuingAgency,
    string? CodeNumber,
    string? CodeNotation,
    DateOnly? DocumentDate,
    string? DocumentType,
    string? Subject,
    string? Signer,
    Urgency Urgency,
    int? PageCount,
    int? Copies,
    string? Notes)
{
    public static IncomingFields From(IncomingDocument d) => new(d.IssuingAgency, d.CodeNumber, d.CodeNotation, d.DocumentDate,
        d.DocumentType, d.Subject, d.Signer, d.Urgency, d.PageCount, d.Copies, d.Notes);

    /// <summary>Vietnamese messages by field name; empty when the fields may be stored.</summary>
    public Dictionary<string, string[]> Validate(DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        Required(errors, "issuingAgency", IssuingAgency, 300, "Tên cơ quan, tổ chức ban hành");
        Required(errors, "codeNumber", CodeNumber, 50, "Số văn bản");
        Required(errors, "codeNotation", CodeNotation, 100, "Ký hiệu văn bản");
        Required(errors, "documentType", DocumentType, 100, "Tên loại văn bản");
        Required(errors, "subject", Subject, 2000, "Trích yếu nội dung");
        if (DocumentDate is null)
            errors["documentDate"] = ["Ngày, tháng, năm văn bản là bắt buộc."];
        else if (DocumentDate > today)
            errors["documentDate"] = ["Ngày văn bản không được sau ngày hôm nay."];
        if (!Enum.IsDefined(Urgency))
            errors["urgency"] = ["Mức độ khẩn chỉ là Thường, Khẩn, Thượng khẩn hoặc Hỏa tốc."];
        if (PageCount is < 1 or > 10_000)
            errors["pageCount"] = ["Số trang phải từ 1 đến 10000."];
        if (Copies is < 1 or > 10_000)
            errors["copies"] = ["Số lượng bản phải từ 1 đến 10000."];
        if (Signer is { Length: > 200 })
            errors["signer"] = ["Người ký không quá 200 ký tự."];
        if (Notes is { Length: > 2000 })
            errors["notes"] = ["Ghi chú không quá 2000 ký tự."];
        return errors;
    }

    /// <summary>Stores the fields in Unicode NFC, so that the same Vietnamese word compares and searches as one.</summary>
    public void ApplyTo(IncomingDocument d)
    {
        d.IssuingAgency = VietnameseText.Normalize(IssuingAgency)!;
        d.CodeNumber = VietnameseText.Normalize(CodeNumber)!;
        d.CodeNotation = VietnameseText.Normalize(CodeNotation)!;
        d.DocumentDate = DocumentDate!.Value;
        d.DocumentType = VietnameseText.Normalize(DocumentType)!;
        d.Subject = VietnameseText.Normalize(Subject)!;
        d.Signer = VietnameseText.Normalize(Signer);
        d.Urgency = Urgency;
        d.PageCount = PageCount;
        d.Copies = Copies;
        d.Notes = VietnameseText.Normalize(Notes);
    }

    private static void Required(Dictionary<string, string[]> errors, string field, string? value, int maxLength, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
            errors[field] = [$"{label} là bắt buộc."];
        else if (value.Trim().Length > maxLength)
            errors[field] = [$"{label} không quá {maxLength} ký tự."];
    }
}

/// <summary>The input was refused before anything was stored; the messages are for the person, by field.</summary>
public sealed class IncomingValidationException(IDictionary<string, string[]> errors)
    : DocumentRefusedException(RefusalKind.Malformed, "Thông tin văn bản đến không hợp lệ",
        "Vui lòng sửa các trường được chỉ ra. Không có thay đổi nào được lưu.",
        "Incoming document input refused: " + string.Join("; ", errors.Keys))
{
    public IDictionary<string, string[]> Errors { get; } = errors;

    public override IReadOnlyDictionary<string, string[]> FieldErrors => Errors.AsReadOnly();

    public static void ThrowIfAny(IDictionary<string, string[]> errors)
    {
        if (errors.Count > 0)
            throw new IncomingValidationException(errors);
    }

    public static IncomingValidationException For(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>The document is not where the requested action could happen (already registered, cancelled…).</summary>
public sealed class IncomingStateException(Guid documentId, IncomingStatus status, string messageVi)
    : DocumentRefusedException(RefusalKind.Conflict, "Không thực hiện được ở bước này", messageVi + " Không có thay đổi nào được lưu.",
        $"Incoming document {documentId} is {status}; the action does not apply.");
