using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace DocBpm.Documents.Signatures;

/// <summary>
/// Checks one signature the way ETSI EN 319 102-1 validates a basic signature and its past: format, CMS integrity, the
/// signing certificate, its path to a trust anchor, then validity and revocation at the best proven time (NĐ30 Điều
/// 21.2.a "tính xác thực và toàn vẹn"; checklist in domain.md §5.4). The time the signer claims (/M, signing-time) is
/// only a claim: it can condemn the signer (a claim after expiry or revocation) but never rescue an expired certificate;
/// only a validated timestamp is proof of existence.
/// </summary>
internal sealed class SignatureCheck(TrustMaterial trust, IReadOnlyList<SignerRegistration> registry, RevocationData documentRevocation, DateTimeOffset now)
{
    public const string DocumentTimestampSubFilter = "ETSI.RFC3161";

    private static readonly HashSet<string> Digests = [NistObjectIdentifiers.IdSha256.Id, NistObjectIdentifiers.IdSha384.Id, NistObjectIdentifiers.IdSha512.Id];
    private static readonly HashSet<string> SubFilters = ["adbe.pkcs7.detached", "ETSI.CAdES.detached"];

    private readonly TimestampValidation timestamps = new(trust, documentRevocation.With(new RevocationData(trust.Crls, [])));

    /// <param name="documentPoe">The earliest valid document timestamp over a later revision: proof this signature existed then.</param>
    public SignatureResult Check(byte[] pdf, EmbeddedSignature embedded, DateTimeOffset? documentPoe)
    {
        var findings = new Findings(embedded, pdf.LongLength);
        if (embedded.SubFilter == DocumentTimestampSubFilter)
            return CheckDocumentTimestamp(pdf, embedded, findings);
        if (!SubFilters.Contains(embedded.SubFilter))
            return findings.Stop(SignatureReasons.UnsupportedFormat(embedded.SubFilter), Verdict.Indeterminate(SubIndications.FormatFailure));
        if (!ByteRangeIsSound(pdf, embedded))
            return findings.Stop(SignatureReasons.ByteRange, Verdict.Failed(SubIndications.FormatFailure));
        var signed = PdfSigner.SignedBytes(pdf, embedded.ByteRange);
        if (!CmsInput.TryRead(embedded.Contents!, signed, out var cms, out var info))
            return findings.Stop(SignatureReasons.MalformedCms, Verdict.Failed(SubIndications.FormatFailure));
        if (!Digests.Contains(info.DigestAlgorithmID.Algorithm.Id))
            return findings.Stop(SignatureReasons.UnsupportedDigest(info.DigestAlgorithmID.Algorithm.Id), Verdict.Indeterminate(SubIndications.CryptoConstraintsFailure));
        var certificates = CmsInput.Certificates(cms.GetCertificates());
        var certificate = certificates.FirstOrDefault(c => info.SignerID.Match(c));
        if (certificate is null)
            return findings.Stop(SignatureReasons.CertificateMissing, Verdict.Indeterminate(SubIndications.NoSigningCertificateFound));

        var claimed = ClaimedTime(info, embedded, findings);
        findings.ProofOfExistence = documentPoe;
        if (info.UnsignedAttributes?[CadesBuilder.SignatureTimeStampToken] is { } stamp)
        {
            var outcome = timestamps.Validate(stamp.AttrValues[0].GetEncoded(), info.GetSignature(), certificates, documentPoe);
            if (outcome.Time is { } proven)
                (findings.ProofOfExistence, findings.Timestamped) = (Earliest(proven, documentPoe), true);
            else
                findings.Note(SignatureReasons.Timestamp(outcome.Problem!.Value));
        }

        findings.SigningTime = findings.ProofOfExistence ?? claimed;
        findings.Signer = SignerClassifier.Classify(certificate, registry, findings.SigningTime ?? now);
        var expected = info.SignedAttributes?[CmsAttributes.MessageDigest]?.AttrValues[0] as Asn1OctetString;
        if (expected is not null && !expected.GetOctets().AsSpan().SequenceEqual(DigestUtilities.CalculateDigest(info.DigestAlgorithmID.Algorithm.Id, signed)))
            return findings.Stop(SignatureReasons.DigestMismatch, Verdict.Failed(SubIndications.HashFailure));
        switch (Verifies(info, certificate))
        {
            case false:
                return findings.Stop(SignatureReasons.SignatureMismatch, Verdict.Failed(SubIndications.SigCryptoFailure));
            case null:
                return findings.Stop(SignatureReasons.SignatureAlgorithmUnsupported, Verdict.Indeterminate(SubIndications.CryptoConstraintsFailure));
        }

        var path = CertificatePath.Build(certificate, trust.Intermediates.Concat(certificates), trust.Anchors);
        if (path is null)
            return findings.Stop(SignatureReasons.Untrusted, Verdict.Indeterminate(SubIndications.NoCertificateChainFound));
        if (certificate.GetKeyUsage() is { } usage && !usage[0] && !usage[1])
            return findings.Stop(SignatureReasons.KeyUsage, Verdict.Indeterminate(SubIndications.ChainConstraintsFailure));
        return CheckTime(path, claimed, findings) ?? CheckRevocation(path, claimed, findings, Revocation(cms, info));
    }

    /// <summary>
    /// Validity at the proven time (TOTAL-FAILED outside it); without proof, the signer's own claim outside the validity
    /// condemns it, and a certificate expired by now is INDETERMINATE/OUT_OF_BOUNDS_NO_POE whatever the claim says.
    /// </summary>
    private SignatureResult? CheckTime(List<X509Certificate> path, DateTimeOffset? claimed, Findings findings)
    {
        if ((findings.ProofOfExistence ?? claimed) is { } at)
        {
            if (path.Exists(c => at.UtcDateTime < c.NotBefore))
                return findings.Stop(SignatureReasons.NotYetValid(at), Verdict.Failed(SubIndications.NotYetValid));
            if (path.Exists(c => at.UtcDateTime > c.NotAfter))
                return findings.Stop(SignatureReasons.Expired(at), Verdict.Failed(SubIndications.Expired));
        }

        if (findings.ProofOfExistence is not null)
            return null;
        if (path.Find(c => now.UtcDateTime > c.NotAfter) is { } expired)
            return findings.Stop(SignatureReasons.ExpiredWithoutProofOfTime(new DateTimeOffset(expired.NotAfter, TimeSpan.Zero)),
                Verdict.Indeterminate(SubIndications.OutOfBoundsNoPoe));
        return path.Exists(c => now.UtcDateTime < c.NotBefore)
            ? findings.Stop(SignatureReasons.NotYetValid(now), Verdict.Indeterminate(SubIndications.NotYetValid))
            : null;
    }

    private SignatureResult CheckRevocation(List<X509Certificate> path, DateTimeOffset? claimed, Findings findings, RevocationData data)
    {
        var proven = findings.ProofOfExistence is not null;
        var revocation = RevocationCheck.Check(path, findings.ProofOfExistence ?? claimed ?? now, proven, data);
        return revocation switch
        {
            null => findings.Passed(),
            { Code: "certificate-revoked" } => findings.Stop(revocation, Verdict.Failed(SubIndications.Revoked)),
            _ when revocation == SignatureReasons.RevokedAfterClaimedTime => findings.Stop(revocation, Verdict.Indeterminate(SubIndications.RevokedNoPoe)),
            _ => findings.Stop(revocation, Verdict.Indeterminate(SubIndications.TryLater)),
        };
    }

    /// <summary>
    /// A document timestamp (PAdES B-LTA): the RFC 3161 token over the bytes its revision covers, from an authority that
    /// chains to a trust anchor. Its time is proof of existence for every signature in that revision.
    /// </summary>
    private SignatureResult CheckDocumentTimestamp(byte[] pdf, EmbeddedSignature embedded, Findings findings)
    {
        if (!ByteRangeIsSound(pdf, embedded))
            return findings.Stop(SignatureReasons.ByteRange, Verdict.Failed(SubIndications.FormatFailure));
        var outcome = timestamps.Validate(embedded.Contents!, PdfSigner.SignedBytes(pdf, embedded.ByteRange), []);
        if (outcome.Time is { } time)
        {
            (findings.ProofOfExistence, findings.SigningTime, findings.Timestamped) = (time, time, true);
            return findings.Passed();
        }

        var problem = outcome.Problem!.Value;
        return problem == TimestampProblem.DigestMismatch
            ? findings.Stop(SignatureReasons.DocumentTimestampHash, Verdict.Failed(SubIndications.HashFailure))
            : findings.Stop(SignatureReasons.Timestamp(problem), problem switch
            {
                TimestampProblem.Untrusted => Verdict.Indeterminate(SubIndications.NoCertificateChainFound),
                TimestampProblem.AuthorityRevoked => Verdict.Failed(SubIndications.Revoked),
                TimestampProblem.AuthorityRevokedNoPoe => Verdict.Indeterminate(SubIndications.RevokedNoPoe),
                TimestampProblem.AuthorityRevocationUnknown => Verdict.Indeterminate(SubIndications.TryLater),
                _ => Verdict.Failed(SubIndications.SigCryptoFailure),
            });
    }

    /// <summary>Starts at 0, leaves out exactly this signature's /Contents hex string, and ends inside the file.</summary>
    private static bool ByteRangeIsSound(byte[] pdf, EmbeddedSignature embedded)
    {
        if (embedded.ByteRange is not [0, var first, var gapEnd, var second] || embedded.Contents is null
            || first <= 0 || gapEnd <= first || second < 0 || gapEnd > pdf.LongLength || second > pdf.LongLength - gapEnd)
            return false;
        if (pdf[first] != (byte)'<' || pdf[gapEnd - 1] != (byte)'>')
            return false;
        var hex = System.Text.Encoding.ASCII.GetString(pdf, (int)first + 1, (int)(gapEnd - first - 2));
        return hex.Length % 2 == 0 && hex.All(char.IsAsciiHexDigit) && Convert.FromHexString(hex).AsSpan().SequenceEqual(embedded.Contents);
    }

    /// <summary>True when the signature verifies, false when it does not, null when its algorithm is not supported.</summary>
    private static bool? Verifies(SignerInformation info, X509Certificate certificate)
    {
        try
        {
            return info.Verify(certificate);
        }
        catch (SecurityUtilityException)
        {
            return null;
        }
        catch (Exception ex) when (ex is CmsException or GeneralSecurityException or ArgumentException or InvalidOperationException)
        {
            return ex.InnerException is SecurityUtilityException ? null : false;
        }
    }

    /// <summary>The CMS signing-time attribute when present (it is inside the signature), otherwise /M of the signed revision.</summary>
    private static DateTimeOffset? ClaimedTime(SignerInformation info, EmbeddedSignature embedded, Findings findings)
    {
        if (info.SignedAttributes?[CmsAttributes.SigningTime] is not { } attribute)
            return embedded.ClaimedTime;
        var signingTime = new DateTimeOffset(DateTime.SpecifyKind(Time.GetInstance(attribute.AttrValues[0]).ToDateTime(), DateTimeKind.Utc));
        if (embedded.ClaimedTime is { } m && (m - signingTime).Duration() >= TimeSpan.FromSeconds(1))
            findings.Note(SignatureReasons.ClaimedTimesDiffer);
        return signingTime;
    }

    private static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset? b) => b is { } other && other < a ? other : a;

    private RevocationData Revocation(CmsSignedData cms, SignerInformation info)
    {
        var data = new RevocationData([.. cms.GetCrls().EnumerateMatches(null)], []).With(documentRevocation).With(new RevocationData(trust.Crls, []));
        return info.SignedAttributes?[RevocationData.AdobeArchival] is { } archival
            ? data.With(RevocationData.FromArchival(archival.AttrValues[0]))
            : data;
    }

    /// <summary>What was found so far; the first blocking finding decides the verdict, notes only inform.</summary>
    private sealed class Findings(EmbeddedSignature embedded, long fileLength)
    {
        private readonly List<SignatureFinding> reasons = [];

        public Signer? Signer { get; set; }
        public DateTimeOffset? SigningTime { get; set; } = embedded.ClaimedTime;
        public DateTimeOffset? ProofOfExistence { get; set; }
        public bool Timestamped { get; set; }

        public void Note(SignatureFinding finding) => reasons.Add(finding);

        public SignatureResult Stop(SignatureFinding finding, Verdict verdict)
        {
            reasons.Add(finding);
            return Result(verdict.Indication, verdict.SubIndication);
        }

        public SignatureResult Passed() => Result(Indications.TotalPassed, null);

        private SignatureResult Result(string indication, string? subIndication) =>
            new(embedded.FieldName, indication, subIndication, Signer, SigningTime, Timestamped, embedded.SubFilter, embedded.End == fileLength, [.. reasons])
            {
                ProofOfExistence = ProofOfExistence,
            };
    }
}
