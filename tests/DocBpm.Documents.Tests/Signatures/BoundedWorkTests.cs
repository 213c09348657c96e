using DocBpm.Documents.Signatures;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.X509;

namespace DocBpm.Documents.Tests.Signatures;

/// <summary>No upload makes a check expensive or crashes it: every bound is tested by counting, never by timing.</summary>
[TestClass]
public sealed class BoundedWorkTests
{
    private static readonly TestPki Pki = TestPki.Instance;

    /// <summary>The signed letter whose CMS carries <paramref name="copies"/> extra copies of a certificate named like the sub-CA.</summary>
    internal static async Task<byte[]> WithLookAlikeCertificatesAsync(int copies, int contentsBytes)
    {
        var signer = new PdfSigner(Microsoft.Extensions.Options.Options.Create(new SignatureOptions { ContentsBytes = contentsBytes }),
            new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestPki.SigningTime));
        var signed = await signer.SignAsync(TestDocuments.OfficialLetter(), Pki.Director.SigningKey,
            SignatureAppearance.For(SignatureRole.Personal, "Hoàng Văn Minh"), CancellationToken.None);
        using var document = UglyToad.PdfPig.PdfDocument.Open(signed);
        var embedded = SignatureLocator.Find(document).Single();
        var data = SignedData.GetInstance(ContentInfo.GetInstance(Asn1Object.FromByteArray(CmsInput.FirstObject(embedded.Contents!))).Content);
        var lookAlike = X509CertificateStructure.GetInstance(Pki.Stranger.Certificate.GetEncoded());
        var crowded = new SignedData(data.DigestAlgorithms, data.EncapContentInfo,
            new BerSet(data.Certificates.Cast<Asn1Encodable>().Concat(Enumerable.Repeat<Asn1Encodable>(lookAlike, copies)).ToArray()), null, data.SignerInfos);
        return SignatureRuleTests.Embed(signed, embedded, new ContentInfo(CmsObjectIdentifiers.SignedData, crowded).GetEncoded(Asn1Encodable.Der));
    }

    [TestMethod]
    public void A_cms_with_45000_certificates_named_like_the_sub_ca_is_refused_before_any_is_parsed()
    {
        var certificate = Pki.Intermediate.Certificate.GetEncoded();
        var cms = new DerSequence(Enumerable.Repeat<Asn1Encodable>(Asn1Object.FromByteArray(certificate), 45_000).ToArray()).GetEncoded();

        var refused = Assert.ThrowsExactly<SignatureInputException>(() => CmsInput.EnsureBounded(cms));

        Assert.AreEqual("signature-too-complex", refused.Code);
        Assert.IsGreaterThan(CmsInput.MaxBytes, cms.Length, "refused by size, so no certificate is ever parsed");
    }

    [TestMethod]
    public async Task A_cms_carrying_more_certificates_than_the_bound_is_refused_with_a_code()
    {
        var crowded = await WithLookAlikeCertificatesAsync(CmsInput.MaxCertificates, 64 * 1024);

        var refused = Assert.ThrowsExactly<SignatureInputException>(() => TestPki.Verifier(Pki.Options()).Verify(crowded, []));

        Assert.AreEqual("signature-too-complex", refused.Code);
    }

    [TestMethod]
    public void Path_building_considers_a_bounded_number_of_candidates_out_of_45000_look_alike_sub_cas()
    {
        var considered = 0;
        IEnumerable<X509Certificate> Pool()
        {
            for (var i = 0; i < 45_000; i++)
            {
                considered++;
                yield return Pki.Stranger.Certificate;
            }
        }

        var path = CertificatePath.Build(Pki.Director.Certificate, Pool(), [Pki.Root.Certificate]);

        Assert.IsNull(path);
        Assert.IsLessThanOrEqualTo(CertificatePath.MaxCandidates, considered);
    }

    [TestMethod]
    public void A_cms_nested_deeper_than_the_bound_is_refused_before_the_parser_recurses()
    {
        Asn1Encodable nested = DerNull.Instance;
        for (var i = 0; i < 10_000; i++)
            nested = new DerSequence(nested);
        var cms = nested.GetEncoded();

        var refused = Assert.ThrowsExactly<SignatureInputException>(() => CmsInput.EnsureBounded(cms));

        Assert.AreEqual("signature-too-complex", refused.Code);
    }

    [TestMethod]
    public async Task A_byte_range_whose_sum_overflows_is_refused_with_a_code_not_a_crash()
    {
        var signed = await SigningTests.SignTwiceAsync(Pki.Director, Pki.Agency);
        var text = System.Text.Encoding.Latin1.GetString(signed);
        var start = text.IndexOf("/ByteRange [", StringComparison.Ordinal) + 12;
        var end = text.IndexOf(']', start);
        var overflow = "0 1 9223372036854775000 9223372036854775000".PadRight(end - start);
        var broken = System.Text.Encoding.Latin1.GetBytes(text[..start] + overflow + text[end..]);

        var refused = Assert.ThrowsExactly<SignatureInputException>(() => TestPki.Verifier(Pki.Options()).Verify(broken, []));

        Assert.AreEqual("byte-range-overflow", refused.Code);
    }
}
