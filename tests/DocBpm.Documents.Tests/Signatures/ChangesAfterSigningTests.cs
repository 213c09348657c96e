using DocBpm.Documents.Signatures;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DocBpm.Documents.Tests.Signatures;

/// <summary>
/// Article 4 with the DocMDP permissions of a certification signature (ISO 32000-1 §12.8.2.2): what it permits keeps the
/// document valid and is reported; without certification nothing a reader sees may change after signing.
/// </summary>
[TestClass]
public sealed class ChangesAfterSigningTests
{
    private static readonly TestPki Pki = TestPki.Instance;
    private static readonly SignerRegistration[] Registry = [new(SignerKind.Person, "Hoàng Văn Minh", null, "CCCD:020080001234", null, "Giám đốc")];

    /// <summary>A letter with a fee field, signed by the director (certifying with <paramref name="permission"/>) then the agency.</summary>
    private static async Task<byte[]> IssuedFormAsync(int? permission)
    {
        var signer = new PdfSigner(Options.Create(Pki.Options()), new FakeTimeProvider(TestPki.SigningTime));
        var form = Tampering.OverlayWidgetOnFirstPage(TestDocuments.OfficialLetter(), "Le phi: 100.000 VND");
        var certified = await signer.SignAsync(form, Pki.Director.SigningKey,
            SignatureAppearance.For(SignatureRole.Personal, "Hoàng Văn Minh") with { CertificationPermission = permission }, CancellationToken.None);
        return await signer.SignAsync(certified, Pki.Agency.SigningKey, SignatureAppearance.For(SignatureRole.Agency, "Sở Giáo dục và Đào tạo Lạng Sơn"),
            CancellationToken.None);
    }

    private static SignatureReport Verify(byte[] pdf) => TestPki.Verifier(Pki.Options()).Verify(pdf, Registry);

    [TestMethod]
    public async Task Article4_DocMDP_2_form_filling_after_a_certification_signature_is_permitted_and_reported()
    {
        var report = Verify(Tampering.FillField(await IssuedFormAsync(permission: 2), "Le phi: 200.000 VND"));

        Assert.AreEqual(LegalStatus.LegallyValid, report.LegalStatus, report.Summary);
        Assert.Contains(SignatureReasons.Permitted(ChangeKind.FormFilling), report.Reasons);
    }

    [TestMethod]
    public async Task Article4_form_filling_after_approval_signatures_without_certification_leaves_the_document_for_reference_only()
    {
        var report = Verify(Tampering.FillField(await IssuedFormAsync(permission: null), "Le phi: 200.000 VND"));

        Assert.AreEqual(LegalStatus.ReferenceOnly, report.LegalStatus, report.Summary);
        Assert.Contains(SignatureReasons.Changed(ChangeKind.FormFilling), report.Reasons);
    }

    [TestMethod]
    public async Task Article4_DocMDP_1_forbids_even_the_agency_signature_after_the_certification()
    {
        var report = Verify(await IssuedFormAsync(permission: 1));

        Assert.AreEqual(LegalStatus.ReferenceOnly, report.LegalStatus, report.Summary);
        Assert.Contains(SignatureReasons.Changed(ChangeKind.Signature), report.Reasons);
        Assert.AreEqual(SignatureStatus.Valid, report.Signatures[1].Status, "the agency signature itself is sound");
    }

    [TestMethod]
    public async Task Article4_DocMDP_3_permits_an_annotation_but_DocMDP_2_does_not()
    {
        var permitted = Verify(Tampering.TextBoxOnFirstPage(await IssuedFormAsync(permission: 3)));
        var forbidden = Verify(Tampering.TextBoxOnFirstPage(await IssuedFormAsync(permission: 2)));

        Assert.AreEqual(LegalStatus.LegallyValid, permitted.LegalStatus, permitted.Summary);
        Assert.Contains(SignatureReasons.Permitted(ChangeKind.Annotation), permitted.Reasons);
        Assert.AreEqual(LegalStatus.ReferenceOnly, forbidden.LegalStatus);
        Assert.Contains(SignatureReasons.Changed(ChangeKind.Annotation), forbidden.Reasons);
    }

    [TestMethod]
    public async Task Article4_a_certification_claimed_in_an_unsigned_update_grants_nothing()
    {
        var issued = await IssuedFormAsync(permission: null);

        var report = Verify(Tampering.FillField(Tampering.ClaimCertification(issued), "Le phi: 200.000 VND"));

        Assert.AreEqual(LegalStatus.ReferenceOnly, report.LegalStatus);
        Assert.Contains(SignatureReasons.Changed(ChangeKind.ObjectReplaced), report.Reasons, report.Summary);
    }

    [TestMethod]
    public async Task Article4_updating_the_XMP_metadata_after_signing_is_an_allowed_change()
    {
        var signer = new PdfSigner(Options.Create(Pki.Options()), new FakeTimeProvider(TestPki.SigningTime));
        var letter = Tampering.WriteMetadata(TestDocuments.OfficialLetter(), "2026-11-24T16:00:00+07:00");
        var personal = await signer.SignAsync(letter, Pki.Director.SigningKey, SignatureAppearance.For(SignatureRole.Personal, "Hoàng Văn Minh"), CancellationToken.None);
        var issued = await signer.SignAsync(personal, Pki.Agency.SigningKey, SignatureAppearance.For(SignatureRole.Agency, "Sở Giáo dục và Đào tạo Lạng Sơn"),
            CancellationToken.None);

        var report = Verify(Tampering.WriteMetadata(issued, "2026-11-25T10:00:00+07:00"));

        Assert.AreEqual(LegalStatus.LegallyValid, report.LegalStatus, report.Summary);
    }
}
