using DocBpm.Documents.Signatures;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DocBpm.Documents.Tests.Signatures;

[TestClass]
public sealed class VerificationTests
{
    private static readonly TestPki Pki = TestPki.Instance;

    /// <summary>The director is registered as a person with signing authority; the deputy is not.</summary>
    private static readonly SignerRegistration[] Registry =
        [new(SignerKind.Person, "Hoàng Văn Minh", null, "CCCD:020080001234", null, "Giám đốc")];

    private static SignatureReport Verify(byte[] pdf, SignatureOptions? options = null)
    {
        options ??= Pki.Options();
        return TestPki.Verifier(options).Verify(pdf, Registry);
    }

    private static PdfSigner Signer(ITimestampClient? timestamps = null) =>
        new(Options.Create(Pki.Options()), new FakeTimeProvider(TestPki.SigningTime), timestamps);

    private static Task<byte[]> SignAsync(byte[] pdf, TestIdentity identity, SignatureRole role) =>
        Signer().SignAsync(pdf, identity.SigningKey, SignatureAppearance.For(role, identity.Certificate.SubjectDN.GetValueList(Org.BouncyCastle.Asn1.X509.X509Name.CN)[0]),
            CancellationToken.None);

    private static void AssertReason(SignatureResult result, string code) =>
        Assert.IsTrue(result.Reasons.Any(r => r.Code == code), $"expected {code}, got: {string.Join(", ", result.Reasons.Select(r => r.Code))}");

    internal static void AssertVerdict(SignatureResult result, string indication, string? subIndication)
    {
        var reasons = $"{result.FieldName}: {string.Join(", ", result.Reasons.Select(r => r.Code))}";
        Assert.AreEqual(indication, result.Indication, reasons);
        Assert.AreEqual(subIndication, result.SubIndication, reasons);
    }

    [TestMethod]
    public async Task Article4_personal_then_agency_signature_both_valid_makes_the_document_legally_valid()
    {
        var report = Verify(await SigningTests.SignTwiceAsync(Pki.Director, Pki.Agency));

        Assert.AreEqual(LegalStatus.LegallyValid, report.LegalStatus, report.Summary);
        Assert.HasCount(2, report.Signatures);
        Assert.IsTrue(report.Signatures.All(s => s.Status == SignatureStatus.Valid), report.Summary);
        Assert.AreEqual(SignerKind.Person, report.Signatures[0].Signer!.Kind);
        Assert.IsTrue(report.Signatures[0].Signer!.Registered);
        Assert.IsFalse(report.Signatures[0].CoversWholeDocument, "the personal signature covers its own revision only");
        Assert.AreEqual(SignerKind.Organisation, report.Signatures[1].Signer!.Kind);
        Assert.IsTrue(report.Signatures[1].CoversWholeDocument);
        Assert.AreEqual(TestPki.SigningTime, report.Signatures[1].SigningTime);
    }

    [TestMethod]
    public Task Article4_only_the_personal_signature_leaves_the_document_for_reference_only() =>
        AssertOneValidSignatureIsNotEnough(Pki.Director, SignatureRole.Personal, SignatureReasons.NoAgency);

    [TestMethod]
    public Task Article4_only_the_agency_signature_leaves_the_document_for_reference_only() =>
        AssertOneValidSignatureIsNotEnough(Pki.Agency, SignatureRole.Agency, SignatureReasons.NoAuthorisedPerson);

    private static async Task AssertOneValidSignatureIsNotEnough(TestIdentity signer, SignatureRole role, SignatureFinding missing)
    {
        var report = Verify(await SignAsync(TestDocuments.OfficialLetter(), signer, role));

        Assert.AreEqual(SignatureStatus.Valid, report.Signatures.Single().Status, report.Summary);
        Assert.AreEqual(LegalStatus.ReferenceOnly, report.LegalStatus);
        Assert.Contains(missing, report.Reasons);
    }

    [TestMethod]
    public async Task Article4_a_valid_signature_of_a_person_without_registered_authority_is_not_enough()
    {
        var report = Verify(await SigningTests.SignTwiceAsync(Pki.Deputy, Pki.Agency));

        Assert.IsTrue(report.Signatures.All(s => s.Status == SignatureStatus.Valid), report.Summary);
        Assert.AreEqual(LegalStatus.ReferenceOnly, report.LegalStatus);
        Assert.Contains(SignatureReasons.NotRegistered, report.Reasons);
    }

    [TestMethod]
    public async Task Article4_without_a_required_registry_any_valid_personal_signature_counts()
    {
        var options = Pki.Options();
        var lenient = new SignatureOptions { TrustAnchors = options.TrustAnchors, CrlFiles = options.CrlFiles, RequireRegisteredSigner = false };

        var report = Verify(await SigningTests.SignTwiceAsync(Pki.Deputy, Pki.Agency), lenient);

        Assert.AreEqual(LegalStatus.LegallyValid, report.LegalStatus, report.Summary);
    }

    [TestMethod]
    public async Task One_byte_changed_in_the_signed_bytes_breaks_the_digest_of_every_signature_covering_it()
    {
        var signed = await SigningTests.SignTwiceAsync(Pki.Director, Pki.Agency);

        var report = Verify(Tampering.Replace(signed, "/M (D:2026", "/M (D:2027"));

        Assert.IsTrue(report.Signatures.All(s => s.Status == SignatureStatus.Invalid), report.Summary);
        AssertReason(report.Signatures[0], "digest-mismatch");
        AssertReason(report.Signatures[1], "digest-mismatch");
        Assert.AreEqual(LegalStatus.ReferenceOnly, report.LegalStatus);
    }

    [TestMethod]
    public async Task Content_appended_after_signing_invalidates_the_signatures_and_is_reported()
    {
        var signed = await SigningTests.SignTwiceAsync(Pki.Director, Pki.Agency);

        var report = Verify(Tampering.CoverUpOnFirstPage(signed));

        Assert.Contains(SignatureReasons.UnsignedUpdate, report.Reasons);
        Assert.IsTrue(report.Signatures.All(s => s.Status == SignatureStatus.Invalid), report.Summary);
        AssertReason(report.Signatures[1], "content-changed-after-signing");
        Assert.AreEqual(LegalStatus.ReferenceOnly, report.LegalStatus);
    }

    [TestMethod]
    public async Task Etsi_TOTAL_FAILED_EXPIRED_when_the_signer_claims_a_time_after_the_certificate_expired()
    {
        var report = Verify(await SignAsync(TestDocuments.OfficialLetter(), Pki.Expired, SignatureRole.Personal));

        AssertVerdict(report.Signatures.Single(), Indications.TotalFailed, SubIndications.Expired);
        AssertReason(report.Signatures.Single(), "certificate-expired");
    }

    [TestMethod]
    public async Task Etsi_TOTAL_FAILED_REVOKED_when_the_signer_claims_a_time_after_the_revocation()
    {
        var report = Verify(await SignAsync(TestDocuments.OfficialLetter(), Pki.Revoked, SignatureRole.Personal));

        AssertVerdict(report.Signatures.Single(), Indications.TotalFailed, SubIndications.Revoked);
        AssertReason(report.Signatures.Single(), "certificate-revoked");
    }

    [TestMethod]
    public async Task Etsi_INDETERMINATE_NO_CERTIFICATE_CHAIN_FOUND_for_a_certificate_from_an_untrusted_root()
    {
        var report = Verify(await SignAsync(TestDocuments.OfficialLetter(), Pki.Stranger, SignatureRole.Personal));

        AssertVerdict(report.Signatures.Single(), Indications.Indeterminate, SubIndications.NoCertificateChainFound);
        AssertReason(report.Signatures.Single(), "chain-untrusted");
        Assert.AreEqual("Người Lạ", report.Signatures.Single().Signer!.Name, "the clerk still sees who signed");
    }

    [TestMethod]
    public async Task Etsi_INDETERMINATE_TRY_LATER_without_revocation_data()
    {
        var signed = await SignAsync(TestDocuments.OfficialLetter(), Pki.Director, SignatureRole.Personal);

        var report = Verify(signed, Pki.Options(withCrls: false));

        AssertVerdict(report.Signatures.Single(), Indications.Indeterminate, SubIndications.TryLater);
        AssertReason(report.Signatures.Single(), "revocation-unknown");
    }

    [TestMethod]
    public async Task A_timestamped_signature_takes_its_signing_time_from_the_timestamp_authority()
    {
        var clock = new FakeTimeProvider(TestPki.SigningTime);
        using var authority = new TestTimestampAuthority(Pki.Timestamps, clock);
        using var http = new HttpClient(authority) { BaseAddress = new Uri("http://tsa.test/") };
        var signer = new PdfSigner(Options.Create(Pki.Options()), clock, new HttpTimestampClient(http));
        var signed = await signer.SignAsync(TestDocuments.OfficialLetter(), Pki.Director.SigningKey,
            SignatureAppearance.For(SignatureRole.Personal, "Hoàng Văn Minh"), CancellationToken.None);

        var result = Verify(signed).Signatures.Single();

        Assert.AreEqual(SignatureStatus.Valid, result.Status, string.Join("; ", result.Reasons));
        Assert.IsTrue(result.Timestamped);
        Assert.AreEqual(TestPki.SigningTime, result.SigningTime);
        Assert.AreEqual(1, authority.Requests);
    }

    [TestMethod]
    public async Task Two_phase_signing_prepares_a_digest_and_embeds_a_signature_made_elsewhere()
    {
        var signer = Signer();
        var prepared = signer.Prepare(TestDocuments.OfficialLetter(), Pki.Director.Chain, SignatureAppearance.For(SignatureRole.Personal, "Hoàng Văn Minh"));

        var signatureFromToken = await Pki.Director.SigningKey.SignAsync(prepared.ToBeSigned, CancellationToken.None);
        var signed = await signer.CompleteAsync(prepared, signatureFromToken, CancellationToken.None);

        Assert.AreEqual(SignatureStatus.Valid, Verify(signed).Signatures.Single().Status);
        Assert.HasCount(32, prepared.ToBeSignedDigest);
    }

    [TestMethod]
    public void Etsi_TOTAL_FAILED_FORMAT_FAILURE_for_malformed_contents()
    {
        var signer = Signer();
        var prepared = signer.Prepare(TestDocuments.OfficialLetter(), Pki.Director.Chain, SignatureAppearance.For(SignatureRole.Personal, "Hoàng Văn Minh"));
        var garbage = System.Text.Encoding.ASCII.GetBytes("3082FFFF0102030405060708090A0B0C0D0E0F");
        garbage.CopyTo(prepared.Pdf, prepared.ContentsStart + 1);

        var result = Verify(prepared.Pdf).Signatures.Single();

        AssertVerdict(result, Indications.TotalFailed, SubIndications.FormatFailure);
        AssertReason(result, "cms-malformed");
    }

    [TestMethod]
    public async Task Etsi_INDETERMINATE_CRYPTO_CONSTRAINTS_FAILURE_for_an_unknown_digest_algorithm()
    {
        var signed = await SignAsync(TestDocuments.OfficialLetter(), Pki.Director, SignatureRole.Personal);
        var contents = System.Text.Encoding.Latin1.GetString(signed);
        var start = contents.IndexOf("/Contents <", StringComparison.Ordinal) + 11;
        var end = contents.IndexOf('>', start);
        // id-sha256 (2.16.840.1.101.3.4.2.1) becomes the unassigned 2.16.840.1.101.3.4.2.127, outside the signed bytes.
        var altered = contents[..start] + contents[start..end].Replace("0609608648016503040201", "060960864801650304027F", StringComparison.Ordinal) + contents[end..];

        var result = Verify(System.Text.Encoding.Latin1.GetBytes(altered)).Signatures.Single();

        AssertVerdict(result, Indications.Indeterminate, SubIndications.CryptoConstraintsFailure);
        AssertReason(result, "digest-algorithm-unsupported");
    }

    [TestMethod]
    public async Task Damaged_files_get_a_report_or_a_clear_refusal_never_a_crash()
    {
        var signed = await SigningTests.SignTwiceAsync(Pki.Director, Pki.Agency);

        for (var tenth = 1; tenth < 10; tenth++)
        {
            var damaged = signed.ToArray();
            Array.Fill(damaged, (byte)'x', signed.Length * tenth / 10, 64);
            try
            {
                var report = Verify(damaged);
                Assert.AreEqual(LegalStatus.ReferenceOnly, report.LegalStatus, $"damage at {tenth}/10 must not leave the document legally valid");
            }
            catch (SignatureInputException refused)
            {
                Assert.IsFalse(string.IsNullOrEmpty(refused.Vietnamese));
            }
        }
    }

    [TestMethod]
    public void An_unsigned_document_is_for_reference_only()
    {
        var report = Verify(TestDocuments.OfficialLetter());

        Assert.AreEqual(LegalStatus.ReferenceOnly, report.LegalStatus);
        Assert.Contains(SignatureReasons.NoSignatures, report.Reasons);
    }

    [TestMethod]
    public void A_file_that_is_not_a_pdf_is_refused_clearly()
    {
        var refused = Assert.ThrowsExactly<SignatureInputException>(() => Verify("Công văn số 123"u8.ToArray()));

        Assert.AreEqual("not-pdf", refused.Code);
        Assert.AreEqual("Tệp không phải là văn bản PDF.", refused.Vietnamese);
    }

    [TestMethod]
    public async Task A_truncated_pdf_is_refused_clearly()
    {
        var signed = await SigningTests.SignTwiceAsync(Pki.Director, Pki.Agency);

        var refused = Assert.ThrowsExactly<SignatureInputException>(() => Verify(signed[..(signed.Length / 2)]));

        Assert.AreEqual("truncated", refused.Code);
    }

    [TestMethod]
    public void An_encrypted_pdf_is_refused_clearly()
    {
        var refused = Assert.ThrowsExactly<SignatureInputException>(() => Verify(Tampering.DeclareEncryption(TestDocuments.OfficialLetter())));

        Assert.AreEqual("encrypted", refused.Code);
    }

    [TestMethod]
    public async Task A_trailer_saying_Encrypt_null_is_not_encrypted_and_is_checked()
    {
        var signed = await SigningTests.SignTwiceAsync(Pki.Director, Pki.Agency);

        var report = Verify(Tampering.DeclareNoEncryption(signed));

        Assert.AreEqual(LegalStatus.LegallyValid, report.LegalStatus, report.Summary);
    }

    [TestMethod]
    public async Task Junk_after_the_last_EOF_is_reported_not_refused_as_truncated()
    {
        var signed = await SigningTests.SignTwiceAsync(Pki.Director, Pki.Agency);
        var junk = System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("rác sau EOF; ", 200)));

        var report = Verify([.. signed, .. junk]);

        Assert.Contains(SignatureReasons.TrailingBytes, report.Reasons);
        Assert.IsTrue(report.Signatures.All(s => s.Status == SignatureStatus.Valid), report.Summary);
        Assert.AreEqual(LegalStatus.LegallyValid, report.LegalStatus, "bytes no reader shows change nothing signed");
    }

    [TestMethod]
    public void A_file_over_the_size_limit_is_refused_before_parsing()
    {
        var options = Pki.Options();
        var small = new SignatureOptions { TrustAnchors = options.TrustAnchors, CrlFiles = options.CrlFiles, MaxFileBytes = 1024 };

        var refused = Assert.ThrowsExactly<SignatureInputException>(() => Verify(TestDocuments.OfficialLetter(), small));

        Assert.AreEqual("too-large", refused.Code);
    }
}
