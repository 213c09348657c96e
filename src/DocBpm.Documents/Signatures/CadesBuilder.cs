using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.Ess;
using Org.BouncyCastle.Asn1.Nist;
using PkcsObjectIdentifiers = Org.BouncyCastle.Asn1.Pkcs.PkcsObjectIdentifiers;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using X509Certificate = Org.BouncyCastle.X509.X509Certificate;
using CmsAttribute = Org.BouncyCastle.Asn1.Cms.Attribute;

namespace DocBpm.Documents.Signatures;

/// <summary>
/// Builds the CAdES detached signature PAdES baseline needs: content-type, message-digest and signing-certificate-v2
/// signed attributes (no signing-time: PAdES takes the claimed time from the signature dictionary's /M), and the
/// RFC 3161 token as the signature-time-stamp unsigned attribute for B-T.
/// </summary>
internal static class CadesBuilder
{
    public static readonly DerObjectIdentifier SignatureTimeStampToken = PkcsObjectIdentifiers.IdAASignatureTimeStampToken;

    /// <summary>The DER SET of signed attributes: the bytes the key signs.</summary>
    public static byte[] SignedAttributes(byte[] documentDigest, X509Certificate signer)
    {
        var certHash = DigestUtilities.CalculateDigest(NistObjectIdentifiers.IdSha256, signer.GetEncoded());
        var issuerSerial = new IssuerSerial(new GeneralNames(new GeneralName(signer.IssuerDN)), new DerInteger(signer.SerialNumber));
        var signingCertificate = new SigningCertificateV2([new EssCertIDv2(new AlgorithmIdentifier(NistObjectIdentifiers.IdSha256), certHash, issuerSerial)]);
        var attributes = new Asn1EncodableVector
        {
            new CmsAttribute(CmsAttributes.ContentType, new DerSet(CmsObjectIdentifiers.Data)),
            new CmsAttribute(CmsAttributes.MessageDigest, new DerSet(new DerOctetString(documentDigest))),
            new CmsAttribute(PkcsObjectIdentifiers.IdAASigningCertificateV2, new DerSet(signingCertificate)),
        };
        return new DerSet(attributes).GetEncoded(Asn1Encodable.Der);
    }

    public static byte[] Build(byte[] signedAttributes, IReadOnlyList<X509Certificate> chain, byte[] signatureValue, byte[]? timestampToken)
    {
        var signer = chain[0];
        var sha256 = new AlgorithmIdentifier(NistObjectIdentifiers.IdSha256, DerNull.Instance);
        var signatureAlgorithm = signer.GetPublicKey() is ECPublicKeyParameters
            ? new AlgorithmIdentifier(X9ObjectIdentifiers.ECDsaWithSha256)
            : new AlgorithmIdentifier(PkcsObjectIdentifiers.RsaEncryption, DerNull.Instance);
        var unsigned = timestampToken is null
            ? null
            : new DerSet(new CmsAttribute(SignatureTimeStampToken, new DerSet(Asn1Object.FromByteArray(timestampToken))));
        var signerInfo = new SignerInfo(
            new SignerIdentifier(new IssuerAndSerialNumber(signer.IssuerDN, new DerInteger(signer.SerialNumber))),
            sha256,
            (Asn1Set)Asn1Object.FromByteArray(signedAttributes),
            signatureAlgorithm,
            new DerOctetString(signatureValue),
            unsigned);
        var certificates = new DerSet(chain.Select(c => (Asn1Encodable)X509CertificateStructure.GetInstance(c.GetEncoded())).ToArray());
        var signedData = new SignedData(new DerSet(sha256), new ContentInfo(CmsObjectIdentifiers.Data, null), certificates, null, new DerSet(signerInfo));
        return new ContentInfo(CmsObjectIdentifiers.SignedData, signedData).GetEncoded(Asn1Encodable.Der);
    }
}
