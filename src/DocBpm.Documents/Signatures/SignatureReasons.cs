using System.Globalization;

namespace DocBpm.Documents.Signatures;

/// <summary>Every reason a signature or document result can carry, in one place.</summary>
public static class SignatureReasons
{
    public static SignatureFinding ByteRange { get; } = new("byte-range-invalid",
        "Vùng dữ liệu được ký (ByteRange) không bao phủ toàn bộ tệp trừ phần chữ ký.");

    public static SignatureFinding MalformedCms { get; } = new("cms-malformed",
        "Dữ liệu chữ ký (/Contents) bị hỏng, không đọc được.");

    public static SignatureFinding DigestMismatch { get; } = new("digest-mismatch",
        "Nội dung đã bị thay đổi sau khi ký: giá trị băm không khớp.");

    public static SignatureFinding SignatureMismatch { get; } = new("signature-invalid",
        "Chữ ký không khớp với khóa công khai trong chứng thư số của người ký.");

    public static SignatureFinding CertificateMissing { get; } = new("certificate-missing",
        "Chữ ký không kèm chứng thư số của người ký.");

    public static SignatureFinding Untrusted { get; } = new("chain-untrusted",
        "Chứng thư số không do tổ chức chứng thực tin cậy cấp (không đến được chứng thư gốc đã cấu hình).");

    public static SignatureFinding KeyUsage { get; } = new("key-usage",
        "Chứng thư số không được phép dùng để ký số.");

    public static SignatureFinding RevocationUnknown { get; } = new("revocation-unknown",
        "Không có thông tin thu hồi (CRL/OCSP) để kiểm tra chứng thư số.");

    public static SignatureFinding RevokedAfterClaimedTime { get; } = new("revoked-after-claimed-time",
        "Chứng thư số bị thu hồi sau thời điểm ký do người ký tự khai, không có dấu thời gian để xác nhận.");

    public static SignatureFinding TimestampInvalid { get; } = new("timestamp-invalid",
        "Dấu thời gian kèm chữ ký bị hỏng hoặc không khớp với chữ ký; không được dùng làm bằng chứng thời điểm ký.");

    public static SignatureFinding TimestampUntrusted { get; } = new("timestamp-authority-untrusted",
        "Dấu thời gian do tổ chức cấp dấu thời gian chưa được cấu hình tin cậy; không được dùng làm bằng chứng thời điểm ký.");

    public static SignatureFinding TimestampAuthorityRevoked { get; } = new("timestamp-authority-revoked",
        "Chứng thư số của tổ chức cấp dấu thời gian đã bị thu hồi trước khi cấp dấu; dấu thời gian không được dùng làm bằng chứng thời điểm ký.");

    public static SignatureFinding TimestampAuthorityRevokedNoPoe { get; } = new("timestamp-authority-revoked-no-proof-of-time",
        "Chứng thư số của tổ chức cấp dấu thời gian đã bị thu hồi và không có bằng chứng dấu thời gian được cấp trước khi thu hồi; "
        + "dấu thời gian không được dùng làm bằng chứng thời điểm ký.");

    public static SignatureFinding TimestampAuthorityRevocationUnknown { get; } = new("timestamp-authority-revocation-unknown",
        "Không có thông tin thu hồi (CRL/OCSP) cho chứng thư số của tổ chức cấp dấu thời gian; dấu thời gian chưa được dùng làm bằng chứng thời điểm ký.");

    public static SignatureFinding SignatureAlgorithmUnsupported { get; } = new("signature-algorithm-unsupported",
        "Thuật toán ký của chữ ký không được hỗ trợ nên không kiểm tra được (không có nghĩa là chữ ký sai).");

    public static SignatureFinding ClaimedTimesDiffer { get; } = new("claimed-times-differ",
        "Thời điểm ký ghi trong chữ ký (signing-time) khác thời điểm ghi trong tệp (/M); lấy thời điểm trong chữ ký, đều do người ký tự khai.");

    public static SignatureFinding TrailingBytes { get; } = new("bytes-after-end-of-file",
        "Tệp có dữ liệu thừa sau dấu kết thúc %%EOF; dữ liệu này không được hiển thị và không được ký.");

    public static SignatureFinding ContentChanged { get; } = new("content-changed-after-signing",
        "Nội dung trang văn bản đã bị thay đổi sau khi ký.");

    public static SignatureFinding UnsignedUpdate { get; } = new("modified-after-last-signature",
        "Tệp có phần cập nhật sau chữ ký cuối cùng không được ký.");

    public static SignatureFinding DocumentTimestampHash { get; } = new("document-timestamp-digest-mismatch",
        "Dấu thời gian của cả tệp không khớp với nội dung tệp.");

    public static SignatureFinding NoSignatures { get; } = new("no-signatures",
        "Văn bản không có chữ ký số.");

    public static SignatureFinding NoAuthorisedPerson { get; } = new("no-valid-personal-signature",
        "Thiếu chữ ký số hợp lệ của người có thẩm quyền.");

    public static SignatureFinding NoAgency { get; } = new("no-valid-agency-signature",
        "Thiếu chữ ký số hợp lệ của cơ quan, tổ chức.");

    public static SignatureFinding NotRegistered { get; } = new("signer-not-registered",
        "Người ký không có trong danh sách người có thẩm quyền ký.");

    public static SignatureFinding UnsupportedFormat(string subFilter) => new("sub-filter-unsupported",
        $"Định dạng chữ ký {subFilter} không được hỗ trợ (chỉ nhận adbe.pkcs7.detached và ETSI.CAdES.detached).");

    public static SignatureFinding UnsupportedDigest(string oid) => new("digest-algorithm-unsupported",
        $"Thuật toán băm {oid} không được hỗ trợ.");

    public static SignatureFinding Expired(DateTimeOffset at) => new("certificate-expired",
        $"Chứng thư số đã hết hạn trước thời điểm ký ({Vietnam(at)}).");

    public static SignatureFinding NotYetValid(DateTimeOffset at) => new("certificate-not-yet-valid",
        $"Chứng thư số chưa có hiệu lực tại thời điểm ký ({Vietnam(at)}).");

    public static SignatureFinding ExpiredWithoutProofOfTime(DateTimeOffset notAfter) => new("certificate-expired-no-proof-of-time",
        $"Chứng thư số đã hết hạn từ {Vietnam(notAfter)}; không có dấu thời gian hợp lệ chứng minh chữ ký được tạo trước đó "
        + "(thời điểm ký ghi trong tệp chỉ là lời tự khai của người ký).");

    /// <summary>A later revision changes something of the given kind that is not allowed after this signature.</summary>
    public static SignatureFinding Changed(ChangeKind kind) => new($"changed-after-signing-{Kebab(kind)}", kind switch
    {
        ChangeKind.PageContent => "Sau khi ký, nội dung trang đã bị thay đổi (thêm, bớt hoặc vẽ đè nội dung).",
        ChangeKind.Appearance => "Sau khi ký, một ô biểu mẫu hoặc chữ ký được thêm hay vẽ lại, hiển thị đè lên nội dung đã ký.",
        ChangeKind.FormFilling => "Sau khi ký, giá trị của ô biểu mẫu đã bị điền hoặc sửa.",
        ChangeKind.Annotation => "Sau khi ký, ghi chú (annotation) đã được thêm, sửa hoặc xóa trên trang.",
        ChangeKind.ObjectReplaced => "Sau khi ký, đối tượng của văn bản đã ký (phông chữ, hình ảnh, tài nguyên) bị thay thế hoặc che giấu.",
        ChangeKind.Signature => "Sau khi ký có thêm chữ ký khác, trái với quyền chứng thực của văn bản (DocMDP).",
        _ => $"Sau khi ký, tệp có thay đổi loại {kind}.",
    });

    /// <summary>A later revision changed a form field this signature locked (FieldMDP): no DocMDP permission excuses it.</summary>
    public static SignatureFinding LockedFieldChanged(string field) => new("changed-after-signing-locked-field",
        $"Sau khi ký, ô biểu mẫu “{field}” đã bị sửa dù chữ ký đã khóa ô này (FieldMDP).");

    public static SignatureFinding Revoked(DateTimeOffset at) => new("certificate-revoked",
        $"Chứng thư số đã bị thu hồi từ {Vietnam(at)}.");

    /// <summary>A change the certification signature permits (DocMDP): reported so the clerk compares, not held against the document.</summary>
    public static SignatureFinding Permitted(ChangeKind kind) => new($"permitted-change-{Kebab(kind)}", kind == ChangeKind.FormFilling
        ? "Sau khi ký, ô biểu mẫu đã được điền; chữ ký chứng thực cho phép việc này. Hãy so sánh với bản đã ký."
        : "Sau khi ký, ghi chú (annotation) đã được thêm; chữ ký chứng thực cho phép việc này. Hãy so sánh với bản đã ký.");

    /// <summary>Why a timestamp token proves no time.</summary>
    internal static SignatureFinding Timestamp(TimestampProblem problem) => problem switch
    {
        TimestampProblem.Untrusted => TimestampUntrusted,
        TimestampProblem.AuthorityRevoked => TimestampAuthorityRevoked,
        TimestampProblem.AuthorityRevokedNoPoe => TimestampAuthorityRevokedNoPoe,
        TimestampProblem.AuthorityRevocationUnknown => TimestampAuthorityRevocationUnknown,
        _ => TimestampInvalid,
    };

    public static bool IsForbiddenChange(SignatureFinding finding) => finding.Code.StartsWith("changed-after-signing-", StringComparison.Ordinal);

    private static string Kebab(ChangeKind kind) =>
        string.Concat(kind.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>NĐ30 Phụ lục I: date and time with the Vietnam offset, ISO 8601.</summary>
    public static string Vietnam(DateTimeOffset at) =>
        Engine.Timers.VietnamTime.ToLocal(at).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
