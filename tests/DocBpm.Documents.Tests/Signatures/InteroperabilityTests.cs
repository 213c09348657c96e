using DocBpm.Documents.Signatures;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Ocsp;
using Org.BouncyCastle.Utilities.Collections;
using Org.BouncyCastle.X509;
using CmsAttribute = Org.BouncyCastle.Asn1.Cms.Attribute;

namespace DocBpm.Documents.Tests.Signatures;

/// <summary>Signatures made by other tools: the legacy adbe.pkcs7.detached format, revocation data carried in the CMS.</summary>
[TestClass]
public sealed class InteroperabilityTests
{
    private static readonly TestPki Pki = TestPki.Instance;

    [TestMethod]
    public void A_legacy_adbe_pkcs7_signature_with_signing_time_and_embedded_ocsp_and_crl_is_valid_without_admin_crls()
    {
        var signer = new PdfSigner(Options.Create(Pki.Options()), new FakeTimeProvider(TestPki.SigningTime));
        var prepared = signer.Prepare(TestDocuments.OfficialLetter(), Pki.Director.Chain, SignatureAppearance.For(SignatureRole.Personal, "Hoàng Văn Minh"));
        var pdf = Tampering.Replace(prepared.Pdf, "/SubFilter /ETSI.CAdES.detached", "/SubFilter /adbe.pkcs7.detached");
        var signed = PdfSigner.SignedBytes(pdf, [0, prepared.ContentsStart, prepared.ContentsEnd, pdf.LongLength - prepared.ContentsEnd]);
        var archival = new DerSequence(
            new DerTaggedObject(true, 0, new DerSequence(Pki.RootCrl.CertificateList)),
            new DerTaggedObject(true, 1, new DerSequence(Asn1Object.FromByteArray(TestOcsp.Response(Pki.Intermediate, Pki.Director.Certificate,
                CertificateStatus.Good, TestPki.SigningTime.UtcDateTime.AddMinutes(5))))));
        var attributes = new AttributeTable(new Asn1EncodableVector
        {
            new CmsAttribute(CmsAttributes.SigningTime, new DerSet(new Time(TestPki.SigningTime.UtcDateTime))),
            new CmsAttribute(new DerObjectIdentifier("1.2.840.113583.1.1.8"), new DerSet(archival)),
        });
        var generator = new CmsSignedDataGenerator();
        generator.AddSigner(Pki.Director.Keys.Private, Pki.Director.Certificate, CmsSignedGenerator.DigestSha256,
            new DefaultSignedAttributeTableGenerator(attributes), null);
        generator.AddCertificates(CollectionUtilities.CreateStore<X509Certificate>(Pki.Director.Chain));
        var cms = generator.Generate(new CmsProcessableByteArray(signed), false).GetEncoded();
        System.Text.Encoding.ASCII.GetBytes(Convert.ToHexString(cms)).CopyTo(pdf, prepared.ContentsStart + 1);
        var options = Pki.Options(withCrls: false);

        var result = TestPki.Verifier(options).Verify(pdf, []).Signatures.Single();

        Assert.AreEqual(SignatureStatus.Valid, result.Status, string.Join("; ", result.Reasons));
        Assert.AreEqual("adbe.pkcs7.detached", result.SubFilter);
        Assert.AreEqual(TestPki.SigningTime, result.SigningTime);
        Assert.AreEqual(SignerKind.Person, result.Signer!.Kind);
    }
}
