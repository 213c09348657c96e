using DocBpm.Engine;

namespace DocBpm.Documents.Signatures;

public enum SignatureStatus
{
    Valid,
    Invalid,

    /// <summary>Nothing is wrong that could be proven, but something needed to prove validity is missing (e.g. revocation data).</summary>
    Indeterminate,
}

public enum SignerKind
{
    Person,
    Organisation,
    Unknown,
}

/// <summary>Article 4: legal value only with a valid authorised person's signature plus a valid agency signature.</summary>
public enum LegalStatus
{
    LegallyValid,
    ReferenceOnly,
}

/// <summary>One reason behind a result: an English code for logs and machines, a Vietnamese sentence for the clerk.</summary>
public sealed record SignatureFinding(string Code, string Message);

/// <summary>Who signed, as far as the certificate and the admin's registry tell.</summary>
public sealed record Signer(
    string Name,
    SignerKind Kind,
    string Subject,
    string Issuer,
    string SerialNumber,
    string Thumbprint,
    bool Registered,
    string? AgencyCode,
    string? Position);

public sealed record SignatureResult(
    string FieldName,
    SignatureStatus Status,
    Signer? Signer,
    DateTimeOffset? SigningTime,
    bool Timestamped,
    string SubFilter,
    bool CoversWholeDocument,
    IReadOnlyList<SignatureFinding> Reasons);

public sealed record SignatureReport(
    LegalStatus LegalStatus,
    IReadOnlyList<SignatureResult> Signatures,
    IReadOnlyList<SignatureFinding> Reasons)
{
    public bool IsLegallyValid => LegalStatus == LegalStatus.LegallyValid;

    /// <summary>One line per signature for the clerk, then the legal status.</summary>
    public string Summary => string.Join('\n', Signatures
        .Select(s => $"{s.Signer?.Name ?? s.FieldName}: {StatusText(s.Status)}{(s.Reasons.Count > 0 ? " — " + string.Join("; ", s.Reasons.Select(r => r.Message)) : string.Empty)}")
        .Concat(Reasons.Select(r => r.Message))
        .Append(IsLegallyValid ? "Văn bản có giá trị pháp lý." : "Văn bản chỉ có giá trị tham khảo."));

    private static string StatusText(SignatureStatus status) => status switch
    {
        SignatureStatus.Valid => "hợp lệ",
        SignatureStatus.Invalid => "không hợp lệ",
        _ => "chưa xác định được",
    };
}

/// <summary>The file cannot be checked at all (not a PDF, truncated, encrypted, too big): a clear refusal, not a result.</summary>
public sealed class SignatureInputException(string code, string vietnamese, string english, Exception? inner = null)
    : DocumentRefusedException(code == "too-large" ? RefusalKind.TooLarge : RefusalKind.Invalid, "Không kiểm tra được chữ ký số", vietnamese, english, inner)
{
    public string Code { get; } = code;
    public string Vietnamese { get; } = vietnamese;

    public override IReadOnlyDictionary<string, object?> Facts => new Dictionary<string, object?> { ["code"] = Code };
}
