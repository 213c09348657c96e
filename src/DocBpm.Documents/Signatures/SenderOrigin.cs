namespace DocBpm.Documents.Signatures;

/// <summary>
/// Article 8.1a, authenticity: a received document's agency signature must be the sending agency's. The admin's registry
/// (<see cref="SigningAuthority"/>) ties an agency's certificates (thumbprint or subject identifier) to its code on the
/// exchange axis; the certificate alone cannot say which agency it belongs to, since CAs do not write that code.
/// </summary>
public static class SenderOrigin
{
    public static SignatureFinding NotTheSender(string sender, IEnumerable<string> signing) => new("agency-signature-not-sender",
        $"Chữ ký số không phải của cơ quan gửi: văn bản do {sender} gửi nhưng mang chữ ký số của cơ quan {string.Join(", ", signing)}.");

    public static SignatureFinding NotInDirectory(string sender) => new("agency-signature-not-in-directory",
        $"Chữ ký số của cơ quan chưa có trong danh mục chữ ký cơ quan, nên không đối chiếu được với cơ quan gửi ({sender}); "
        + "đề nghị quản trị bổ sung chứng thư số của cơ quan gửi vào danh mục.");

    /// <summary>
    /// The report with the origin rule applied: valid agency signatures none of which is the sender's make the document
    /// reference only. No valid agency signature at all is reported by the verifier already.
    /// </summary>
    public static SignatureReport Check(SignatureReport report, string sender)
    {
        var agencies = report.Signatures
            .Where(s => s.Status == SignatureStatus.Valid && !s.IsDocumentTimestamp && s.Signer is { Kind: SignerKind.Organisation })
            .Select(s => s.Signer!).ToList();
        if (agencies.Count == 0 || agencies.Any(a => string.Equals(a.AgencyCode, sender, StringComparison.OrdinalIgnoreCase)))
            return report;
        var known = agencies.Where(a => a.AgencyCode is not null).Select(a => a.AgencyCode!).Distinct().ToList();
        var finding = known.Count > 0 ? NotTheSender(sender, known) : NotInDirectory(sender);
        return report with { LegalStatus = LegalStatus.ReferenceOnly, Reasons = [.. report.Reasons, finding] };
    }
}
