using DocBpm.Engine.Decisions;

namespace DocBpm.Engine.Model;

/// <summary>
/// What a business-rule task evaluates (Camunda's attributes): the decision id, the latest version or a pinned one
/// (<c>camunda:decisionRefBinding="version"</c>), the variable receiving the result and how the result is shaped.
/// </summary>
public sealed record DecisionReference(string DecisionId, int? Version, string? ResultVariable, DecisionResultMapping Mapping);
