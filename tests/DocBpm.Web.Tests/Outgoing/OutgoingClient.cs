using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

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

    /// <summary>A small PDF as drafters upload it; each version differs in its text.</summary>
    public static byte[] Pdf(string text) => System.Text.Encoding.UTF8.GetBytes($"%PDF-1.7\n% {text}\n%%EOF\n");
}
