namespace DocBpm.Engine.Persistence;

/// <summary>
/// A deployed version of a DMN decision: decision id + version. The row keeps the whole DMN file it came from (as the
/// designer saved it), so the table opens again in the editor; a file of several decisions gives each its own row.
/// </summary>
public sealed class DecisionRecord
{
    public Guid Id { get; set; }

    /// <summary>The decision's id in the DMN file: what <c>camunda:decisionRef</c> names.</summary>
    public required string Key { get; set; }

    public int Version { get; set; }

    /// <summary>The hash of the file: a file deployed again unchanged adds no version.</summary>
    public required string ContentHash { get; set; }

    public string? Name { get; set; }
    public required string Xml { get; set; }
    public DateTimeOffset DeployedAt { get; set; }
    public string? DeployedBy { get; set; }
}
