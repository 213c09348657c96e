namespace DocBpm.Engine.Persistence;

/// <summary>
/// A deployed version of something analysts edit as a file (a BPMN process, a DMN decision): key + version, the file as
/// the designer saved it, identified by the hash of its content.
/// </summary>
public abstract class DeployedFile
{
    public Guid Id { get; set; }
    public required string Key { get; set; }
    public int Version { get; set; }
    public required string ContentHash { get; set; }
    public string? Name { get; set; }
    public required string Xml { get; set; }
    public DateTimeOffset DeployedAt { get; set; }
    public string? DeployedBy { get; set; }
}
