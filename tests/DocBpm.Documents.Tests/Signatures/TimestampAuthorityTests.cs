using DocBpm.Documents.Signatures;
using DocBpm.Engine.Timers;

namespace DocBpm.Documents.Tests.Signatures;

/// <summary>
/// ETSI EN 319 102-1 §5.4 and RFC 3161 §2.3: a timestamp proves time only when its authority's own certificate is sound:
/// chained to a configured timestamp trust anchor and not revoked —
/// judged at the token's time when a later proof shows the token existed before the revocation, otherwise now.
/// </summary>
[TestClass]
public sealed class TimestampAuthorityTests
{
    private static readonly TestPki Pki = TestPki.Instance;

    /// <summary>A month after the authority's revocation, three months before the expired person's certificate ran out.</summary>
    private static readonly DateTimeOffset AfterRevocation = VietnamTime.At(2025, 3, 1, 9, 0);

    /// <summary>Before the authority's revocation (2025-02-01) and the person's expiry (2025-06-01).</summary>
    private static readonly DateTimeOffset BeforeRevocation = VietnamTime.At(2025, 1, 15, 9, 0);

    private static SignatureReport Verify(byte[] pdf, SignatureOptions? options = null) => TestPki.Verifier(options ?? Pki.Options()).Verify(pdf, []);

    [TestMethod]
    public async Task Etsi_OUT_OF_BOUNDS_NO_POE_when_the_only_timestamp_comes_from_an_authority_revoked_before_it_stamped()
    {
        var signed = await ProofOfTimeTests.SignAsync(Pki.Expired, AfterRevocation, Pki.RevokedTimestamps);

        var result = Verify(signed).Signatures.Single();

        VerificationTests.AssertVerdict(result, Indications.Indeterminate, SubIndications.OutOfBoundsNoPoe);
        Assert.Contains(SignatureReasons.TimestampAuthorityRevoked, result.Reasons);
        Assert.IsNull(result.ProofOfExistence);
        Assert.IsFalse(result.Timestamped);
    }

    [TestMethod]
    public async Task Etsi_a_timestamp_made_before_its_authority_was_revoked_proves_nothing_without_a_later_proof_that_it_existed_then()
    {
        var signed = await ProofOfTimeTests.SignAsync(Pki.Expired, BeforeRevocation, Pki.RevokedTimestamps);

        var result = Verify(signed).Signatures.Single();

        VerificationTests.AssertVerdict(result, Indications.Indeterminate, SubIndications.OutOfBoundsNoPoe);
        Assert.Contains(SignatureReasons.TimestampAuthorityRevokedNoPoe, result.Reasons);
    }

    [TestMethod]
    public async Task Etsi_TOTAL_PASSED_when_a_document_timestamp_proves_the_revoked_authoritys_token_existed_before_the_revocation()
    {
        var signed = await ProofOfTimeTests.SignAsync(Pki.Expired, BeforeRevocation, Pki.RevokedTimestamps);
        var stamped = await ProofOfTimeTests.DocumentTimestampAsync(signed, Pki.Timestamps, BeforeRevocation.AddDays(5));

        var report = Verify(stamped);

        VerificationTests.AssertVerdict(report.Signatures[0], Indications.TotalPassed, null);
        Assert.AreEqual(BeforeRevocation, report.Signatures[0].ProofOfExistence, "the signature's own token, now proven");
        Assert.IsTrue(report.Signatures[0].Timestamped);
    }

    [TestMethod]
    public async Task Etsi_a_document_timestamp_from_an_authority_revoked_before_it_stamped_is_TOTAL_FAILED_REVOKED_and_proves_nothing()
    {
        var signed = await ProofOfTimeTests.SignAsync(Pki.Expired, AfterRevocation);
        var stamped = await ProofOfTimeTests.DocumentTimestampAsync(signed, Pki.RevokedTimestamps, AfterRevocation.AddDays(1));

        var report = Verify(stamped);

        VerificationTests.AssertVerdict(report.Signatures[1], Indications.TotalFailed, SubIndications.Revoked);
        Assert.Contains(SignatureReasons.TimestampAuthorityRevoked, report.Signatures[1].Reasons);
        VerificationTests.AssertVerdict(report.Signatures[0], Indications.Indeterminate, SubIndications.OutOfBoundsNoPoe);
    }

    [TestMethod]
    public async Task Etsi_TRY_LATER_for_a_document_timestamp_whose_authority_has_no_revocation_data_and_it_proves_nothing()
    {
        var signed = await ProofOfTimeTests.SignAsync(Pki.Expired, AfterRevocation);
        var stamped = await ProofOfTimeTests.DocumentTimestampAsync(signed, Pki.Timestamps, AfterRevocation.AddDays(1));

        var report = Verify(stamped, Pki.Options(withCrls: false));

        VerificationTests.AssertVerdict(report.Signatures[1], Indications.Indeterminate, SubIndications.TryLater);
        Assert.Contains(SignatureReasons.TimestampAuthorityRevocationUnknown, report.Signatures[1].Reasons);
        Assert.IsNull(report.Signatures[0].ProofOfExistence);
    }

    [TestMethod]
    public async Task Etsi_timestamps_chain_to_the_configured_timestamp_trust_anchors_not_to_the_signers_roots()
    {
        var signed = await ProofOfTimeTests.SignAsync(Pki.Expired, AfterRevocation, Pki.UntrustedTimestamps);
        var ours = await ProofOfTimeTests.SignAsync(Pki.Expired, AfterRevocation, Pki.Timestamps);
        var options = Pki.Options();
        options.TimestampTrustAnchors.Add(Pki.OtherRootFile);

        var configured = Verify(signed, options).Signatures.Single();
        var signersRoot = Verify(ours, options).Signatures.Single();

        VerificationTests.AssertVerdict(configured, Indications.TotalPassed, null);
        Assert.AreEqual(AfterRevocation, configured.ProofOfExistence);
        VerificationTests.AssertVerdict(signersRoot, Indications.Indeterminate, SubIndications.OutOfBoundsNoPoe);
        Assert.Contains(SignatureReasons.TimestampUntrusted, signersRoot.Reasons);
    }
}
