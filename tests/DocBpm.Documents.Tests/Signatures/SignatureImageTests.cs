using DocBpm.Documents.Signatures;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using UglyToad.PdfPig;

namespace DocBpm.Documents.Tests.Signatures;

/// <summary>NĐ30 Phụ lục I: the leader's signature image (blue) and the agency's seal (red) with its information text.</summary>
[TestClass]
public sealed class SignatureImageTests
{
    private const string AgencyName = "Sở Giáo dục và Đào tạo Lạng Sơn";
    private static readonly TestPki Pki = TestPki.Instance;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Decree30_AppendixI_signature_and_seal_images_are_drawn_as_transparent_image_xobjects_and_both_signatures_still_verify()
    {
        var signature = new AppearanceImage(TestPng.Rgba(300, 120, 0, 0, 200), 300, 120);
        var seal = new AppearanceImage(TestPng.Rgba(240, 240, 220, 0, 0), 240, 240);
        var signer = new PdfSigner(Options.Create(Pki.Options()), new FakeTimeProvider(TestPki.SigningTime));

        var personal = await signer.SignAsync(TestDocuments.OfficialLetter(), Pki.Director.SigningKey,
            SignatureAppearance.For(SignatureRole.Personal, "Hoàng Văn Minh") with { Image = signature }, TestContext.CancellationToken);
        var issued = await signer.SignAsync(personal, Pki.Agency.SigningKey,
            SignatureAppearance.For(SignatureRole.Agency, AgencyName, "123/SGDĐT-VP") with { Image = seal }, TestContext.CancellationToken);

        var images = SignedAppearances.Images(issued);
        CollectionAssert.AreEquivalent(new[] { (300, 120), (240, 240) }, images, "one image of the uploaded size in each signature's appearance");
        var report = TestPki.Verifier(Pki.Options()).Verify(issued, [new(SignerKind.Person, "Hoàng Văn Minh", null, "CCCD:020080001234", null, "Giám đốc")]);
        Assert.AreEqual(LegalStatus.LegallyValid, report.LegalStatus, report.Summary);
        Assert.IsTrue(report.Signatures.All(s => s.Indication == Indications.TotalPassed), report.Summary);
        var pdfsig = await Pdfsig.RunAsync(issued, TestContext.CancellationToken);
        Assert.AreEqual(2, pdfsig.Split("Signature is Valid.").Length - 1, pdfsig);
    }

    [TestMethod]
    public void Decree30_AppendixI_the_agency_signature_shows_the_seal_beside_the_agency_name_and_the_Vietnam_time_in_ISO_8601()
    {
        var appearance = SignatureAppearance.For(SignatureRole.Agency, AgencyName, "123/SGDĐT-VP")
            with { Image = new AppearanceImage(TestPng.Rgba(240, 240, 220, 0, 0), 240, 240) };

        using var drawn = PdfDocument.Open(AppearanceRenderer.Render(appearance, TestPki.SigningTime));
        var page = drawn.GetPage(1);

        var text = string.Join(" ", page.GetWords().Select(w => w.Text));
        StringAssert.Contains(text, "Sở Giáo dục và Đào tạo", text);
        StringAssert.Contains(text, "2026-11-25T09:15:00+07:00", text);
        var seal = page.GetImages().Single();
        Assert.AreEqual(appearance.Box.Height, seal.BoundingBox.Height, 0.01, "the seal fills the box's height");
        Assert.AreEqual(appearance.Box.Width, seal.BoundingBox.Right, 0.01, "at the right of the agency box, over the personal signature's left third");
        Assert.IsTrue(page.Letters.All(l => l.BoundingBox.Right <= seal.BoundingBox.Left), "the text keeps clear of the seal");
        Assert.IsTrue(page.Letters.All(l => l.Color.ToRGBValues() is (> 0.7, 0d, 0d)), "the agency's text is red");
    }

    [TestMethod]
    public void Decree30_AppendixI_a_leaders_signature_image_replaces_the_text_and_keeps_its_proportions()
    {
        var appearance = SignatureAppearance.For(SignatureRole.Personal, "Hoàng Văn Minh")
            with { Image = new AppearanceImage(TestPng.Rgba(300, 60, 0, 0, 200), 300, 60) };

        using var drawn = PdfDocument.Open(AppearanceRenderer.Render(appearance, TestPki.SigningTime));
        var page = drawn.GetPage(1);

        Assert.IsEmpty(page.Letters, "the handwritten signature stands for the name");
        var image = page.GetImages().Single();
        Assert.AreEqual(appearance.Box.Width, image.BoundingBox.Width, 0.01);
        Assert.AreEqual(appearance.Box.Width * 60 / 300, image.BoundingBox.Height, 0.01, "scaled, not stretched");
    }
}
