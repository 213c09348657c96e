using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Ocsp;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Ocsp;
using Org.BouncyCastle.X509;

namespace DocBpm.Documents.Signatures;

/// <summary>CRLs and OCSP responses found in the PDF (CMS, adbe-revocationInfoArchival, DSS) or configured by the admin.</summary>
internal sealed record RevocationData(IReadOnlyList<X509Crl> Crls, IReadOnlyList<BasicOcspResp> Ocsps)
{
    public static readonly DerObjectIdentifier AdobeArchival = new("1.2.840.113583.1.1.8");

    public RevocationData With(RevocationData other) => new([.. Crls, .. other.Crls], [.. Ocsps, .. other.Ocsps]);

    /// <summary>Reads adbe-revocationInfoArchival: [0] CRLs, [1] OCSP responses.</summary>
    public static RevocationData FromArchival(Asn1Encodable value)
    {
        var crls = new List<X509Crl>();
        var ocsps = new List<BasicOcspResp>();
        foreach (var tagged in Asn1Sequence.GetInstance(value).OfType<Asn1TaggedObject>())
        {
            var items = Asn1Sequence.GetInstance(tagged, true);
            if (tagged.TagNo == 0)
                crls.AddRange(items.Select(i => new X509Crl(CertificateList.GetInstance(i))));
            else if (tagged.TagNo == 1)
                ocsps.AddRange(items.Select(i => Ocsp(OcspResponse.GetInstance(i).GetEncoded())).OfType<BasicOcspResp>());
        }

        return new RevocationData(crls, ocsps);
    }

    public static BasicOcspResp? Ocsp(byte[] response) =>
        new OcspResp(response).GetResponseObject() as BasicOcspResp;
}

/// <summary>Revocation of every certificate of the path but the anchor, at the signing time (no network calls).</summary>
internal static class RevocationCheck
{
    public static SignatureFinding? Check(List<X509Certificate> path, DateTimeOffset at, bool timeIsTrusted, RevocationData data)
    {
        for (var i = 0; i < path.Count - 1; i++)
        {
            var revokedAt = CrlStatus(path[i], path[i + 1], at, data.Crls) ?? OcspStatus(path[i], path[i + 1], at, data.Ocsps);
            if (revokedAt is null)
                return SignatureReasons.RevocationUnknown;
            if (revokedAt.Value == DateTimeOffset.MaxValue)
                continue;
            if (revokedAt.Value <= at)
                return SignatureReasons.Revoked(revokedAt.Value);
            if (!timeIsTrusted)
                return SignatureReasons.RevokedAfterClaimedTime;
        }

        return null;
    }

    /// <summary>Null: no usable CRL; MaxValue: not revoked; otherwise the revocation date.</summary>
    private static DateTimeOffset? CrlStatus(X509Certificate certificate, X509Certificate issuer, DateTimeOffset at, IReadOnlyList<X509Crl> crls)
    {
        var usable = crls.Where(c => c.IssuerDN.Equivalent(issuer.SubjectDN) && Covers(c.ThisUpdate, c.NextUpdate, at) && SignedBy(c, issuer)).ToList();
        if (usable.Count == 0)
            return null;
        var entry = usable.Select(c => c.GetRevokedCertificate(certificate.SerialNumber)).FirstOrDefault(e => e is not null);
        return entry is null ? DateTimeOffset.MaxValue : new DateTimeOffset(DateTime.SpecifyKind(entry.RevocationDate, DateTimeKind.Utc));
    }

    private static DateTimeOffset? OcspStatus(X509Certificate certificate, X509Certificate issuer, DateTimeOffset at, IReadOnlyList<BasicOcspResp> responses)
    {
        foreach (var response in responses.Where(r => SignedBy(r, issuer)))
        {
            foreach (var single in response.Responses)
            {
                var id = single.GetCertID();
                if (!id.SerialNumber.Equals(certificate.SerialNumber) || !id.MatchesIssuer(issuer) || !Covers(single.ThisUpdate, single.NextUpdate, at))
                    continue;
                switch (single.GetCertStatus())
                {
                    case null:
                        return DateTimeOffset.MaxValue;
                    case RevokedStatus revoked:
                        return new DateTimeOffset(DateTime.SpecifyKind(revoked.RevocationTime, DateTimeKind.Utc));
                }
            }
        }

        return null;
    }

    /// <summary>A status issued after the signing time, or one whose validity window contains it.</summary>
    private static bool Covers(DateTime thisUpdate, DateTime? nextUpdate, DateTimeOffset at) =>
        thisUpdate >= at.UtcDateTime || (thisUpdate <= at.UtcDateTime && (nextUpdate ?? thisUpdate) >= at.UtcDateTime);

    private static bool SignedBy(X509Crl crl, X509Certificate issuer)
    {
        try
        {
            crl.Verify(issuer.GetPublicKey());
            return true;
        }
        catch (Exception ex) when (ex is Org.BouncyCastle.Security.GeneralSecurityException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Signed by the issuer itself or by a responder certificate the issuer delegated OCSP signing to.</summary>
    private static bool SignedBy(BasicOcspResp response, X509Certificate issuer)
    {
        var keys = new[] { issuer }.Concat(response.GetCerts().Where(c => CertificatePath.IsSignedBy(c, issuer)
            && (c.GetExtendedKeyUsage()?.Contains(KeyPurposeID.id_kp_OCSPSigning) ?? false)));
        return keys.Any(k =>
        {
            try
            {
                return response.Verify(k.GetPublicKey());
            }
            catch (OcspException)
            {
                return false;
            }
        });
    }
}
