namespace DocBpm.Documents.Signatures;

/// <summary>The main status indications of ETSI EN 319 102-1 §5.1.3, spelled as the standard spells them.</summary>
public static class Indications
{
    public const string TotalPassed = "TOTAL-PASSED";
    public const string TotalFailed = "TOTAL-FAILED";
    public const string Indeterminate = "INDETERMINATE";

    /// <summary>What the clerk reads for each indication.</summary>
    public static string Vietnamese(string indication) => indication switch
    {
        TotalPassed => "hợp lệ",
        TotalFailed => "không hợp lệ",
        _ => "chưa xác định được",
    };
}

/// <summary>
/// The sub-indications of ETSI EN 319 102-1 §5.1.3 that DocBpm gives, each with the words a clerk reads
/// (docs/signatures.md explains each and what to do).
/// </summary>
public static class SubIndications
{
    public const string FormatFailure = "FORMAT_FAILURE";
    public const string HashFailure = "HASH_FAILURE";
    public const string SigCryptoFailure = "SIG_CRYPTO_FAILURE";
    public const string Revoked = "REVOKED";
    public const string Expired = "EXPIRED";
    public const string NotYetValid = "NOT_YET_VALID";
    public const string NoCertificateChainFound = "NO_CERTIFICATE_CHAIN_FOUND";
    public const string NoSigningCertificateFound = "NO_SIGNING_CERTIFICATE_FOUND";
    public const string ChainConstraintsFailure = "CHAIN_CONSTRAINTS_FAILURE";
    public const string CryptoConstraintsFailure = "CRYPTO_CONSTRAINTS_FAILURE";
    public const string OutOfBoundsNoPoe = "OUT_OF_BOUNDS_NO_POE";
    public const string RevokedNoPoe = "REVOKED_NO_POE";
    public const string TryLater = "TRY_LATER";
    public const string NoPoe = "NO_POE";

    public static string Vietnamese(string subIndication) => subIndication switch
    {
        FormatFailure => "sai định dạng chữ ký hoặc tệp đã bị sửa sau khi ký",
        HashFailure => "nội dung đã bị thay đổi sau khi ký",
        SigCryptoFailure => "giá trị chữ ký không khớp với chứng thư số",
        Revoked => "chứng thư số đã bị thu hồi trước khi ký",
        Expired => "chứng thư số đã hết hạn trước khi ký",
        NotYetValid => "chứng thư số chưa có hiệu lực tại thời điểm ký",
        NoCertificateChainFound => "không xác minh được tổ chức cấp chứng thư số",
        NoSigningCertificateFound => "không tìm thấy chứng thư số của người ký",
        ChainConstraintsFailure => "chứng thư số không đáp ứng điều kiện sử dụng để ký",
        CryptoConstraintsFailure => "thuật toán mật mã không được hỗ trợ",
        OutOfBoundsNoPoe => "chứng thư số đã hết hạn và không có dấu thời gian chứng minh đã ký trước đó",
        RevokedNoPoe => "chứng thư số đã bị thu hồi và không có dấu thời gian chứng minh đã ký trước đó",
        TryLater => "chưa có thông tin thu hồi chứng thư số để kiểm tra",
        NoPoe => "không chứng minh được thời điểm ký",
        _ => subIndication,
    };
}

/// <summary>One signature's ETSI verdict: the indication and, unless TOTAL-PASSED, the sub-indication.</summary>
internal sealed record Verdict(string Indication, string SubIndication)
{
    public static Verdict Failed(string subIndication) => new(Indications.TotalFailed, subIndication);

    public static Verdict Indeterminate(string subIndication) => new(Indications.Indeterminate, subIndication);
}
