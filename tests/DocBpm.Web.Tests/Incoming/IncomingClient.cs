using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace DocBpm.Web.Tests.Incoming;

/// <summary>What the clerk, the leaders and the handlers do with incoming documents over HTTP, as test steps.</summary>
public static class IncomingClient
{
    public static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF"u8.ToArray();

    public static MultipartFormDataContent PaperForm(string subject, string urgency = "Normal", bool withFile = true, string codeNumber = "15")
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("UBND huyện Cao Lộc"), "issuingAgency" },
            { new StringContent(codeNumber), "codeNumber" },
            { new StringContent("UBND-VP"), "codeNotation" },
            { new StringContent("2026-11-20"), "documentDate" },
            { new StringContent("Công văn"), "documentType" },
            { new StringContent(subject), "subject" },
            { new StringContent("Nguyễn Văn Huyện"), "signer" },
            { new StringContent(urgency), "urgency" },
            { new StringContent("2"), "pageCount" },
        };
        if (withFile)
            form.Add(new ByteArrayContent(Pdf) { Headers = { ContentType = new("application/pdf") } }, "files", "cong-van-15.pdf");
        return form;
    }

    /// <summary>Uploads a paper document and lets the signature check run, as the scheduler would, so it reaches the clerk.</summary>
    public static async Task<Guid> UploadAsync(this HttpClient clerk, DocBpmWebFactory host, string subject, string urgency = "Normal")
    {
        var response = await clerk.PostAsync("/api/incoming", PaperForm(subject, urgency));
        response.EnsureSuccessStatusCode();
        await host.RunDueWorkAsync();
        return (Guid)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    public static object Fields(string subject, string urgency = "Normal") => new
    {
        issuingAgency = "UBND huyện Cao Lộc", codeNumber = "15", codeNotation = "UBND-VP", documentDate = "2026-11-20",
        documentType = "Công văn", subject, signer = "Nguyễn Văn Huyện", urgency, pageCount = 2,
    };

    public static async Task<int> RegisterAsync(this HttpClient clerk, Guid id, string subject = "Về việc tuyển sinh lớp 10", string urgency = "Normal")
    {
        var response = await clerk.PostAsJsonAsync($"/api/incoming/{id}/register", Fields(subject, urgency));
        response.EnsureSuccessStatusCode();
        return (int)(await response.Content.ReadFromJsonAsync<JsonObject>())!["incomingNumber"]!;
    }

    public static async Task<HttpResponseMessage> AssignAsync(this HttpClient director, Guid id, string main, string[]? coordinating = null,
        string[]? information = null, string? deadline = "2026-12-04") =>
        await director.PostAsJsonAsync($"/api/incoming/{id}/assign", new
        {
            instruction = "Giao Phòng GDTrH chủ trì tham mưu, báo cáo trước thời hạn.", mainHandler = main,
            coordinating = coordinating ?? [], information = information ?? [], deadline,
        });

    public static async Task<JsonObject> DetailAsync(this HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/incoming/{id}"))!;

    public static async Task<JsonArray> InboxAsync(this HttpClient client) => (await client.GetFromJsonAsync<JsonArray>("/api/inbox"))!;
}
