using DocBpm.Documents.Signatures;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DocBpm.Documents.Tests.Signatures;

/// <summary>A certificate revoked after the document was signed: what proves the signing time decides.</summary>
[TestClass]
public sealed class SigningTimeTests
{
    private static readonly TestPki Pki = TestPki.Instance;

    /// <summary>The director's certificate was revoked the day after signing; a CRL issued later says so.</summary>
    private static SignatureOptions RevokedTheDayAfter()
    {
        var crl = TestPki.Crl(Pki.Intermediate, TestPki.SigningTime.UtcDateTime.AddDays(2), (Pki.Director.Certificate, TestPki.SigningTime.UtcDateTime.AddDays(1)));
        return new SignatureOptions { TrustAnchors = [Pki.RootFile], CrlFiles = [Pki.Save("later-intermediate.crl", crl.GetEncoded()), Pki.CrlFiles[1]] };
    }

    private static async Task<SignatureResult> SignAndVerifyAsync(ITimestampClient? timestamps, FakeTimeProvider clock)
    {
        var signer = new PdfSigner(Options.Create(Pki.Options()), clock, timestamps);
        var signed = await signer.SignAsync(TestDocuments.OfficialLetter(), Pki.Director.SigningKey,
            SignatureAppearance.For(SignatureRole.Personal, "Hoàng Văn Minh"), CancellationToken.None);
        var options = RevokedTheDayAfter();
        return TestPki.Verifier(options).Verify(signed, []).Signatures.Single();
    }

    [TestMethod]
    public async Task Etsi_INDETERMINATE_REVOKED_NO_POE_a_claimed_signing_time_before_a_later_revocation_is_not_proof_enough()
    {
        var result = await SignAndVerifyAsync(null, new FakeTimeProvider(TestPki.SigningTime));

        VerificationTests.AssertVerdict(result, Indications.Indeterminate, SubIndications.RevokedNoPoe);
        Assert.AreEqual("revoked-after-claimed-time", result.Reasons.Single().Code);
    }

    [TestMethod]
    public async Task Etsi_TOTAL_PASSED_a_timestamp_before_a_later_revocation_keeps_the_signature_valid()
    {
        var clock = new FakeTimeProvider(TestPki.SigningTime);
        using var authority = new TestTimestampAuthority(Pki.Timestamps, clock);
        using var http = new HttpClient(authority) { BaseAddress = new Uri("http://tsa.test/") };

        var result = await SignAndVerifyAsync(new HttpTimestampClient(http), clock);

        Assert.AreEqual(SignatureStatus.Valid, result.Status, string.Join("; ", result.Reasons));
        Assert.IsTrue(result.Timestamped);
    }
}
