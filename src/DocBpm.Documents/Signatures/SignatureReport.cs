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

/// <summary>
/// One signature's result under ETSI EN 319 102-1: <see cref="Indication"/> (TOTAL-PASSED, TOTAL-FAILED, INDETERMINATE)
/// and <see cref="SubIndication"/> as codes for machines; <see cref="Status"/> is the same verdict in DocBpm's older words.
/// <see cref="SigningTime"/> is the proven time when <see cref="ProofOfExistence"/> is set, otherwise the signer's claim.
/// </summary>
public sealed record SignatureResult(
    string FieldName,
    string Indication,
    string? SubIndication,
    Signer? Signer,
    DateTimeOffset? SigningTime,
    bool Timestamped,
    string SubFilter,
    bool CoversWholeDocument,
    IReadOnlyList<SignatureFinding> Reasons)
{
    /// <summary>The earliest validated timestamp (of the signature or of a later document timestamp) proving it existed.</summary>
    public DateTimeOffset? ProofOfExistence { get; init; }

    public SignatureStatus Status => Indication switch
    {
        Indications.TotalPassed => SignatureStatus.Valid,
        Indications.TotalFailed => SignatureStatus.Invalid,
        _ => SignatureStatus.Indeterminate,
    };

    /// <summary>The verdict in the clerk's words, e.g. "chưa xác định được (chứng thư số đã hết hạn và …)".</summary>
    public string Words => global::DocBpm.Documents.Signatures.Indications.Vietnamese(Indication)
        + (SubIndication is null ? string.Empty : $" ({SubIndications.Vietnamese(SubIndication)})");

    /// <summary>A document timestamp: proof of time for what it covers, never a signer for Article 4.</summary>
    public bool IsDocumentTimestamp => SubFilter == SignatureCheck.DocumentTimestampSubFilter;

    /// <summary>
    /// Whether this later signature vouches for the revision it covers: its bytes are intact and its signer chains to
    /// a trust anchor (only revocation data or proof of time may be missing). A self-made certificate vouches for nothing.
    /// </summary>
    internal bool Endorses => Indication == Indications.TotalPassed
        || (Indication == Indications.Indeterminate && SubIndication is SubIndications.TryLater or SubIndications.RevokedNoPoe or SubIndications.OutOfBoundsNoPoe);
}

public sealed record SignatureReport(
    LegalStatus LegalStatus,
    IReadOnlyList<SignatureResult> Signatures,
    IReadOnlyList<SignatureFinding> Reasons)
{
    public bool IsLegallyValid => LegalStatus == LegalStatus.LegallyValid;

    /// <summary>One line per signature for the clerk, then the legal status.</summary>
    public string Summary => string.Join('\n', Signatures
        .Select(s => $"{s.Signer?.Name ?? s.FieldName}: {s.Words}{(s.Reasons.Count > 0 ? " — " + string.Join("; ", s.Reasons.Select(r => r.Message)) : string.Empty)}")
        .Concat(Reasons.Select(r => r.Message))
        .Append(IsLegallyValid ? "Văn bản có giá trị pháp lý." : "Văn bản chỉ có giá trị tham khảo."));
}

/// <summary>The file cannot be checked at all (not a PDF, truncated, encrypted, too big): a clear refusal, not a result.</summary>
public sealed class SignatureInputException(string code, string vietnamese, string english, Exception? inner = null)
    : DocumentRefusedException(code == "too-large" ? RefusalKind.TooLarge : RefusalKind.Invalid, "Không kiểm tra được chữ ký số", vietnamese, english, inner)
{
    public string Code { get; } = code;
    public string Vietnamese { get; } = vietnamese;

    public override IReadOnlyDictionary<string, object?> Facts => new Dictionary<string, object?> { ["code"] = Code };
}
