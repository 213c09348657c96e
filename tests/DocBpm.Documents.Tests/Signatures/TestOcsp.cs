using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Ocsp;
using Org.BouncyCastle.X509;

namespace DocBpm.Documents.Tests.Signatures;

/// <summary>OCSP answers as a CA's responder (or a forger) would give them.</summary>
internal static class TestOcsp
{
    /// <summary>
    /// The answer about <paramref name="subject"/> issued by <paramref name="issuer"/>, valid seven days from
    /// <paramref name="thisUpdate"/> unless told otherwise, signed by <paramref name="responder"/> (the issuer itself unless
    /// delegated; a delegated responder's certificate travels with the answer).
    /// </summary>
    public static byte[] Response(TestIdentity issuer, X509Certificate subject, CertificateStatus? status, DateTime thisUpdate,
        TestIdentity? responder = null, DateTime? nextUpdate = null)
    {
        var signer = responder ?? issuer;
        var generator = new BasicOcspRespGenerator(new RespID(signer.Certificate.SubjectDN));
        generator.AddResponse(new CertificateID(CertificateID.DigestSha1, issuer.Certificate, subject.SerialNumber), status, thisUpdate,
            nextUpdate ?? thisUpdate.AddDays(7), null);
        var basic = generator.Generate(new Asn1SignatureFactory("SHA256WITHECDSA", signer.Keys.Private), [signer.Certificate], thisUpdate);
        return new OCSPRespGenerator().Generate(OCSPRespGenerator.Successful, basic).GetEncoded();
    }
}
