using DocBpm.Documents.Signatures;

namespace DocBpm.Documents.Exchange;

/// <summary>
/// What the intake does with a package's envelope signature: take it in (with the line its history records) or refuse it
/// with status 02 and the reason.
/// </summary>
public sealed record EnvelopeVerdict(bool Accepted, string Note)
{
    public const string NoSignature = "Gói tin không có chữ ký số của cơ quan gửi (DigitalSignature để trống).";

    public static EnvelopeVerdict Refused(string reason) => new(false, "Chữ ký số của gói tin không được chấp nhận: " + reason + ".");

    /// <summary>A signature that verifies but names no agency DocBpm can confirm: worth no more than none, so taken in as unsigned.</summary>
    public static EnvelopeVerdict Unattributed(string reason) =>
        new(true, "Gói tin có chữ ký số nhưng không xác định được cơ quan ký (" + reason + "); coi như gói tin không có chữ ký số.");
}

/// <summary>
/// Article 8.1a for the envelope, as <see cref="SenderOrigin"/> for the PDF: a signature that verifies is not enough; its
/// certificate must chain to the configured trust anchors, be valid and not revoked when the package arrived, and belong,
/// by the admin's registry of signing authorities, to the agency the axis says sent the package. A package without a
/// signature is taken in as before (most senders leave <c>DigitalSignature</c> empty) and recorded as unsigned. So is one
/// whose signer cannot be confirmed (a root not trusted here, a certificate not in the registry): stripping the signature
/// would get the same package in, so refusing it would only lose a document from an agency the admin has not registered
/// yet; the PDF's own check (reference only, Article 8.1a) still decides the document's standing. What proves something
/// wrong is refused: a package changed after signing, an expired or revoked key, another registered agency's key.
/// </summary>
public sealed class EnvelopeSignatureCheck(TrustMaterial trust, SignerRegistry registry)
{
    public async Task<EnvelopeVerdict> CheckAsync(byte[] package, string sender, DateTimeOffset arrivedAt, CancellationToken cancellationToken)
    {
        var read = EnvelopeSignature.Read(package);
        var signers = read.State == EnvelopeSeal.Intact ? await registry.SnapshotAsync(cancellationToken) : [];
        return Judge(read, sender, arrivedAt, trust, signers);
    }

    /// <summary>The verdict on a signature read from a package that <paramref name="sender"/> sent at <paramref name="arrivedAt"/>.</summary>
    internal static EnvelopeVerdict Judge(EnvelopeSealRead read, string sender, DateTimeOffset arrivedAt, TrustMaterial trust,
        IReadOnlyList<SignerRegistration> signers)
    {
        if (read.State == EnvelopeSeal.Absent)
            return new EnvelopeVerdict(true, EnvelopeVerdict.NoSignature);
        if (read.State == EnvelopeSeal.Refused)
            return EnvelopeVerdict.Refused(read.Problem!);

        var certificate = read.Signer!;
        var path = CertificatePath.Build(certificate, trust.Intermediates.Concat(read.Certificates.Skip(1)), trust.Anchors);
        if (path is null)
            return EnvelopeVerdict.Unattributed("chứng thư số ký gói tin không do tổ chức chứng thực được tin cậy cấp");
        if (!certificate.IsValid(arrivedAt.UtcDateTime))
            return EnvelopeVerdict.Refused($"chứng thư số ký gói tin không có hiệu lực lúc gói tin đến (hiệu lực {certificate.NotBefore:dd/MM/yyyy}–{certificate.NotAfter:dd/MM/yyyy})");
        if (RevocationCheck.Check(path, arrivedAt, timeIsTrusted: true, new RevocationData(trust.Crls, [])) is { Code: "certificate-revoked" } revoked)
            return EnvelopeVerdict.Refused(Lowered(revoked.Message));

        var signer = SignerClassifier.Classify(certificate, signers, arrivedAt);
        if (signer.AgencyCode is not { } agency || !signer.Registered)
            return EnvelopeVerdict.Unattributed(Lowered(SenderOrigin.NotInDirectory(sender).Message).TrimEnd('.'));
        if (!string.Equals(agency, sender, StringComparison.OrdinalIgnoreCase))
            return EnvelopeVerdict.Refused(Lowered(SenderOrigin.NotTheSender(sender, [$"{signer.Name} ({agency})"]).Message).TrimEnd('.'));
        return new EnvelopeVerdict(true, $"Gói tin có chữ ký số hợp lệ của cơ quan gửi: {signer.Name} ({agency}).");
    }

    private static string Lowered(string sentence) => sentence.Length == 0 ? sentence : char.ToLowerInvariant(sentence[0]) + sentence[1..];
}
