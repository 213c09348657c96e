using DocBpm.Documents.Signatures;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Utilities.Collections;
using Org.BouncyCastle.X509;
using CmsAttribute = Org.BouncyCastle.Asn1.Cms.Attribute;

namespace DocBpm.Documents.Tests.Signatures;

/// <summary>The rules mutation testing found unpinned (issue 22): each test fails if its rule is removed.</summary>
[TestClass]
public sealed class SignatureRuleTests
{
    private static readonly TestPki Pki = TestPki.Instance;

    private static PdfSigner Signer() => new(Options.Create(Pki.Options()), new FakeTimeProvider(TestPki.SigningTime));

    private static Task<byte[]> SignAsync(ISigningKey key) =>
        Signer().SignAsync(TestDocuments.OfficialLetter(), key, SignatureAppearance.For(SignatureRole.Personal, "Hoàng Văn Minh"), CancellationToken.None);

    private static SignatureResult VerifyOne(byte[] pdf, SignatureOptions? options = null) =>
        TestPki.Verifier(options ?? Pki.Options()).Verify(pdf, []).Signatures.Single();

    /// <summary>The file's <paramref name="index"/>-th signature as the verifier locates it.</summary>
    internal static EmbeddedSignature Located(byte[] pdf, int index = 0)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return SignatureLocator.Find(document)[index];
    }

    /// <summary>One signature checked on its own, without the document's revocation data, an hour after it was made.</summary>
    internal static SignatureResult CheckAlone(byte[] pdf, EmbeddedSignature embedded)
    {
        var options = Pki.Options();
        return new SignatureCheck(TrustMaterial.Load(options), [], new RevocationData([], []), TestPki.SigningTime).Check(pdf, embedded, null);
    }

    [TestMethod]
    public async Task Etsi_a_CRL_with_the_issuers_name_but_a_bad_signature_is_not_believed()
    {
        var signed = await SignAsync(Pki.Director.SigningKey);
        var forged = TestPki.Crl(Pki.Intermediate, Pki.OtherRoot.Keys.Private, TestPki.SigningTime.UtcDateTime.AddDays(-1),
            (Pki.Director.Certificate, TestPki.SigningTime.UtcDateTime.AddDays(-10)));
        var options = new SignatureOptions { TrustAnchors = [Pki.RootFile], CrlFiles = [Pki.Save("forged.crl", forged.GetEncoded()), Pki.CrlFiles[1]] };

        var result = VerifyOne(signed, options);

        VerificationTests.AssertVerdict(result, Indications.Indeterminate, SubIndications.TryLater);
    }

    [TestMethod]
    public async Task Etsi_FORMAT_FAILURE_when_the_byte_range_gap_differs_from_the_parsed_contents()
    {
        var signed = await SignAsync(Pki.Director.SigningKey);
        var embedded = Located(signed);
        var wrapped = embedded with { Contents = [.. embedded.Contents!.Take(embedded.Contents!.Length - 1), 0x01] };

        var result = CheckAlone(signed, wrapped);

        VerificationTests.AssertVerdict(result, Indications.TotalFailed, SubIndications.FormatFailure);
        Assert.Contains(SignatureReasons.ByteRange, result.Reasons);
    }

    [TestMethod]
    public async Task Etsi_FORMAT_FAILURE_when_the_byte_range_runs_past_the_end_of_the_file()
    {
        var signed = await SignAsync(Pki.Director.SigningKey);
        var embedded = Located(signed);
        var range = embedded.ByteRange;

        var result = CheckAlone(signed, embedded with { ByteRange = [0, range[1], range[2], range[3] + 1] });

        VerificationTests.AssertVerdict(result, Indications.TotalFailed, SubIndications.FormatFailure);
    }

    [TestMethod]
    public async Task Etsi_FORMAT_FAILURE_when_the_byte_range_gap_holds_characters_that_are_not_hex_digits()
    {
        var signed = await SignAsync(Pki.Director.SigningKey);
        var embedded = Located(signed);
        var garbled = signed.ToArray();
        // The two last characters of the zero padding: the gap keeps its even length, only its digits are wrong.
        "zz"u8.CopyTo(garbled.AsSpan((int)embedded.ByteRange[2] - 3));

        var result = CheckAlone(garbled, embedded);

        VerificationTests.AssertVerdict(result, Indications.TotalFailed, SubIndications.FormatFailure);
        Assert.Contains(SignatureReasons.ByteRange, result.Reasons);
    }

    [TestMethod]
    [DataRow(0, (byte)'(')]
    [DataRow(-1, (byte)')')]
    public async Task Etsi_FORMAT_FAILURE_when_either_end_of_the_byte_range_gap_is_not_the_hex_strings_bracket(int end, byte bracket)
    {
        var signed = await SignAsync(Pki.Director.SigningKey);
        var embedded = Located(signed);
        var altered = signed.ToArray();
        altered[end == 0 ? embedded.ByteRange[1] : embedded.ByteRange[2] - 1] = bracket;

        var result = CheckAlone(altered, embedded);

        VerificationTests.AssertVerdict(result, Indications.TotalFailed, SubIndications.FormatFailure);
        Assert.Contains(SignatureReasons.ByteRange, result.Reasons);
    }

    [TestMethod]
    public async Task Etsi_a_byte_range_whose_gap_ends_the_file_is_sound_and_the_signature_then_fails_on_the_bytes_it_covers()
    {
        var signed = await SignAsync(Pki.Director.SigningKey);
        var embedded = Located(signed);
        var range = embedded.ByteRange;
        var cut = signed[..(int)range[2]];

        var result = CheckAlone(cut, embedded with { ByteRange = [0, range[1], range[2], 0] });

        VerificationTests.AssertVerdict(result, Indications.TotalFailed, SubIndications.HashFailure);
        Assert.DoesNotContain(SignatureReasons.ByteRange, result.Reasons);
    }

    [TestMethod]
    public async Task Etsi_a_chain_completed_by_the_administrators_configured_intermediates_is_TOTAL_PASSED()
    {
        var signed = await SignAsync(new SoftwareSigningKey(Pki.Director.Keys.Private, [Pki.Director.Certificate]));
        var withIntermediate = new SignatureOptions
        {
            TrustAnchors = [Pki.RootFile],
            IntermediateCertificates = [Pki.Save("intermediate.cer", Pki.Intermediate.Certificate.GetEncoded())],
            CrlFiles = [.. Pki.CrlFiles],
        };

        VerificationTests.AssertVerdict(VerifyOne(signed), Indications.Indeterminate, SubIndications.NoCertificateChainFound);
        VerificationTests.AssertVerdict(VerifyOne(signed, withIntermediate), Indications.TotalPassed, null);
    }

    [TestMethod]
    public async Task Etsi_INDETERMINATE_NO_SIGNING_CERTIFICATE_FOUND_for_a_cms_without_the_signers_certificate()
    {
        var signed = await SignAsync(Pki.Director.SigningKey);
        var embedded = Located(signed);
        var content = ContentInfo.GetInstance(Asn1Object.FromByteArray(CmsInput.FirstObject(embedded.Contents!)));
        var data = SignedData.GetInstance(content.Content);
        var withoutSigner = new SignedData(data.DigestAlgorithms, data.EncapContentInfo,
            new DerSet(data.Certificates.Cast<Asn1Encodable>().Where(c => !c.GetEncoded().AsSpan().SequenceEqual(Pki.Director.Certificate.GetEncoded())).ToArray()), null, data.SignerInfos);
        var stripped = Embed(signed, embedded, new ContentInfo(CmsObjectIdentifiers.SignedData, withoutSigner).GetEncoded(Asn1Encodable.Der));

        var result = VerifyOne(stripped);

        VerificationTests.AssertVerdict(result, Indications.Indeterminate, SubIndications.NoSigningCertificateFound);
        Assert.Contains(SignatureReasons.CertificateMissing, result.Reasons);
    }

    [TestMethod]
    public async Task Etsi_TOTAL_FAILED_REVOKED_for_a_revocation_at_exactly_the_signing_instant()
    {
        var signed = await SignAsync(Pki.Director.SigningKey);
        var crl = TestPki.Crl(Pki.Intermediate, TestPki.SigningTime.UtcDateTime.AddDays(1), (Pki.Director.Certificate, TestPki.SigningTime.UtcDateTime));
        var options = new SignatureOptions { TrustAnchors = [Pki.RootFile], CrlFiles = [Pki.Save("at-the-instant.crl", crl.GetEncoded()), Pki.CrlFiles[1]] };

        var result = VerifyOne(signed, options);

        VerificationTests.AssertVerdict(result, Indications.TotalFailed, SubIndications.Revoked);
    }

    [TestMethod]
    public void Etsi_a_cms_signing_time_that_differs_from_M_is_the_claim_and_the_difference_is_reported()
    {
        var earlier = TestPki.SigningTime.AddHours(-2);
        var prepared = Signer().Prepare(TestDocuments.OfficialLetter(), Pki.Director.Chain, SignatureAppearance.For(SignatureRole.Personal, "Hoàng Văn Minh"));
        var pdf = Tampering.Replace(prepared.Pdf, "/SubFilter /ETSI.CAdES.detached", "/SubFilter /adbe.pkcs7.detached");
        var range = new[] { 0, prepared.ContentsStart, prepared.ContentsEnd, pdf.LongLength - prepared.ContentsEnd };
        var attributes = new AttributeTable(new Asn1EncodableVector { new CmsAttribute(CmsAttributes.SigningTime, new DerSet(new Time(earlier.UtcDateTime))) });
        var generator = new CmsSignedDataGenerator();
        generator.AddSigner(Pki.Director.Keys.Private, Pki.Director.Certificate, CmsSignedGenerator.DigestSha256,
            new DefaultSignedAttributeTableGenerator(attributes), null);
        generator.AddCertificates(CollectionUtilities.CreateStore<X509Certificate>(Pki.Director.Chain));
        var cms = generator.Generate(new CmsProcessableByteArray(PdfSigner.SignedBytes(pdf, range)), false).GetEncoded();
        System.Text.Encoding.ASCII.GetBytes(Convert.ToHexString(cms)).CopyTo(pdf, prepared.ContentsStart + 1);

        var result = VerifyOne(pdf);

        VerificationTests.AssertVerdict(result, Indications.TotalPassed, null);
        Assert.AreEqual(earlier, result.SigningTime);
        Assert.Contains(SignatureReasons.ClaimedTimesDiffer, result.Reasons);
    }

    [TestMethod]
    public async Task Etsi_INDETERMINATE_CHAIN_CONSTRAINTS_FAILURE_for_a_certificate_whose_key_usage_forbids_signing()
    {
        var result = VerifyOne(await SignAsync(Pki.CertificateSigningOnly.SigningKey));

        VerificationTests.AssertVerdict(result, Indications.Indeterminate, SubIndications.ChainConstraintsFailure);
        Assert.Contains(SignatureReasons.KeyUsage, result.Reasons);
    }

    [TestMethod]
    public async Task Etsi_a_certificate_whose_key_usage_allows_non_repudiation_only_may_sign() =>
        VerificationTests.AssertVerdict(VerifyOne(await SignAsync(Pki.NonRepudiationOnly.SigningKey)), Indications.TotalPassed, null);

    [TestMethod]
    public async Task Etsi_INDETERMINATE_FORMAT_FAILURE_for_a_signature_format_DocBpm_does_not_read()
    {
        var signed = Tampering.Replace(await SignAsync(Pki.Director.SigningKey), "/SubFilter /ETSI.CAdES.detached", "/SubFilter /adbe.x509.rsa_sha1 ");

        var result = VerifyOne(signed);

        VerificationTests.AssertVerdict(result, Indications.Indeterminate, SubIndications.FormatFailure);
        Assert.Contains(SignatureReasons.UnsupportedFormat("adbe.x509.rsa_sha1"), result.Reasons);
    }

    [TestMethod]
    public async Task Etsi_INDETERMINATE_CRYPTO_CONSTRAINTS_FAILURE_for_an_unsupported_signature_algorithm_not_a_key_mismatch()
    {
        var signed = await SignAsync(Pki.Director.SigningKey);
        var text = System.Text.Encoding.Latin1.GetString(signed);
        // ecdsa-with-SHA256 (1.2.840.10045.4.3.2) of the signer info, the last one after the certificates' own.
        var at = text.LastIndexOf("06082A8648CE3D040302", StringComparison.Ordinal);
        var altered = System.Text.Encoding.Latin1.GetBytes(text[..at] + "06082A8648CE3D04037F" + text[(at + 20)..]);

        var result = VerifyOne(altered);

        VerificationTests.AssertVerdict(result, Indications.Indeterminate, SubIndications.CryptoConstraintsFailure);
        Assert.Contains(SignatureReasons.SignatureAlgorithmUnsupported, result.Reasons);
        Assert.DoesNotContain(SignatureReasons.SignatureMismatch, result.Reasons);
    }

    /// <summary>The file with <paramref name="cms"/> in place of the signature's value (zero-padded, outside the signed bytes).</summary>
    internal static byte[] Embed(byte[] pdf, EmbeddedSignature embedded, byte[] cms)
    {
        var copy = pdf.ToArray();
        var hex = Convert.ToHexString(cms).PadRight((int)(embedded.ByteRange[2] - embedded.ByteRange[1] - 2), '0');
        System.Text.Encoding.ASCII.GetBytes(hex).CopyTo(copy, embedded.ByteRange[1] + 1);
        return copy;
    }
}
