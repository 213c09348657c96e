namespace DocBpm.Engine.Persistence;

/// <summary>
/// A deployed version of a DMN decision: its <see cref="DeployedFile.Key"/> is the decision's id (what
/// <c>camunda:decisionRef</c> names). The row keeps the whole DMN file, so the table opens again in the editor; a file
/// of several decisions gives each its own row, and its hash is the file's, so a file deployed again unchanged adds no
/// version.
/// </summary>
public sealed class DecisionRecord : DeployedFile;
