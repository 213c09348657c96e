using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Documents.Signatures;
using DocBpm.Documents.Tests.Signatures;
using DocBpm.Engine.Persistence;
using DocBpm.Web.Tests.Incoming;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DocBpm.Web.Tests.Signatures;

/// <summary>
/// Article 4 and ETSI EN 319 102-1: the clerk sees what each signature signed, the bytes it covers, beside what the file
/// shows now; only those who may read the document get it.
/// </summary>
[TestClass]
public sealed class SignedRevisionApiTests
{
    private static readonly TestPki Pki = TestPki.Instance;

    /// <summary>The letter as the director signed it, and the same after the agency signed it in a later revision.</summary>
    internal static async Task<(byte[] Personal, byte[] Issued)> SignedLetterAsync()
    {
        var signer = new PdfSigner(Options.Create(Pki.Options()), new FakeTimeProvider(TestPki.SigningTime));
        var personal = await signer.SignAsync(TestDocuments.OfficialLetter(), Pki.Director.SigningKey,
            SignatureAppearance.For(SignatureRole.Personal, "Hoàng Văn Minh"), CancellationToken.None);
        var issued = await signer.SignAsync(personal, Pki.Agency.SigningKey, SignatureAppearance.For(SignatureRole.Agency, "Sở Giáo dục và Đào tạo Lạng Sơn"),
            CancellationToken.None);
        return (personal, issued);
    }

    /// <summary>A digitised incoming document with the signed PDF as its file: its id and the file's route.</summary>
    internal static async Task<(Guid Id, string FileUrl)> UploadAsync(HttpClient clerk, byte[] pdf)
    {
        using var form = IncomingClient.PaperForm("Về việc thi học sinh giỏi", withFile: false);
        form.Add(new ByteArrayContent(pdf) { Headers = { ContentType = new("application/pdf") } }, "files", "123-SGDDT-VP.pdf");
        var uploaded = await clerk.PostAsync("/api/incoming", form);
        uploaded.EnsureSuccessStatusCode();
        var id = (Guid)(await uploaded.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        return (id, $"/api/incoming/{id}/files/{(string)(await clerk.DetailAsync(id))["files"]![0]!["id"]!}");
    }

    [TestMethod]
    public async Task Article4_the_signed_revision_is_the_prefix_the_signature_covers_verifies_unchanged_and_is_shown_beside_the_file()
    {
        var (personal, issued) = await SignedLetterAsync();
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var clerk = await host.LoginAsync("vanthu");
        var (id, fileUrl) = await UploadAsync(clerk, issued);

        using var first = await clerk.GetAsync($"{fileUrl}/signatures/1/signed-revision");
        var served = await first.Content.ReadAsByteArrayAsync();

        Assert.AreEqual(HttpStatusCode.OK, first.StatusCode);
        Assert.AreEqual("application/pdf", first.Content.Headers.ContentType?.MediaType);
        Assert.IsNull(first.Content.Headers.ContentDisposition, "shown inline in the page's frame, not downloaded");
        CollectionAssert.AreEqual(personal, served, "the bytes the director's signature covers, as signed");
        var report = TestPki.Verifier(Pki.Options()).Verify(served, []);
        var signature = report.Signatures.Single();
        Assert.AreEqual(Indications.TotalPassed, signature.Indication, report.Summary);
        Assert.IsTrue(signature.CoversWholeDocument);
        Assert.DoesNotContain(SignatureReasons.UnsignedUpdate, report.Reasons);
        CollectionAssert.AreEqual(issued, await clerk.GetByteArrayAsync($"{fileUrl}/signatures/2/signed-revision"), "the agency signature covers it all");
        Assert.AreEqual(HttpStatusCode.NotFound, (await clerk.GetAsync($"{fileUrl}/signatures/3/signed-revision")).StatusCode);

        var page = await clerk.GetStringAsync($"/incoming/{id}");
        StringAssert.Contains(page, $"href=\"{fileUrl}/signatures/1/signed-revision\"");
        StringAssert.Contains(page, "Xem bản đã ký");
        StringAssert.Contains(page, "So sánh bản đã ký với bản hiện tại");
    }

    [TestMethod]
    public async Task Article4_the_signed_revision_is_refused_as_missing_to_those_who_may_not_read_the_document()
    {
        var (_, issued) = await SignedLetterAsync();
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var clerk = await host.LoginAsync("vanthu");
        var (id, fileUrl) = await UploadAsync(clerk, issued);
        var url = $"{fileUrl}/signatures/1/signed-revision";

        foreach (var outsider in new[] { "truongphong.tccb", "chuyenvien", "quantri" })
            Assert.AreEqual(HttpStatusCode.NotFound, (await (await host.LoginAsync(outsider)).GetAsync(url)).StatusCode, outsider);
        var anonymous = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.AreEqual(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url)).StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, (await clerk.GetAsync($"/api/incoming/{id}/files/{Guid.NewGuid()}/signatures/1/signed-revision")).StatusCode,
            "a file that is not the document's");
    }
}
