using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tsp;
using Org.BouncyCastle.X509;

namespace DocBpm.Documents.Signatures;

internal enum TimestampProblem
{
    /// <summary>Sound, but the authority does not chain to a configured trust anchor: no proof of time, nothing wrong.</summary>
    Untrusted,

    /// <summary>The token stamps other data than the signature value or revision it is attached to.</summary>
    DigestMismatch,

    /// <summary>The token cannot be read, its signature fails, or its authority may not stamp time then.</summary>
    Broken,
}

internal sealed record TimestampOutcome(DateTimeOffset? Time, TimestampProblem? Problem);

/// <summary>
/// An RFC 3161 token as proof of existence (ETSI EN 319 102-1 §5.4): only a token over the right data, whose
/// authority's certificate may stamp time at its time and chains to a trust anchor, proves anything.
/// </summary>
internal sealed class TimestampValidation(TrustMaterial trust)
{
    public TimestampOutcome Validate(byte[] token, byte[] stamped, IReadOnlyList<X509Certificate> carried)
    {
        try
        {
            CmsInput.EnsureBounded(token);
            var timestamp = new TimeStampToken(new CmsSignedData(CmsInput.FirstObject(token)));
            var certificates = CmsInput.Certificates(timestamp.GetCertificates());
            var authority = certificates.Concat(trust.Intermediates).FirstOrDefault(c => timestamp.SignerID.Match(c));
            if (authority is null)
                return new(null, TimestampProblem.Untrusted);
            var imprint = DigestUtilities.CalculateDigest(timestamp.TimeStampInfo.MessageImprintAlgOid, stamped);
            if (!imprint.AsSpan().SequenceEqual(timestamp.TimeStampInfo.GetMessageImprintDigest()))
                return new(null, TimestampProblem.DigestMismatch);
            timestamp.Validate(authority);
            if (CertificatePath.Build(authority, trust.Intermediates.Concat(certificates).Concat(carried), trust.Anchors) is null)
                return new(null, TimestampProblem.Untrusted);
            return new(new DateTimeOffset(DateTime.SpecifyKind(timestamp.TimeStampInfo.GenTime, DateTimeKind.Utc)), null);
        }
        catch (Exception ex) when (ex is TspException or CmsException or IOException or ArgumentException or GeneralSecurityException
            or InvalidOperationException or SecurityUtilityException or InvalidCastException)
        {
            return new(null, TimestampProblem.Broken);
        }
    }
}
