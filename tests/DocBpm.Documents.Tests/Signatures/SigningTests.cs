using DocBpm.Documents.Signatures;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DocBpm.Documents.Tests.Signatures;

[TestClass]
public sealed class SigningTests
{
    private static readonly TestPki Pki = TestPki.Instance;

    public TestContext TestContext { get; set; } = null!;

    internal static async Task<byte[]> SignTwiceAsync(TestIdentity person, TestIdentity agency, ITimestampClient? timestamps = null)
    {
        var signer = new PdfSigner(Options.Create(Pki.Options()), new FakeTimeProvider(TestPki.SigningTime), timestamps);
        var personal = await signer.SignAsync(TestDocuments.OfficialLetter(), person.SigningKey,
            SignatureAppearance.For(SignatureRole.Personal, person.Certificate.SubjectDN.GetValueList(Org.BouncyCastle.Asn1.X509.X509Name.CN)[0]), CancellationToken.None);
        return await signer.SignAsync(personal, agency.SigningKey,
            SignatureAppearance.For(SignatureRole.Agency, "Sở Giáo dục và Đào tạo Lạng Sơn", "123/SGDĐT-VP"), CancellationToken.None);
    }

    [TestMethod]
    public async Task Pdfsig_accepts_both_signatures_and_the_agency_signature_covers_the_whole_file()
    {
        var signed = await SignTwiceAsync(Pki.Director, Pki.Agency);

        var report = await Pdfsig.RunAsync(signed, TestContext.CancellationToken);

        Assert.AreEqual(2, report.Split("Signature is Valid.").Length - 1, report);
        StringAssert.Contains(report, "Total document signed", report);
        StringAssert.Contains(report, "Hoàng Văn Minh", report);
        StringAssert.Contains(report, "ETSI.CAdES.detached", report);
    }
}
