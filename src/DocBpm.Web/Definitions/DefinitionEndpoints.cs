using System.Security.Claims;
using DocBpm.Engine.Activities;
using DocBpm.Engine.Decisions;
using DocBpm.Engine.Model;
using DocBpm.Engine.Persistence;
using DocBpm.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Definitions;

public sealed record DefinitionSummary(
    Guid Id, string Key, int Version, string? Name, string ContentHash, DateTimeOffset DeployedAt, string? DeployedBy,
    int Running, int Completed, int Failed);

public sealed record DeployResult(Guid Id, string Key, int Version, bool IsNew);

/// <summary>A DMN file's deploy: one entry per decision it holds.</summary>
public sealed record DecisionDeployResult(IReadOnlyList<DeployResult> Decisions);

public sealed record ValidationResult(bool Valid, IReadOnlyList<ElementError> Errors);

public sealed record ElementError(string? ElementId, int Line, string Message);

/// <summary>One element of a deployed process, as the monitor and designer list it.</summary>
public sealed record ElementView(string Id, string Kind, string? Name, string? ParentId, string? ActivityType, IReadOnlyList<string> Outgoing);

public static class DefinitionEndpoints
{
    /// <summary>The largest BPMN file accepted; shipped processes are a few hundred kilobytes at most.</summary>
    public const int MaxXmlBytes = 4 * 1024 * 1024;

    public static IServiceCollection AddDocBpmDefinitions(this IServiceCollection services, IConfiguration configuration,
        IWebHostEnvironment environment)
    {
        var path = configuration["Workflows:Path"] ?? Path.Combine(AppContext.BaseDirectory, "workflows");
        services.AddSingleton(new WorkflowFolder(Path.GetFullPath(path, environment.ContentRootPath)));
        services.AddScoped<WorkflowDeployer>();
        services.AddSingleton<DocumentFlows>();
        return services;
    }

    public static RouteGroupBuilder MapDefinitions(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/activity-types", (ActivityRegistry registry) => TypedResults.Ok(registry.Descriptors))
            .WithTags("Quy trình");

        var group = app.MapGroup("/api/definitions").WithTags("Quy trình");
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:guid}", GetAsync);
        group.MapGet("/{id:guid}/xml", GetXmlAsync);
        group.MapGet("/{id:guid}/elements", GetElementsAsync);
        group.MapPost("/validate", ValidateAsync).RequireAuthorization(Policies.Analyst);
        group.MapPost("/", DeployAsync).RequireAuthorization(Policies.Analyst);
        app.MapDeployPreview();
        app.MapDecisions();
        return group;
    }

    private static async Task<Ok<List<DefinitionSummary>>> ListAsync(EngineDb db, string? key, CancellationToken cancellationToken)
    {
        var definitions = db.Definitions.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(key))
            definitions = definitions.Where(d => d.Key == key);
        var rows = await definitions.OrderBy(d => d.Key).ThenByDescending(d => d.Version).ToListAsync(cancellationToken);
        return TypedResults.Ok(await SummariseAsync(db, rows, cancellationToken));
    }

    private static async Task<Results<Ok<DefinitionSummary>, NotFound>> GetAsync(Guid id, EngineDb db, CancellationToken cancellationToken)
    {
        var row = await db.Definitions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        return row is null ? TypedResults.NotFound() : TypedResults.Ok((await SummariseAsync(db, [row], cancellationToken))[0]);
    }

    /// <summary>Adds instance counts per state; an instance with an open incident counts as failed.</summary>
    private static async Task<List<DefinitionSummary>> SummariseAsync(EngineDb db, List<DefinitionRecord> rows,
        CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var counts = await db.Instances.AsNoTracking()
            .Where(i => ids.Contains(i.DefinitionId))
            .GroupBy(i => new { i.DefinitionId, i.Status, Failed = i.OpenIncidents > 0 })
            .Select(g => new { g.Key.DefinitionId, g.Key.Status, g.Key.Failed, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Count(Guid id, Func<InstanceStatus, bool, bool> match) =>
            counts.Where(c => c.DefinitionId == id && match(c.Status, c.Failed)).Sum(c => c.Count);
        return [.. rows.Select(d => new DefinitionSummary(d.Id, d.Key, d.Version, d.Name, d.ContentHash,
            d.DeployedAt, d.DeployedBy,
            Count(d.Id, (s, f) => s == InstanceStatus.Running && !f),
            Count(d.Id, (s, _) => s is InstanceStatus.Completed or InstanceStatus.Terminated),
            Count(d.Id, (s, f) => s == InstanceStatus.Running && f)))];
    }

    private static async Task<Results<ContentHttpResult, NotFound>> GetXmlAsync(Guid id, EngineDb db, CancellationToken cancellationToken)
    {
        var d = await db.Definitions.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.Key, x.Version, x.Xml })
            .FirstOrDefaultAsync(cancellationToken);
        return d is null ? TypedResults.NotFound() : TypedResults.Text(d.Xml, "application/xml", System.Text.Encoding.UTF8);
    }

    private static async Task<Results<Ok<List<ElementView>>, NotFound>> GetElementsAsync(Guid id, EngineDb db,
        DefinitionStore definitions, CancellationToken cancellationToken)
    {
        if (!await db.Definitions.AnyAsync(d => d.Id == id, cancellationToken))
            return TypedResults.NotFound();
        var model = await definitions.GetModelAsync(db, id, cancellationToken);
        return TypedResults.Ok(model.NodesById.Values.OrderBy(n => n.Location.Line).Select(n => new ElementView(n.Id, n.Kind, n.Name,
            n.Parent?.Id, (n as TaskNode)?.Binding?.Type, [.. n.Outgoing.Select(f => f.Id)])).ToList());
    }

    /// <summary>Validates a BPMN file, or a DMN file (told apart by its namespace), as its deploy would.</summary>
    private static async Task<Results<Ok<ValidationResult>, ProblemHttpResult>> ValidateAsync(
        HttpRequest request, EngineDb db, DefinitionStore definitions, CancellationToken cancellationToken)
    {
        var xml = await BpmnBody.ReadAsync(request, MaxXmlBytes, cancellationToken);
        if (xml is null)
            return BpmnBody.TooLargeOrEmpty();
        var errors = DmnReader.LooksLikeDmn(xml)
            ? DmnReader.Parse(xml).Errors
            : (await definitions.ValidateAsync(db, xml, cancellationToken)).Errors;
        return TypedResults.Ok(new ValidationResult(errors.Count == 0,
            [.. errors.Select(e => new ElementError(e.ElementId, e.Line, e.MessageVi))]));
    }

    /// <summary>
    /// Deploys a BPMN file as a new version of its process, or a DMN file (told apart by its namespace) as a new version
    /// of each of its decisions. Deploy the DMN file before a process whose business-rule tasks name its decisions.
    /// </summary>
    private static async Task<Results<Created<DeployResult>, Ok<DeployResult>, Created<DecisionDeployResult>, Ok<DecisionDeployResult>, ProblemHttpResult>> DeployAsync(
        HttpRequest request, ClaimsPrincipal user, EngineDb db, DefinitionStore definitions, DecisionStore decisions,
        CancellationToken cancellationToken)
    {
        var xml = await BpmnBody.ReadAsync(request, MaxXmlBytes, cancellationToken);
        if (xml is null)
            return BpmnBody.TooLargeOrEmpty();
        if (DmnReader.LooksLikeDmn(xml))
        {
            var deployed = await decisions.DeployAsync(db, xml, user.Identity?.Name, cancellationToken);
            var results = new DecisionDeployResult([.. deployed.Select(x => new DeployResult(x.Decision.Id, x.Decision.Key, x.Decision.Version, x.IsNew))]);
            return deployed.Any(x => x.IsNew) ? TypedResults.Created("/api/decisions", results) : TypedResults.Ok(results);
        }

        var deployment = await definitions.DeployAsync(db, xml, user.Identity?.Name, cancellationToken);
        var d = deployment.Definition;
        var result = new DeployResult(d.Id, d.Key, d.Version, deployment.IsNew);
        return deployment.IsNew ? TypedResults.Created($"/api/definitions/{d.Id}", result) : TypedResults.Ok(result);
    }
}
