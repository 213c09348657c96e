using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace DocBpm.Web.Tests;

/// <summary>What a signed-in person does with the inbox API, as test steps.</summary>
public static class TaskClient
{
    public static async Task<JsonNode> MyTaskAsync(this HttpClient client, string elementId) =>
        (await client.GetFromJsonAsync<JsonArray>("/api/tasks/mine"))!.Single(t => (string?)t!["elementId"] == elementId)!;

    public static async Task CompleteMyTaskAsync(this HttpClient client, string elementId, object? variables = null)
    {
        var task = await client.MyTaskAsync(elementId);
        (await client.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete", new { variables })).EnsureSuccessStatusCode();
    }
}
