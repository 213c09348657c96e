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

    [TestMethod]
    public async Task Pdfsig_accepts_a_timestamped_pades_b_t_signature()
    {
        var clock = new FakeTimeProvider(TestPki.SigningTime);
        using var authority = new TestTimestampAuthority(Pki.Timestamps, clock);
        using var http = new HttpClient(authority) { BaseAddress = new Uri("http://tsa.test/") };

        var signed = await SignTwiceAsync(Pki.Director, Pki.Agency, new HttpTimestampClient(http));
        var report = await Pdfsig.RunAsync(signed, TestContext.CancellationToken);

        Assert.AreEqual(2, report.Split("Signature is Valid.").Length - 1, report);
        Assert.AreEqual(2, authority.Requests);
    }

    [TestMethod]
    public async Task The_key_store_opens_the_admins_pkcs12_files_and_names_a_missing_or_locked_key()
    {
        var store = new Pkcs12KeyStore(Options.Create(new SignatureOptions
        {
            Keys =
            {
                ["coquan"] = new Pkcs12KeyOptions { Path = Pki.Pkcs12(Pki.Agency, "dung"), Password = "dung" },
                ["khoa-sai"] = new Pkcs12KeyOptions { Path = Pki.Pkcs12(Pki.Deputy, "dung"), Password = "sai" },
            },
        }));

        var key = store.Get("coquan");
        var missing = Assert.ThrowsExactly<SigningKeyNotFoundException>(() => store.Get("khong-co"));
        var locked = Assert.ThrowsExactly<SigningKeyNotFoundException>(() => store.Get("khoa-sai"));

        Assert.AreEqual(Pki.Agency.Certificate, key.Chain[0]);
        Assert.HasCount(3, key.Chain, "the agency certificate, the intermediate and the root");
        Assert.AreEqual("khong-co", missing.KeyId);
        Assert.AreEqual("khoa-sai", locked.KeyId);
        var signature = await key.SignAsync("dữ liệu"u8.ToArray(), TestContext.CancellationToken);
        Assert.IsNotEmpty(signature);
    }

    [TestMethod]
    public void A_file_that_cannot_be_signed_is_refused_before_anything_is_written()
    {
        var signer = new PdfSigner(Options.Create(Pki.Options()), new FakeTimeProvider(TestPki.SigningTime));

        var notPdf = Assert.ThrowsExactly<SignatureInputException>(() =>
            signer.Prepare("Kính gửi"u8.ToArray(), Pki.Director.Chain, SignatureAppearance.For(SignatureRole.Personal, "A")));
        var noSuchPage = Assert.ThrowsExactly<SignatureInputException>(() =>
            signer.Prepare(TestDocuments.OfficialLetter(), Pki.Director.Chain, SignatureAppearance.For(SignatureRole.Personal, "A") with { Page = 9 }));

        Assert.AreEqual("not-pdf", notPdf.Code);
        Assert.AreEqual("page-out-of-range", noSuchPage.Code);
        StringAssert.Contains(noSuchPage.Vietnamese, "trang 9");
    }
}
