using DocBpm.Engine.Persistence;
using DocBpm.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Definitions;

/// <summary>
/// What deploying a BPMN file would do, for the designer's confirmation: the process key, the version it would create
/// (null when the file equals the latest version, which a deploy then keeps) and how many instances run on the current
/// version (they stay on it). Invalid files answer with their errors, as validation does.
/// </summary>
public sealed record DeployPreview(
    bool Valid, IReadOnlyList<ElementError> Errors, string? Key, string? Name, int? CurrentVersion, int? NextVersion,
    int RunningOnCurrent, int RunningOnOlder);

public static class DeployPreviewEndpoint
{
    public static RouteHandlerBuilder MapDeployPreview(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/definitions/deploy-preview", PreviewAsync).RequireAuthorization(Policies.Analyst).WithTags("Quy trình");

    private static async Task<Results<Ok<DeployPreview>, ProblemHttpResult>> PreviewAsync(
        HttpRequest request, EngineDb db, DefinitionStore definitions, CancellationToken cancellationToken)
    {
        var xml = await BpmnBody.ReadAsync(request, DefinitionEndpoints.MaxXmlBytes, cancellationToken);
        if (xml is null)
            return BpmnBody.TooLargeOrEmpty();
        var parsed = await definitions.ValidateAsync(db, xml, cancellationToken);
        var errors = parsed.Errors.Select(e => new ElementError(e.ElementId, e.Line, e.MessageVi)).ToList();
        if (errors.Count > 0)
            return TypedResults.Ok(new DeployPreview(false, errors, null, null, null, null, 0, 0));

        // The parser refuses a file without exactly one executable process, so a valid file has one.
        var model = parsed.Processes.Single();
        var latest = await db.Definitions.AsNoTracking().Where(d => d.Key == model.Id).OrderByDescending(d => d.Version)
            .Select(d => new { d.Version, d.ContentHash }).FirstOrDefaultAsync(cancellationToken);
        var running = await db.Instances.AsNoTracking()
            .Where(i => i.DefinitionKey == model.Id && i.Status == InstanceStatus.Running)
            .GroupBy(i => i.DefinitionVersion).Select(g => new { Version = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var current = latest?.Version;
        int? next = latest is null ? 1 : latest.ContentHash == DefinitionStore.Hash(xml) ? null : latest.Version + 1;
        return TypedResults.Ok(new DeployPreview(true, [], model.Id, model.Name, current, next,
            running.Where(r => r.Version == current).Sum(r => r.Count), running.Where(r => r.Version != current).Sum(r => r.Count)));
    }
}
