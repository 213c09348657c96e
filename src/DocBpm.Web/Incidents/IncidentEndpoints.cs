using System.Security.Claims;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Web.Accounts;
using DocBpm.Web.Instances;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Incidents;

public static class IncidentEndpoints
{
    public static RouteGroupBuilder MapIncidents(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/incidents").WithTags("Sự cố").RequireAuthorization(Policies.Administrator);
        group.MapGet("/", ListAsync);
        group.MapPost("/{id:guid}/retry", RetryAsync);
        return group;
    }

    private static async Task<Ok<List<IncidentView>>> ListAsync(EngineDb db, bool? open, Guid? instanceId,
        CancellationToken cancellationToken)
    {
        var query = db.Incidents.AsNoTracking();
        if (open ?? true)
            query = query.Where(i => i.ResolvedAt == null);
        if (instanceId is { } id)
            query = query.Where(i => i.InstanceId == id);
        var rows = await query.OrderByDescending(i => i.CreatedAt).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(InstanceViews.Incident).ToList());
    }

    private static async Task<NoContent> RetryAsync(Guid id, ClaimsPrincipal user, WorkflowRuntime runtime,
        CancellationToken cancellationToken)
    {
        await runtime.RetryIncidentAsync(id, user.Identity?.Name, cancellationToken);
        return TypedResults.NoContent();
    }
}
