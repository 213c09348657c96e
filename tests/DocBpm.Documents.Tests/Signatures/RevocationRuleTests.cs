using DocBpm.Documents.Signatures;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Ocsp;
using Org.BouncyCastle.X509;

namespace DocBpm.Documents.Tests.Signatures;

/// <summary>
/// Which revocation answers are believed about the director's certificate at the signing time (ETSI EN 319 102-1 §5.2.6,
/// RFC 6960 §4.2.2.2 on who may sign an OCSP answer): only an answer of the certificate's own issuer, about that very
/// certificate, current at that time. The root's CRL answers for the intermediate in every case.
/// </summary>
[TestClass]
public sealed class RevocationRuleTests
{
    private static readonly TestPki Pki = TestPki.Instance;
    private static readonly DateTime At = TestPki.SigningTime.UtcDateTime;
    private static readonly DateTime Earlier = At.AddHours(-1);

    private static SignatureFinding? Check(params byte[][] ocsps) => Check([], ocsps);

    private static SignatureFinding? Check(X509Crl[] crls, params byte[][] ocsps) =>
        RevocationCheck.Check([Pki.Director.Certificate, Pki.Intermediate.Certificate, Pki.Root.Certificate], TestPki.SigningTime, timeIsTrusted: true,
            new RevocationData([Pki.RootCrl, .. crls], [.. ocsps.Select(o => RevocationData.Ocsp(o)!)]));

    private static byte[] Answer(CertificateStatus? status, TestIdentity? responder = null) =>
        TestOcsp.Response(Pki.Intermediate, Pki.Director.Certificate, status, Earlier, responder);

    [TestMethod]
    public void Rfc6960_a_good_answer_from_the_responder_the_CA_delegated_to_is_believed() =>
        Assert.IsNull(Check(Answer(CertificateStatus.Good, Pki.OcspResponder)));

    [TestMethod]
    public void Rfc6960_an_answer_signed_by_a_certificate_of_the_CA_without_the_OCSPSigning_usage_is_not_believed() =>
        Assert.AreEqual(SignatureReasons.RevocationUnknown, Check(Answer(CertificateStatus.Good, Pki.Agency)));

    [TestMethod]
    public void Rfc6960_an_answer_from_a_look_alike_responder_of_another_CA_is_not_believed() =>
        Assert.AreEqual(SignatureReasons.RevocationUnknown, Check(Answer(CertificateStatus.Good, Pki.StrangeResponder)));

    [TestMethod]
    public void Rfc6960_a_forged_answer_in_the_issuers_name_signed_with_another_key_is_not_believed()
    {
        var forged = TestOcsp.Response(Pki.Intermediate, Pki.Director.Certificate, CertificateStatus.Good, Earlier,
            Pki.Intermediate with { Keys = Pki.Stranger.Keys });

        Assert.AreEqual(SignatureReasons.RevocationUnknown, Check(forged));
    }

    [TestMethod]
    public void Etsi_REVOKED_when_the_issuers_OCSP_answer_says_revoked_before_the_signing_time()
    {
        var revokedAt = At.AddDays(-3);

        var finding = Check(Answer(new RevokedStatus(revokedAt, CrlReason.KeyCompromise)));

        Assert.AreEqual(SignatureReasons.Revoked(new DateTimeOffset(revokedAt, TimeSpan.Zero)), finding);
    }

    [TestMethod]
    public void Rfc6960_an_answer_of_status_unknown_says_nothing() =>
        Assert.AreEqual(SignatureReasons.RevocationUnknown, Check(Answer(new UnknownStatus())));

    [TestMethod]
    public void Rfc6960_an_answer_about_another_certificate_of_the_same_CA_says_nothing_about_this_one() =>
        Assert.AreEqual(SignatureReasons.RevocationUnknown, Check(TestOcsp.Response(Pki.Intermediate, Pki.Deputy.Certificate, CertificateStatus.Good, Earlier)));

    [TestMethod]
    public void Rfc6960_an_answer_about_the_same_serial_number_of_another_issuer_says_nothing_about_this_certificate() =>
        Assert.AreEqual(SignatureReasons.RevocationUnknown,
            Check(TestOcsp.Response(Pki.OtherRoot, Pki.Director.Certificate, CertificateStatus.Good, Earlier, responder: Pki.Intermediate)));

    [TestMethod]
    public void Etsi_an_OCSP_answer_whose_validity_ended_before_the_signing_time_is_not_used()
    {
        var stale = TestOcsp.Response(Pki.Intermediate, Pki.Director.Certificate, CertificateStatus.Good, At.AddDays(-10), nextUpdate: At.AddSeconds(-1));

        Assert.AreEqual(SignatureReasons.RevocationUnknown, Check(stale));
    }

    [TestMethod]
    public void Etsi_an_OCSP_answer_valid_until_exactly_the_signing_instant_covers_it() =>
        Assert.IsNull(Check(TestOcsp.Response(Pki.Intermediate, Pki.Director.Certificate, CertificateStatus.Good, At.AddDays(-10), nextUpdate: At)));

    [TestMethod]
    public void Etsi_a_CRL_whose_next_update_is_exactly_the_signing_instant_covers_it()
    {
        var crl = TestPki.Crl(Pki.Intermediate, At.AddDays(-30));

        Assert.IsNull(Check([crl]));
        Assert.AreEqual(SignatureReasons.RevocationUnknown, Check([TestPki.Crl(Pki.Intermediate, At.AddDays(-30).AddSeconds(-1))]), "one second earlier it has lapsed");
    }
}
