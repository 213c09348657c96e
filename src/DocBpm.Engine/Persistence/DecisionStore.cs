using System.Collections.Concurrent;
using DocBpm.Engine.Decisions;
using DocBpm.Engine.Model;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Engine.Persistence;

/// <summary>The outcome of deploying one decision of a DMN file: the version now current, and whether it is new.</summary>
public sealed record DecisionDeployment(DecisionRecord Decision, bool IsNew);

/// <summary>
/// Deploys and loads DMN decisions, versioned by decision id like processes by key. Parsed decisions are immutable and
/// cached by row id for the life of the host: a decision row never changes once written.
/// </summary>
public sealed class DecisionStore(TimeProvider time)
{
    private readonly ConcurrentDictionary<Guid, Decision> decisions = new();

    /// <summary>
    /// Deploys every decision of a DMN file, each as a new version of its id unless its latest version came from the
    /// same file. Throws <see cref="BpmnValidationException"/> listing every problem when the file is not valid.
    /// </summary>
    public async Task<IReadOnlyList<DecisionDeployment>> DeployAsync(EngineDb db, string xml, string? deployedBy,
        CancellationToken cancellationToken)
    {
        var parsed = DmnReader.ParseValid(xml);
        var hash = DefinitionStore.Hash(xml);
        var deployments = new List<DecisionDeployment>();
        foreach (var decision in parsed)
        {
            var latest = await LatestAsync(db, decision.Id, cancellationToken);
            if (latest is not null && latest.ContentHash == hash)
            {
                deployments.Add(new DecisionDeployment(latest, false));
                continue;
            }

            var record = new DecisionRecord
            {
                Id = Guid.CreateVersion7(),
                Key = decision.Id,
                Version = (latest?.Version ?? 0) + 1,
                ContentHash = hash,
                Name = decision.Name,
                Xml = xml,
                DeployedAt = time.GetUtcNow(),
                DeployedBy = deployedBy,
            };
            db.Decisions.Add(record);
            deployments.Add(new DecisionDeployment(record, true));
        }

        // One SaveChanges for the file: its decisions are deployed together or not at all.
        try
        {
            await db.Context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Several hosts starting together deploy the same file; one stores it, the others take its versions.
            db.Context.ChangeTracker.Clear();
            var winners = new List<DecisionDeployment>();
            foreach (var decision in parsed)
            {
                if (await LatestAsync(db, decision.Id, cancellationToken) is not { } latest || latest.ContentHash != hash)
                    throw;
                winners.Add(new DecisionDeployment(latest, false));
            }

            return winners;
        }

        foreach (var (deployment, decision) in deployments.Zip(parsed))
            decisions.TryAdd(deployment.Decision.Id, decision);
        return deployments;
    }

    /// <summary>The latest version of a decision id, or the pinned version; null when it is not deployed.</summary>
    public async ValueTask<Decision?> FindAsync(EngineDb db, string decisionId, int? version, CancellationToken cancellationToken)
    {
        var query = db.Decisions.AsNoTracking().Where(d => d.Key == decisionId);
        var row = await (version is { } v ? query.Where(d => d.Version == v) : query.OrderByDescending(d => d.Version))
            .Select(d => new { d.Id, d.Key })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
            return null;
        if (decisions.TryGetValue(row.Id, out var cached))
            return cached;
        var xml = await db.Decisions.AsNoTracking().Where(d => d.Id == row.Id).Select(d => d.Xml).SingleAsync(cancellationToken);
        return decisions.GetOrAdd(row.Id, _ => DmnReader.ParseValid(xml).Single(d => d.Id == row.Key));
    }

    /// <summary>Whether a decision id (in the pinned version, if any) is deployed: the deploy check of business-rule tasks.</summary>
    public static Task<bool> ExistsAsync(EngineDb db, DecisionReference reference, CancellationToken cancellationToken) =>
        db.Decisions.AnyAsync(d => d.Key == reference.DecisionId && (reference.Version == null || d.Version == reference.Version),
            cancellationToken);

    private static Task<DecisionRecord?> LatestAsync(EngineDb db, string decisionId, CancellationToken cancellationToken) =>
        db.Decisions.AsNoTracking().Where(d => d.Key == decisionId).OrderByDescending(d => d.Version).FirstOrDefaultAsync(cancellationToken);
}

/// <summary>The deployed decisions as the interpreter reads them, through the run's own unit of work.</summary>
public sealed class DeployedDecisions(EngineDb db, DecisionStore store) : IDecisionSource
{
    public ValueTask<Decision?> FindAsync(string decisionId, int? version, CancellationToken cancellationToken) =>
        store.FindAsync(db, decisionId, version, cancellationToken);
}
