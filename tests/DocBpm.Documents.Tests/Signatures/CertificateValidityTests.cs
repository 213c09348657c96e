using DocBpm.Documents.Signatures;

namespace DocBpm.Documents.Tests.Signatures;

/// <summary>
/// A certificate is valid from its notBefore through its notAfter, both instants included (RFC 5280 §4.1.2.5); ETSI EN
/// 319 102-1 judges the signer's claim against that window and, without proof of time, the verification time too.
/// </summary>
[TestClass]
public sealed class CertificateValidityTests
{
    private static readonly TestPki Pki = TestPki.Instance;
    private static readonly DateTimeOffset DirectorFrom = new(Pki.Director.Certificate.NotBefore, TimeSpan.Zero);
    private static readonly DateTimeOffset ExpiredUntil = new(Pki.Expired.Certificate.NotAfter, TimeSpan.Zero);

    private static async Task<SignatureResult> SignAndVerifyAsync(TestIdentity identity, DateTimeOffset claimed, DateTimeOffset now) =>
        TestPki.Verifier(Pki.Options(), now).Verify(await ProofOfTimeTests.SignAsync(identity, claimed), []).Signatures.Single();

    [TestMethod]
    public async Task Etsi_TOTAL_PASSED_for_a_signature_claimed_and_checked_at_the_first_instant_of_the_certificate() =>
        VerificationTests.AssertVerdict(await SignAndVerifyAsync(Pki.Director, DirectorFrom, DirectorFrom), Indications.TotalPassed, null);

    [TestMethod]
    public async Task Etsi_TOTAL_PASSED_for_a_signature_claimed_and_checked_at_the_last_instant_of_the_certificate() =>
        VerificationTests.AssertVerdict(await SignAndVerifyAsync(Pki.Expired, ExpiredUntil, ExpiredUntil), Indications.TotalPassed, null);

    [TestMethod]
    public async Task Etsi_TOTAL_FAILED_NOT_YET_VALID_when_the_signer_claims_a_time_before_the_certificate_was_valid()
    {
        var result = await SignAndVerifyAsync(Pki.Director, DirectorFrom.AddSeconds(-1), TestPki.SigningTime);

        VerificationTests.AssertVerdict(result, Indications.TotalFailed, SubIndications.NotYetValid);
        Assert.Contains(SignatureReasons.NotYetValid(DirectorFrom.AddSeconds(-1)), result.Reasons);
    }

    [TestMethod]
    public async Task Etsi_INDETERMINATE_NOT_YET_VALID_when_checked_before_the_certificate_is_valid()
    {
        var result = await SignAndVerifyAsync(Pki.Director, DirectorFrom, DirectorFrom.AddSeconds(-1));

        VerificationTests.AssertVerdict(result, Indications.Indeterminate, SubIndications.NotYetValid);
    }

    [TestMethod]
    public async Task Etsi_INDETERMINATE_OUT_OF_BOUNDS_NO_POE_when_checked_one_second_after_the_certificate_expired_without_proof_of_time()
    {
        var result = await SignAndVerifyAsync(Pki.Expired, ExpiredUntil, ExpiredUntil.AddSeconds(1));

        VerificationTests.AssertVerdict(result, Indications.Indeterminate, SubIndications.OutOfBoundsNoPoe);
        Assert.Contains(SignatureReasons.ExpiredWithoutProofOfTime(ExpiredUntil), result.Reasons);
    }
}
