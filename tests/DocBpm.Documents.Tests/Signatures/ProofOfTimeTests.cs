using System.Security.Cryptography;
using DocBpm.Documents.Signatures;
using DocBpm.Engine.Timers;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DocBpm.Documents.Tests.Signatures;

/// <summary>
/// ETSI EN 319 102-1 proof of existence: the time a signer claims is a claim; only a validated timestamp (of the
/// signature or of the document) proves the signature existed while its certificate was valid.
/// </summary>
[TestClass]
public sealed class ProofOfTimeTests
{
    private static readonly TestPki Pki = TestPki.Instance;

    /// <summary>Three months before the expired person's certificate ran out (2025-06-01).</summary>
    private static readonly DateTimeOffset BeforeExpiry = VietnamTime.At(2025, 3, 1, 9, 0);

    public TestContext TestContext { get; set; } = null!;

    /// <param name="stampedAt">When the authority says it stamped, if not at the signer's claimed time <paramref name="at"/>.</param>
    /// <param name="tokenCarriesCertificates">False when the authority's tokens leave out its certificate.</param>
    internal static async Task<byte[]> SignAsync(TestIdentity identity, DateTimeOffset at, TestIdentity? authority = null, DateTimeOffset? stampedAt = null,
        bool tokenCarriesCertificates = true)
    {
        var clock = new FakeTimeProvider(at);
        using var tsa = authority is null ? null
            : new TestTimestampAuthority(authority, stampedAt is { } stamped ? new FakeTimeProvider(stamped) : clock, tokenCarriesCertificates);
        using var http = tsa is null ? null : new HttpClient(tsa) { BaseAddress = new Uri("http://tsa.test/") };
        var signer = new PdfSigner(Options.Create(Pki.Options()), clock, http is null ? null : new HttpTimestampClient(http));
        return await signer.SignAsync(TestDocuments.OfficialLetter(), identity.SigningKey, SignatureAppearance.For(SignatureRole.Personal, "Vi Văn Cũ"),
            CancellationToken.None);
    }

    [TestMethod]
    public async Task Etsi_INDETERMINATE_OUT_OF_BOUNDS_NO_POE_for_an_expired_certificate_with_a_backdated_claim_and_no_timestamp()
    {
        var signed = await SignAsync(Pki.Expired, BeforeExpiry);

        var result = TestPki.Verifier(Pki.Options()).Verify(signed, []).Signatures.Single();

        VerificationTests.AssertVerdict(result, Indications.Indeterminate, SubIndications.OutOfBoundsNoPoe);
        Assert.AreEqual("certificate-expired-no-proof-of-time", result.Reasons.Single().Code);
        Assert.IsNull(result.ProofOfExistence);
    }

    [TestMethod]
    public async Task Etsi_TOTAL_PASSED_for_an_expired_certificate_with_a_valid_timestamp_before_expiry()
    {
        var signed = await SignAsync(Pki.Expired, BeforeExpiry, Pki.Timestamps);

        var result = TestPki.Verifier(Pki.Options()).Verify(signed, []).Signatures.Single();

        VerificationTests.AssertVerdict(result, Indications.TotalPassed, null);
        Assert.AreEqual(BeforeExpiry, result.ProofOfExistence);
        Assert.IsTrue(result.Timestamped);
    }

    [TestMethod]
    public async Task Etsi_the_signing_time_reported_is_the_timestamps_proven_time_not_the_signers_claim()
    {
        var stampedAt = BeforeExpiry.AddHours(1);
        var signed = await SignAsync(Pki.Expired, BeforeExpiry, Pki.Timestamps, stampedAt);

        var result = TestPki.Verifier(Pki.Options()).Verify(signed, []).Signatures.Single();

        VerificationTests.AssertVerdict(result, Indications.TotalPassed, null);
        Assert.AreEqual(stampedAt, result.ProofOfExistence);
        Assert.AreEqual(stampedAt, result.SigningTime);
    }

    [TestMethod]
    public async Task Etsi_validity_is_judged_at_the_proven_time_so_a_claim_after_expiry_with_a_timestamp_before_it_is_TOTAL_PASSED()
    {
        var signed = await SignAsync(Pki.Expired, BeforeExpiry.AddMonths(4), Pki.Timestamps, BeforeExpiry);

        var result = TestPki.Verifier(Pki.Options()).Verify(signed, []).Signatures.Single();

        VerificationTests.AssertVerdict(result, Indications.TotalPassed, null);
        Assert.AreEqual(BeforeExpiry, result.ProofOfExistence);
    }

    [TestMethod]
    public async Task Etsi_revocation_is_judged_at_the_proven_time_so_a_revocation_between_the_claim_and_the_timestamp_is_TOTAL_FAILED_REVOKED()
    {
        var signed = await SignAsync(Pki.Revoked, TestPki.RevokedAt.AddDays(-30), Pki.Timestamps, TestPki.RevokedAt.AddDays(14));

        var result = TestPki.Verifier(Pki.Options()).Verify(signed, []).Signatures.Single();

        VerificationTests.AssertVerdict(result, Indications.TotalFailed, SubIndications.Revoked);
        Assert.AreEqual(TestPki.RevokedAt.AddDays(14), result.ProofOfExistence);
    }

    [TestMethod]
    public async Task Decree30_Article21_a_signers_registration_counts_at_the_signing_time_not_at_verification()
    {
        var signed = await SignAsync(Pki.Director, TestPki.SigningTime);
        SignerRegistration RegisteredUntil(DateTimeOffset end) => new(SignerKind.Person, "Hoàng Văn Minh", null, "CCCD:020080001234", null, "Giám đốc", ValidTo: end);

        var endedAfterSigning = TestPki.Verifier(Pki.Options()).Verify(signed, [RegisteredUntil(TestPki.SigningTime.AddMinutes(30))]).Signatures.Single();
        var endedBeforeSigning = TestPki.Verifier(Pki.Options()).Verify(signed, [RegisteredUntil(TestPki.SigningTime.AddMinutes(-30))]).Signatures.Single();

        Assert.IsTrue(endedAfterSigning.Signer!.Registered, "the verifier runs an hour after signing, when the registration has ended");
        Assert.IsFalse(endedBeforeSigning.Signer!.Registered);
    }

    [TestMethod]
    public async Task Etsi_a_timestamp_without_its_authoritys_certificate_is_proof_of_time_only_when_the_administrator_configured_that_certificate()
    {
        var signed = await SignAsync(Pki.Expired, BeforeExpiry, Pki.Timestamps, tokenCarriesCertificates: false);
        var configured = new SignatureOptions
        {
            TrustAnchors = [Pki.RootFile],
            IntermediateCertificates = [Pki.Save("timestamps.cer", Pki.Timestamps.Certificate.GetEncoded())],
            CrlFiles = [.. Pki.CrlFiles],
        };

        var proven = TestPki.Verifier(configured).Verify(signed, []).Signatures.Single();
        var unproven = TestPki.Verifier(Pki.Options()).Verify(signed, []).Signatures.Single();

        VerificationTests.AssertVerdict(proven, Indications.TotalPassed, null);
        Assert.AreEqual(BeforeExpiry, proven.ProofOfExistence);
        VerificationTests.AssertVerdict(unproven, Indications.Indeterminate, SubIndications.OutOfBoundsNoPoe);
        Assert.Contains(SignatureReasons.TimestampUntrusted, unproven.Reasons);
    }

    [TestMethod]
    public async Task Etsi_a_timestamp_from_an_authority_that_is_not_configured_is_ignored_as_proof_of_time_not_invalid()
    {
        var fresh = await SignAsync(Pki.Director, TestPki.SigningTime, Pki.UntrustedTimestamps);
        var backdated = await SignAsync(Pki.Expired, BeforeExpiry, Pki.UntrustedTimestamps);

        var valid = TestPki.Verifier(Pki.Options()).Verify(fresh, []).Signatures.Single();
        var unproven = TestPki.Verifier(Pki.Options()).Verify(backdated, []).Signatures.Single();

        VerificationTests.AssertVerdict(valid, Indications.TotalPassed, null);
        Assert.Contains(SignatureReasons.TimestampUntrusted, valid.Reasons);
        Assert.IsFalse(valid.Timestamped);
        VerificationTests.AssertVerdict(unproven, Indications.Indeterminate, SubIndications.OutOfBoundsNoPoe);
    }

    [TestMethod]
    public async Task Etsi_a_valid_document_timestamp_is_TOTAL_PASSED_and_proves_the_signatures_before_it_existed()
    {
        var signed = await SignAsync(Pki.Expired, BeforeExpiry);

        var stamped = await DocumentTimestampAsync(signed, Pki.Timestamps, BeforeExpiry.AddDays(1));
        var report = TestPki.Verifier(Pki.Options()).Verify(stamped, []);

        VerificationTests.AssertVerdict(report.Signatures[0], Indications.TotalPassed, null);
        Assert.AreEqual(BeforeExpiry.AddDays(1), report.Signatures[0].ProofOfExistence);
        Assert.IsTrue(report.Signatures[1].IsDocumentTimestamp);
        VerificationTests.AssertVerdict(report.Signatures[1], Indications.TotalPassed, null);
        Assert.IsTrue(report.Signatures[1].Timestamped, "a document timestamp is its own proof of time");
        Assert.AreEqual(BeforeExpiry.AddDays(1), report.Signatures[1].SigningTime);
        Assert.IsFalse(report.Reasons.Any(SignatureReasons.IsForbiddenChange), report.Summary);
    }

    [TestMethod]
    public async Task Etsi_a_document_timestamp_from_an_authority_that_is_not_configured_is_INDETERMINATE_and_proves_nothing()
    {
        var signed = await SignAsync(Pki.Expired, BeforeExpiry);

        var stamped = await DocumentTimestampAsync(signed, Pki.UntrustedTimestamps, BeforeExpiry.AddDays(1));
        var report = TestPki.Verifier(Pki.Options()).Verify(stamped, []);

        VerificationTests.AssertVerdict(report.Signatures[0], Indications.Indeterminate, SubIndications.OutOfBoundsNoPoe);
        VerificationTests.AssertVerdict(report.Signatures[1], Indications.Indeterminate, SubIndications.NoCertificateChainFound);
    }

    [TestMethod]
    public async Task Etsi_TOTAL_FAILED_HASH_FAILURE_for_a_document_timestamp_over_other_bytes_than_its_revision_and_it_proves_nothing()
    {
        var stamped = await DocumentTimestampAsync(await SignAsync(Pki.Expired, BeforeExpiry), Pki.Timestamps, BeforeExpiry.AddDays(1));

        var report = TestPki.Verifier(Pki.Options()).Verify(Tampering.Replace(stamped, "/M (D:2025", "/M (D:2024", last: true), []);

        VerificationTests.AssertVerdict(report.Signatures[1], Indications.TotalFailed, SubIndications.HashFailure);
        Assert.Contains(SignatureReasons.DocumentTimestampHash, report.Signatures[1].Reasons);
        VerificationTests.AssertVerdict(report.Signatures[0], Indications.Indeterminate, SubIndications.OutOfBoundsNoPoe);
    }

    [TestMethod]
    public async Task Etsi_TOTAL_FAILED_SIG_CRYPTO_FAILURE_for_a_document_timestamp_whose_token_signature_does_not_verify()
    {
        var stamped = await DocumentTimestampAsync(await SignAsync(Pki.Expired, BeforeExpiry), Pki.Timestamps, BeforeExpiry.AddDays(1));
        var embedded = SignatureRuleTests.Located(stamped, 1);
        // Inside the token's last bytes, its signature value; outside the bytes the token stamps.
        var at = (int)embedded.ByteRange[1] + 1 + 2 * (CmsInput.FirstObject(embedded.Contents!).Length - 3);
        stamped[at] = (byte)(stamped[at] == '0' ? '1' : '0');

        var result = TestPki.Verifier(Pki.Options()).Verify(stamped, []).Signatures[1];

        VerificationTests.AssertVerdict(result, Indications.TotalFailed, SubIndications.SigCryptoFailure);
    }

    [TestMethod]
    public async Task Etsi_FORMAT_FAILURE_for_a_document_timestamp_whose_byte_range_gap_differs_from_the_parsed_contents()
    {
        var stamped = await DocumentTimestampAsync(await SignAsync(Pki.Expired, BeforeExpiry), Pki.Timestamps, BeforeExpiry.AddDays(1));
        var embedded = SignatureRuleTests.Located(stamped, 1);

        var result = SignatureRuleTests.CheckAlone(stamped, embedded with { Contents = [.. embedded.Contents!.Take(embedded.Contents!.Length - 1), 0x01] });

        VerificationTests.AssertVerdict(result, Indications.TotalFailed, SubIndications.FormatFailure);
        Assert.IsFalse(result.Timestamped);
    }

    /// <summary>A PAdES document timestamp (ETSI.RFC3161) over the whole file, added as an incremental update.</summary>
    internal static async Task<byte[]> DocumentTimestampAsync(byte[] pdf, TestIdentity authority, DateTimeOffset at)
    {
        var clock = new FakeTimeProvider(at);
        using var tsa = new TestTimestampAuthority(authority, clock);
        using var http = new HttpClient(tsa) { BaseAddress = new Uri("http://tsa.test/") };
        var prepared = new PdfSigner(Options.Create(Pki.Options()), clock).Prepare(pdf, Pki.Director.Chain,
            SignatureAppearance.For(SignatureRole.Agency, "Dấu thời gian") with { Box = new PdfBox(0, 0, 0, 0) });
        var stamped = Tampering.Replace(prepared.Pdf, "/SubFilter /ETSI.CAdES.detached", "/SubFilter /ETSI.RFC3161       ", last: true);
        var range = new[] { 0, prepared.ContentsStart, prepared.ContentsEnd, stamped.LongLength - prepared.ContentsEnd };
        var token = await new HttpTimestampClient(http).GetTokenAsync(SHA256.HashData(PdfSigner.SignedBytes(stamped, range)), CancellationToken.None);
        System.Text.Encoding.ASCII.GetBytes(Convert.ToHexString(token)).CopyTo(stamped, prepared.ContentsStart + 1);
        return stamped;
    }
}
