using System.Security.Claims;
using DocBpm.Engine.Runtime;
using DocBpm.Web.Accounts;
using DocBpm.Web.Instances;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocBpm.Web.Monitor;

/// <summary>The version to move to; the latest version of the instance's process when absent.</summary>
public sealed record MigrateRequest(int? TargetVersion);

public static class MigrationEndpoints
{
    /// <summary>
    /// Moves a running instance to a newer version of its process. Refusals (elements missing in the target, a target
    /// that is not newer, an instance that ended) come back as Vietnamese problem details and change nothing.
    /// </summary>
    public static RouteHandlerBuilder MapInstanceMigration(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/instances/{id:guid}/migrate", MigrateAsync)
            .RequireAuthorization(Policies.Administrator)
            .WithTags("Phiên bản quy trình");

    private static async Task<Ok<InstanceSummary>> MigrateAsync(Guid id, MigrateRequest? request, ClaimsPrincipal user,
        WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        var instance = await runtime.MigrateAsync(id, request?.TargetVersion, user.Identity?.Name, cancellationToken);
        return TypedResults.Ok(InstanceViews.Summary(instance));
    }
}
