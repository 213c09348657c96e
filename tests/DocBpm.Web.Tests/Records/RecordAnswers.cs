using System.Net;
using System.Text.Json.Nodes;

namespace DocBpm.Web.Tests.Records;

/// <summary>How the records API answers: a success with its JSON, or a refusal naming its rule.</summary>
public static class RecordAnswers
{
    public static async Task<JsonNode> OkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.IsTrue(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    public static async Task RefusedAsync(HttpResponseMessage response, HttpStatusCode status, string rule)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(status, response.StatusCode, body);
        Assert.AreEqual(rule, (string?)JsonNode.Parse(body)!["rule"], body);
    }
}
