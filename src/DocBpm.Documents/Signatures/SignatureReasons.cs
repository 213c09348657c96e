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
        "Dấu thời gian kèm chữ ký không hợp lệ.");

    public static SignatureFinding SigningTimeMissing { get; } = new("signing-time-missing",
        "Không xác định được thời điểm ký.");

    public static SignatureFinding ContentChanged { get; } = new("content-changed-after-signing",
        "Nội dung trang văn bản đã bị thay đổi sau khi ký.");

    public static SignatureFinding UnsignedUpdate { get; } = new("modified-after-last-signature",
        "Tệp có phần cập nhật sau chữ ký cuối cùng không được ký.");

    public static SignatureFinding DocumentTimestamp { get; } = new("document-timestamp-not-checked",
        "Dấu thời gian của cả tệp (PAdES LTA) chưa được kiểm tra; không ảnh hưởng đến các chữ ký khác.");

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
        $"Chứng thư số không còn hiệu lực tại thời điểm ký ({Vietnam(at)}).");

    public static SignatureFinding Revoked(DateTimeOffset at) => new("certificate-revoked",
        $"Chứng thư số đã bị thu hồi từ {Vietnam(at)}.");

    /// <summary>NĐ30 Phụ lục I: date and time with the Vietnam offset, ISO 8601.</summary>
    public static string Vietnam(DateTimeOffset at) =>
        Engine.Timers.VietnamTime.ToLocal(at).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
