using DocBpm.Engine.Model;
using DocBpm.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DocBpm.Engine.Runtime;

public sealed partial class WorkflowRuntime
{
    /// <summary>
    /// Moves a running instance to a newer version of its process (the latest when no version is given). Tokens,
    /// scopes, variables and bookmarks stay as they are, so every element the instance is at must exist in the new
    /// version with the same kind in the same subprocess; otherwise the move is refused, naming those elements, and
    /// nothing changes.
    /// </summary>
    public async Task<InstanceRecord> MigrateAsync(Guid instanceId, int? targetVersion, string? actor,
        CancellationToken cancellationToken)
    {
        var instance = await db.Instances.FirstOrDefaultAsync(i => i.Id == instanceId, cancellationToken)
            ?? throw new InstanceNotFoundException(instanceId);
        if (instance.Status != InstanceStatus.Running)
            throw new InstanceNotRunningException(instanceId, instance.Status);
        var target = targetVersion is { } version
            ? await db.Definitions.AsNoTracking()
                  .FirstOrDefaultAsync(d => d.Key == instance.DefinitionKey && d.Version == version, cancellationToken)
              ?? throw new DefinitionNotFoundException($"{instance.DefinitionKey} v{version}")
            : await definitions.GetLatestAsync(db, instance.DefinitionKey, cancellationToken);
        if (target.Version <= instance.DefinitionVersion)
            throw new MigrationTargetNotNewerException(instanceId, instance.DefinitionVersion, target.Version);

        var current = await definitions.GetModelAsync(db, instance.DefinitionId, cancellationToken);
        var next = await definitions.GetModelAsync(db, target.Id, cancellationToken);
        var missing = InstanceMigration.MissingElements(InstanceState.Deserialize(instance.State), current, next);
        if (missing.Count > 0)
            throw new InstanceMigrationException(instanceId, target.Version, missing);

        var from = instance.DefinitionVersion;
        instance.DefinitionId = target.Id;
        instance.DefinitionVersion = target.Version;
        db.Step(instance, [new JournalEntry(time.GetUtcNow(), next.Id, "process", "migrated", actor, null, $"v{from} -> v{target.Version}")]);
        await SaveAsync(instance.Id, cancellationToken);
        LogMigrated(instance.Id, instance.DefinitionKey, from, target.Version);
        return instance;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Instance {InstanceId} of {DefinitionKey} moved from version {From} to {To}")]
    private partial void LogMigrated(Guid instanceId, string definitionKey, int from, int to);
}

/// <summary>Which parts of an instance's state a newer version must still have for the instance to move there.</summary>
public static class InstanceMigration
{
    /// <summary>
    /// The ids of the elements the instance is at (tokens, subprocess and multi-instance scopes, bookmarks, gateways
    /// with arrivals waiting to join and the flows they came by) that the target lacks, has as another kind of element,
    /// or has in another subprocess (the instance's scopes would no longer match), in the order the state lists them.
    /// </summary>
    public static IReadOnlyList<string> MissingElements(InstanceState state, ProcessModel current, ProcessModel target)
    {
        // A join arrival is stored as "gateway|flow" (ProcessRun.ArrivalKey); XML ids cannot contain '|'.
        var arrivals = state.Scopes.SelectMany(s => s.JoinArrivals.Keys).Select(k => k.Split('|', 2)).ToList();
        var nodes = state.Tokens.Select(t => t.ElementId)
            .Concat(state.Scopes.Select(s => s.ElementId).OfType<string>())
            .Concat(state.Bookmarks.Select(b => b.ElementId))
            .Concat(arrivals.Select(a => a[0]));
        var missing = nodes.Where(id => !target.NodesById.TryGetValue(id, out var node)
                || (current.NodesById.TryGetValue(id, out var old) && (old.Kind != node.Kind || old.Parent?.Id != node.Parent?.Id)))
            .Concat(arrivals.Where(a => a.Length == 2 && !target.FlowsById.ContainsKey(a[1])).Select(a => a[1]));
        return [.. missing.Distinct(StringComparer.Ordinal)];
    }
}

/// <summary>The instance is at elements the target version does not have; it stays on its version.</summary>
public sealed class InstanceMigrationException(Guid instanceId, int targetVersion, IReadOnlyList<string> missingElements)
    : RefusedException(RefusalKind.Conflict, "Không chuyển được sang phiên bản mới",
        $"Phiên bản {targetVersion} không có các bước mà hồ sơ đang dừng ở: {string.Join(", ", missingElements)}. Hồ sơ vẫn chạy theo phiên bản cũ.",
        $"Instance {instanceId} cannot move to version {targetVersion}: it is at {string.Join(", ", missingElements)}, "
        + "which that version lacks or has as another kind of element.")
{
    public override IReadOnlyDictionary<string, object?> Facts => new Dictionary<string, object?> { ["missingElements"] = MissingElements };

    public Guid InstanceId { get; } = instanceId;
    public int TargetVersion { get; } = targetVersion;
    public IReadOnlyList<string> MissingElements { get; } = missingElements;
}

public sealed class MigrationTargetNotNewerException(Guid instanceId, int currentVersion, int targetVersion)
    : RefusedException(RefusalKind.Conflict, "Không chuyển được sang phiên bản mới",
        $"Hồ sơ đang chạy theo phiên bản {currentVersion}; chỉ chuyển được sang phiên bản mới hơn, không phải {targetVersion}.",
        $"Instance {instanceId} is on version {currentVersion}; version {targetVersion} is not newer.")
{
    public int CurrentVersion { get; } = currentVersion;
    public int TargetVersion { get; } = targetVersion;
}
