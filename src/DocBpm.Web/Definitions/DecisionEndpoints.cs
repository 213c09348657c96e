using DocBpm.Engine.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Definitions;

public sealed record DecisionSummary(Guid Id, string Key, int Version, string? Name, DateTimeOffset DeployedAt, string? DeployedBy);

/// <summary>
/// The deployed DMN decisions (deployed through <c>POST /api/definitions</c> like processes): the list, and each
/// version's file for the editor.
/// </summary>
public static class DecisionEndpoints
{
    public static RouteGroupBuilder MapDecisions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/decisions").WithTags("Quy trình");
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:guid}/xml", GetXmlAsync);
        return group;
    }

    private static async Task<Ok<List<DecisionSummary>>> ListAsync(EngineDb db, string? key, CancellationToken cancellationToken)
    {
        var decisions = db.Decisions.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(key))
            decisions = decisions.Where(d => d.Key == key);
        return TypedResults.Ok(await decisions.OrderBy(d => d.Key).ThenByDescending(d => d.Version)
            .Select(d => new DecisionSummary(d.Id, d.Key, d.Version, d.Name, d.DeployedAt, d.DeployedBy))
            .ToListAsync(cancellationToken));
    }

    private static async Task<Results<ContentHttpResult, NotFound>> GetXmlAsync(Guid id, EngineDb db, CancellationToken cancellationToken)
    {
        var xml = await db.Decisions.AsNoTracking().Where(d => d.Id == id).Select(d => d.Xml).FirstOrDefaultAsync(cancellationToken);
        return xml is null ? TypedResults.NotFound() : TypedResults.Text(xml, "application/xml", System.Text.Encoding.UTF8);
    }
}
