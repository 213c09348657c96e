using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DocBpm.Documents.Signatures;
using DocBpm.Documents.Tests.Signatures;
using DocBpm.Engine.Persistence;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.X509;

namespace DocBpm.Web.Tests.Signatures;

/// <summary>The clerk's upload: ETSI codes in the report, and a 422 with a code (never a 500) for what cannot be checked.</summary>
[TestClass]
public sealed class SignatureRefusalTests
{
    private static readonly TestPki Pki = TestPki.Instance;

    private static async Task<byte[]> SignedLetterAsync(int contentsBytes = 24 * 1024) =>
        await new PdfSigner(Options.Create(new SignatureOptions { ContentsBytes = contentsBytes }), new FakeTimeProvider(TestPki.SigningTime))
            .SignAsync(TestDocuments.OfficialLetter(), Pki.Director.SigningKey, SignatureAppearance.For(SignatureRole.Personal, "Hoàng Văn Minh"),
                CancellationToken.None);

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", "cong-van.pdf" } };
        return await client.PostAsync("/api/signatures/verify", form);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string code)
    {
        Assert.AreEqual(HttpStatusCode.UnprocessableEntity, response.StatusCode, await response.Content.ReadAsStringAsync());
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.AreEqual(code, (string?)problem!["code"]);
        Assert.IsFalse(string.IsNullOrWhiteSpace((string?)problem["detail"]));
    }

    [TestMethod]
    public async Task The_report_gives_each_signature_its_ETSI_indication_and_sub_indication_codes()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        host.Settings["Signatures:TrustAnchors:0"] = Pki.RootFile;
        var clerk = await host.LoginAsync("vanthu");

        var report = await (await UploadAsync(clerk, await SignedLetterAsync())).Content.ReadFromJsonAsync<JsonObject>();

        var signature = report!["signatures"]![0]!;
        Assert.AreEqual(Indications.Indeterminate, (string?)signature["indication"], report.ToJsonString());
        Assert.AreEqual(SubIndications.TryLater, (string?)signature["subIndication"]);
        StringAssert.Contains((string?)signature["words"], "chưa có thông tin thu hồi");
    }

    [TestMethod]
    public async Task A_byte_range_whose_sum_overflows_answers_422_with_a_code()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var clerk = await host.LoginAsync("vanthu");
        var text = Encoding.Latin1.GetString(await SignedLetterAsync());
        var start = text.IndexOf("/ByteRange [", StringComparison.Ordinal) + 12;
        var end = text.IndexOf(']', start);
        var overflow = "0 1 9223372036854775000 9223372036854775000".PadRight(end - start);

        await AssertRefusedAsync(await UploadAsync(clerk, Encoding.Latin1.GetBytes(text[..start] + overflow + text[end..])), "byte-range-overflow");
    }

    [TestMethod]
    public async Task A_cms_crowded_with_certificates_named_like_the_sub_ca_answers_422_with_a_code()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var clerk = await host.LoginAsync("vanthu");
        var text = Encoding.Latin1.GetString(await SignedLetterAsync(contentsBytes: 96 * 1024));
        var start = text.IndexOf("/Contents <", StringComparison.Ordinal) + 11;
        var end = text.IndexOf('>', start);
        using var input = new Asn1InputStream(Convert.FromHexString(text[start..end]));
        var data = SignedData.GetInstance(ContentInfo.GetInstance(input.ReadObject()).Content);
        var lookAlike = X509CertificateStructure.GetInstance(Pki.Intermediate.Certificate.GetEncoded());
        var crowded = new SignedData(data.DigestAlgorithms, data.EncapContentInfo,
            new BerSet(data.Certificates.Cast<Asn1Encodable>().Concat(Enumerable.Repeat<Asn1Encodable>(lookAlike, 100)).ToArray()), null, data.SignerInfos);
        var hex = Convert.ToHexString(new ContentInfo(CmsObjectIdentifiers.SignedData, crowded).GetEncoded(Asn1Encodable.Der)).PadRight(end - start, '0');

        await AssertRefusedAsync(await UploadAsync(clerk, Encoding.Latin1.GetBytes(text[..start] + hex + text[end..])), "signature-too-complex");
    }
}
