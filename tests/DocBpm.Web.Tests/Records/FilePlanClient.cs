using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace DocBpm.Web.Tests.Records;

/// <summary>The file plan's approval through its process (workflows/file-plan.bpmn), as the office and the Director do it.</summary>
public static class FilePlanClient
{
    public static async Task SubmitPlanAsync(this HttpClient office, Guid plan) =>
        await NoContentAsync(await office.PostAsync(await office.PlanChangeAsync(plan, "/submit"), null));

    /// <summary>The office submits the plan, the Director approves it at his step.</summary>
    public static async Task ApprovePlanAsync(this HttpClient office, HttpClient director, Guid plan, string? decision = null)
    {
        await office.SubmitPlanAsync(plan);
        await NoContentAsync(await director.PostAsJsonAsync(await director.PlanChangeAsync(plan, "/approve"), new { decision }));
    }

    /// <summary>
    /// The address of a change of the plan at the revision the client reads now, as the plan page sends the revision it
    /// was rendered with: every change must name the plan it was made on.
    /// </summary>
    public static async Task<string> PlanChangeAsync(this HttpClient client, Guid plan, string path) =>
        $"/api/records/plans/{plan}{path}?revision={(await client.GetFromJsonAsync<JsonObject>($"/api/records/plans/{plan}"))!["revision"]}";

    private static async Task NoContentAsync(HttpResponseMessage response) =>
        Assert.AreEqual(HttpStatusCode.NoContent, response.StatusCode,
            $"{response.RequestMessage?.RequestUri}: {await response.Content.ReadAsStringAsync()}");
}
