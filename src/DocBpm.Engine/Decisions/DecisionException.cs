namespace DocBpm.Engine.Decisions;

/// <summary>
/// A decision could not give a result for these inputs (two rules of a UNIQUE table matched, a result that does not fit
/// the task's mapping…). It is the table's or the data's problem, not the request's: the business-rule task stops
/// with an incident carrying <see cref="Exception.Message"/>.
/// </summary>
public sealed class DecisionException(string decisionId, string message) : Exception($"decision '{decisionId}': {message}")
{
    public string DecisionId { get; } = decisionId;
}
