using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tsp;
using Org.BouncyCastle.X509;

namespace DocBpm.Documents.Signatures;

/// <summary>
/// Checks one signature: byte range, CMS integrity, timestamp, path to a trust anchor, validity and revocation at the
/// signing time, key usage (NĐ30 Điều 21.2.a "tính xác thực và toàn vẹn"; checklist in domain.md §5.4).
/// </summary>
internal sealed class SignatureCheck(TrustMaterial trust, IReadOnlyList<SignerRegistration> registry, RevocationData documentRevocation)
{
    private static readonly HashSet<string> Digests = [NistObjectIdentifiers.IdSha256.Id, NistObjectIdentifiers.IdSha384.Id, NistObjectIdentifiers.IdSha512.Id];
    private static readonly HashSet<string> SubFilters = ["adbe.pkcs7.detached", "ETSI.CAdES.detached"];

    public SignatureResult Check(byte[] pdf, EmbeddedSignature embedded)
    {
        var findings = new Findings();
        Signer? signer = null;
        DateTimeOffset? time = embedded.ClaimedTime;
        var timestamped = false;
        SignatureResult Result() => new(embedded.FieldName, findings.Status, signer, time, timestamped, embedded.SubFilter,
            embedded.End == pdf.LongLength, findings.Reasons);

        if (embedded.SubFilter == "ETSI.RFC3161")
            return findings.Indeterminate(SignatureReasons.DocumentTimestamp, Result);
        if (!SubFilters.Contains(embedded.SubFilter))
            return findings.Invalid(SignatureReasons.UnsupportedFormat(embedded.SubFilter), Result);
        if (!ByteRangeIsSound(pdf, embedded))
            return findings.Invalid(SignatureReasons.ByteRange, Result);
        var signed = PdfSigner.SignedBytes(pdf, embedded.ByteRange);
        if (!TryRead(embedded.Contents!, signed, out var cms, out var info))
            return findings.Invalid(SignatureReasons.MalformedCms, Result);
        if (!Digests.Contains(info.DigestAlgorithmID.Algorithm.Id))
            return findings.Invalid(SignatureReasons.UnsupportedDigest(info.DigestAlgorithmID.Algorithm.Id), Result);
        var certificates = cms.GetCertificates().EnumerateMatches(null).ToList();
        var certificate = certificates.FirstOrDefault(c => info.SignerID.Match(c));
        if (certificate is null)
            return findings.Invalid(SignatureReasons.CertificateMissing, Result);

        time = SigningTimeAttribute(info) ?? time;
        if (info.UnsignedAttributes?[CadesBuilder.SignatureTimeStampToken] is { } stamp)
        {
            var trusted = TimestampTime(stamp, info, certificates);
            if (trusted is null)
                findings.Add(SignatureReasons.TimestampInvalid, SignatureStatus.Invalid);
            else
                (time, timestamped) = (trusted, true);
        }

        signer = SignerClassifier.Classify(certificate, registry, time);
        var expected = info.SignedAttributes?[CmsAttributes.MessageDigest]?.AttrValues[0] as Asn1OctetString;
        if (expected is not null && !expected.GetOctets().AsSpan().SequenceEqual(DigestUtilities.CalculateDigest(info.DigestAlgorithmID.Algorithm.Id, signed)))
            return findings.Invalid(SignatureReasons.DigestMismatch, Result);
        if (!Verifies(info, certificate))
            return findings.Invalid(SignatureReasons.SignatureMismatch, Result);

        var path = CertificatePath.Build(certificate, certificates.Concat(trust.Intermediates), trust.Anchors);
        if (path is null)
            return findings.Invalid(SignatureReasons.Untrusted, Result);
        if (certificate.GetKeyUsage() is { } usage && !usage[0] && !usage[1])
            findings.Add(SignatureReasons.KeyUsage, SignatureStatus.Invalid);
        if (time is not { } at)
            return findings.Indeterminate(SignatureReasons.SigningTimeMissing, Result);
        if (path.Find(c => !c.IsValid(at.UtcDateTime)) is not null)
            return findings.Invalid(SignatureReasons.Expired(at), Result);

        var revocation = RevocationCheck.Check(path, at, timestamped, Revocation(cms, info));
        if (revocation is not null)
            findings.Add(revocation, revocation.Code == "certificate-revoked" ? SignatureStatus.Invalid : SignatureStatus.Indeterminate);
        return Result();
    }

    /// <summary>Starts at 0, leaves out exactly this signature's /Contents hex string, and ends inside the file.</summary>
    private static bool ByteRangeIsSound(byte[] pdf, EmbeddedSignature embedded)
    {
        if (embedded.ByteRange is not [0, var first, var gapEnd, var second] || embedded.Contents is null
            || first <= 0 || gapEnd <= first || second < 0 || gapEnd + second > pdf.LongLength)
            return false;
        if (pdf[first] != (byte)'<' || pdf[gapEnd - 1] != (byte)'>')
            return false;
        var hex = System.Text.Encoding.ASCII.GetString(pdf, (int)first + 1, (int)(gapEnd - first - 2));
        return hex.Length % 2 == 0 && hex.All(char.IsAsciiHexDigit) && Convert.FromHexString(hex).AsSpan().SequenceEqual(embedded.Contents);
    }

    private static bool TryRead(byte[] contents, byte[] signed, out CmsSignedData cms, out SignerInformation info)
    {
        try
        {
            // The hex string is padded with zeros after the DER object; read exactly one object.
            using var input = new Asn1InputStream(contents);
            cms = new CmsSignedData(new CmsProcessableByteArray(signed), ContentInfo.GetInstance(input.ReadObject()));
            info = cms.GetSignerInfos().GetSigners().First();
            return true;
        }
        catch (Exception ex) when (ex is IOException or CmsException or ArgumentException or InvalidCastException or InvalidOperationException or NullReferenceException)
        {
            cms = null!;
            info = null!;
            return false;
        }
    }

    private static bool Verifies(SignerInformation info, X509Certificate certificate)
    {
        try
        {
            return info.Verify(certificate);
        }
        catch (Exception ex) when (ex is CmsException or GeneralSecurityException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static DateTimeOffset? SigningTimeAttribute(SignerInformation info) =>
        info.SignedAttributes?[CmsAttributes.SigningTime] is { } attribute
            ? new DateTimeOffset(DateTime.SpecifyKind(Time.GetInstance(attribute.AttrValues[0]).ToDateTime(), DateTimeKind.Utc))
            : null;

    /// <summary>The RFC 3161 time, when the token is sound, covers this signature value and its TSA chains to an anchor.</summary>
    private DateTimeOffset? TimestampTime(Org.BouncyCastle.Asn1.Cms.Attribute stamp, SignerInformation info, List<X509Certificate> certificates)
    {
        try
        {
            var token = new TimeStampToken(new CmsSignedData(stamp.AttrValues[0].GetEncoded()));
            var tokenCertificates = token.GetCertificates().EnumerateMatches(null).ToList();
            var authority = tokenCertificates.FirstOrDefault(c => token.SignerID.Match(c));
            if (authority is null)
                return null;
            token.Validate(authority);
            var imprint = DigestUtilities.CalculateDigest(token.TimeStampInfo.MessageImprintAlgOid, info.GetSignature());
            if (!imprint.AsSpan().SequenceEqual(token.TimeStampInfo.GetMessageImprintDigest())
                || CertificatePath.Build(authority, tokenCertificates.Concat(certificates).Concat(trust.Intermediates), trust.Anchors) is null)
                return null;
            return new DateTimeOffset(DateTime.SpecifyKind(token.TimeStampInfo.GenTime, DateTimeKind.Utc));
        }
        catch (Exception ex) when (ex is TspException or CmsException or IOException or ArgumentException or GeneralSecurityException or InvalidOperationException)
        {
            return null;
        }
    }

    private RevocationData Revocation(CmsSignedData cms, SignerInformation info)
    {
        var data = new RevocationData([.. cms.GetCrls().EnumerateMatches(null)], []).With(documentRevocation).With(new RevocationData(trust.Crls, []));
        return info.SignedAttributes?[RevocationData.AdobeArchival] is { } archival
            ? data.With(RevocationData.FromArchival(archival.AttrValues[0]))
            : data;
    }

    private sealed class Findings
    {
        private readonly List<(SignatureFinding Finding, SignatureStatus Status)> items = [];

        public IReadOnlyList<SignatureFinding> Reasons => [.. items.Select(i => i.Finding)];

        public SignatureStatus Status =>
            items.Any(i => i.Status == SignatureStatus.Invalid) ? SignatureStatus.Invalid
            : items.Count > 0 ? SignatureStatus.Indeterminate
            : SignatureStatus.Valid;

        public void Add(SignatureFinding finding, SignatureStatus status) => items.Add((finding, status));

        public SignatureResult Invalid(SignatureFinding finding, Func<SignatureResult> result)
        {
            Add(finding, SignatureStatus.Invalid);
            return result();
        }

        public SignatureResult Indeterminate(SignatureFinding finding, Func<SignatureResult> result)
        {
            Add(finding, SignatureStatus.Indeterminate);
            return result();
        }
    }
}
