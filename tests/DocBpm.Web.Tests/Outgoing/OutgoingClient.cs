using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Documents.Pdf;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace DocBpm.Web.Tests.Outgoing;

/// <summary>What people do with the outgoing documents API, as test steps that fail loudly with the server's problem details.</summary>
public static class OutgoingClient
{
    public static async Task<Guid> CreateOutgoingAsync(this HttpClient client, object draft)
    {
        var created = await Ok(await client.PostAsJsonAsync("/api/outgoing", draft));
        return (Guid)created!["id"]!;
    }

    public static async Task<JsonNode> UploadAsync(this HttpClient client, Guid id, string fileName, byte[] content, string kind = "Main")
    {
        using var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return (await Ok(await client.PostAsync($"/api/outgoing/{id}/versions?kind={kind}&fileName={Uri.EscapeDataString(fileName)}", body)))!;
    }

    public static async Task StepAsync(this HttpClient client, Guid id, string step, object? body = null) =>
        await Ok(await client.PostAsJsonAsync($"/api/outgoing/{id}/{step}", body ?? new { }));

    public static async Task<JsonNode> PageAsync(this HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<JsonNode>($"/api/outgoing/{id}"))!;

    public static async Task<JsonNode?> Ok(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.IsTrue(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    /// <summary>A refusal: its status and a Vietnamese detail that explains it.</summary>
    public static async Task AssertProblemAsync(HttpResponseMessage response, System.Net.HttpStatusCode status, string inDetail)
    {
        var problem = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        Assert.AreEqual(status, response.StatusCode, problem.ToJsonString());
        StringAssert.Contains((string?)problem["detail"], inDetail);
    }

    /// <summary>A one-page letter as drafters upload it; each version differs in its text.</summary>
    public static byte[] Pdf(string text)
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddTrueTypeFont(new PdfFonts().GetFont("DejaVuSans")!);
        var page = builder.AddPage(PageSize.A4);
        page.AddText("SỞ GIÁO DỤC VÀ ĐÀO TẠO LẠNG SƠN", 11, new PdfPoint(60, 760), font);
        page.AddText(text, 11, new PdfPoint(60, 700), font);
        page.AddText("KT. GIÁM ĐỐC", 11, new PdfPoint(380, 220), font);
        return builder.Build();
    }
}
