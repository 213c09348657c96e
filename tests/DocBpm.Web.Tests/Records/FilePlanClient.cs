using System.Net;
using System.Net.Http.Json;

namespace DocBpm.Web.Tests.Records;

/// <summary>The file plan's approval through its process (workflows/file-plan.bpmn), as the office and the Director do it.</summary>
public static class FilePlanClient
{
    public static async Task SubmitPlanAsync(this HttpClient office, Guid plan) =>
        await NoContentAsync(await office.PostAsync($"/api/records/plans/{plan}/submit", null));

    /// <summary>The office submits the plan, the Director approves it at his step.</summary>
    public static async Task ApprovePlanAsync(this HttpClient office, HttpClient director, Guid plan, string? decision = null)
    {
        await office.SubmitPlanAsync(plan);
        await NoContentAsync(await director.PostAsJsonAsync($"/api/records/plans/{plan}/approve", new { decision }));
    }

    private static async Task NoContentAsync(HttpResponseMessage response) =>
        Assert.AreEqual(HttpStatusCode.NoContent, response.StatusCode,
            $"{response.RequestMessage?.RequestUri}: {await response.Content.ReadAsStringAsync()}");
}
