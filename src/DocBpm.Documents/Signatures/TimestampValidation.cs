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

    /// <summary>
    /// The token cannot be read, its signature fails, or its authority may not stamp time then (outside its validity, or
    /// without the critical extended key usage timeStamping only, RFC 3161 §2.3).
    /// </summary>
    Broken,

    /// <summary>The authority's certificate was revoked at or before the time it stamped.</summary>
    AuthorityRevoked,

    /// <summary>The authority's certificate was revoked later, and nothing proves the token existed before that.</summary>
    AuthorityRevokedNoPoe,

    /// <summary>No usable CRL or OCSP response says whether the authority's certificate is revoked.</summary>
    AuthorityRevocationUnknown,
}

internal sealed record TimestampOutcome(DateTimeOffset? Time, TimestampProblem? Problem);

/// <summary>
/// An RFC 3161 token as proof of existence (ETSI EN 319 102-1 §5.4): only a token over the right data, whose
/// authority's certificate may stamp time at its time, chains to a timestamp trust anchor and is not revoked, proves
/// anything. The authority's revocation is judged at the token's time when a later proof shows the token existed before
/// the revocation, otherwise now: a revoked authority's key may have stamped any time afterwards.
/// </summary>
internal sealed class TimestampValidation(TrustMaterial trust, RevocationData revocation)
{
    /// <param name="tokenPoe">The earliest proof that the token itself existed (a later document timestamp), if any.</param>
    public TimestampOutcome Validate(byte[] token, byte[] stamped, IReadOnlyList<X509Certificate> carried, DateTimeOffset? tokenPoe = null)
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
            var path = CertificatePath.Build(authority, trust.Intermediates.Concat(certificates).Concat(carried), trust.TimestampAnchors);
            if (path is null)
                return new(null, TimestampProblem.Untrusted);
            var time = new DateTimeOffset(DateTime.SpecifyKind(timestamp.TimeStampInfo.GenTime, DateTimeKind.Utc));
            var problem = Revocation(path, time, tokenPoe);
            return new(problem is null ? time : null, problem);
        }
        catch (Exception ex) when (ex is TspException or CmsException or IOException or ArgumentException or GeneralSecurityException
            or InvalidOperationException or SecurityUtilityException or InvalidCastException)
        {
            return new(null, TimestampProblem.Broken);
        }
    }

    private TimestampProblem? Revocation(List<X509Certificate> path, DateTimeOffset time, DateTimeOffset? tokenPoe)
    {
        var finding = RevocationCheck.Check(path, time, timeIsTrusted: false, revocation);
        if (finding is null)
            return null;
        if (finding == SignatureReasons.RevocationUnknown)
            return TimestampProblem.AuthorityRevocationUnknown;
        if (finding != SignatureReasons.RevokedAfterClaimedTime)
            return TimestampProblem.AuthorityRevoked;
        return tokenPoe is { } proven && RevocationCheck.Check(path, proven, timeIsTrusted: true, revocation) is null
            ? null
            : TimestampProblem.AuthorityRevokedNoPoe;
    }
}
