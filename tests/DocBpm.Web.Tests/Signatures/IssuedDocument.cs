using System.Text.Json.Nodes;
using DocBpm.Documents.Tests.Signatures;
using DocBpm.Web.Tests.Outgoing;

namespace DocBpm.Web.Tests.Signatures;

/// <summary>Article 4 on an issued outgoing document: the file the clerk issued, checked by DocBpm's verifier and by poppler's pdfsig.</summary>
public static class IssuedDocument
{
    /// <summary>A new outgoing letter to the TCCB unit, drafted by <paramref name="drafter"/>; its id.</summary>
    public static Task<Guid> NewLetterAsync(HttpClient drafter) =>
        drafter.CreateOutgoingAsync(new
        {
            typeCode = "CV",
            subject = "Về việc triển khai chuyển đổi số trong trường học",
            urgency = "Normal",
            copies = 1,
            recipients = new object[] { new { kind = "Unit", code = "TCCB" } },
        });

    /// <summary>Asserts the document is issued, legally valid and both its signatures valid for pdfsig; returns the verifier's report.</summary>
    public static async Task<JsonNode> AssertLegallyValidAsync(OutgoingPeople people, Guid id)
    {
        var page = await people.Drafter.PageAsync(id);
        Assert.AreEqual("Issued", (string?)page["stage"], page.ToJsonString());
        var pdf = await people.Clerk.GetByteArrayAsync($"/api/outgoing/{id}/files/{(Guid)page["issuedFileId"]!}");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(pdf), "file", "van-ban.pdf" } };
        var report = (await OutgoingClient.Ok(await people.Clerk.PostAsync("/api/signatures/verify", form)))!;
        Assert.AreEqual("LegallyValid", (string?)report["legalStatus"], report.ToJsonString());
        var pdfsig = await Pdfsig.RunAsync(pdf, CancellationToken.None);
        Assert.AreEqual(2, pdfsig.Split("Signature is Valid.").Length - 1, pdfsig);
        return report;
    }
}
