namespace DocBpm.Engine.Decisions;

/// <summary>Where a business-rule task finds its decision: the deployed versions of a decision id.</summary>
public interface IDecisionSource
{
    /// <summary>The latest version of <paramref name="decisionId"/>, or the pinned <paramref name="version"/>; null when not deployed.</summary>
    ValueTask<Decision?> FindAsync(string decisionId, int? version, CancellationToken cancellationToken);
}
