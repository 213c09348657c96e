using DocBpm.Engine.Activities;
using DocBpm.Engine.Decisions;
using DocBpm.Engine.Model;

namespace DocBpm.Engine.Runtime;

internal sealed partial class ProcessRun
{
    /// <summary>
    /// A business-rule task evaluates its decision inside the step and completes. A decision missing at run time (a
    /// pinned version never deployed) or a result the table cannot give (two rules of a UNIQUE table) stops the token
    /// with an incident: the data or the table must change, and a retry evaluates the latest deployed table again.
    /// </summary>
    private async ValueTask RunDecision(TokenState token, TaskNode task, DecisionReference reference)
    {
        var source = (IDecisionSource?)execution.Services.GetService(typeof(IDecisionSource));
        var decision = source is null ? null : await source.FindAsync(reference.DecisionId, reference.Version, CancellationToken.None);
        if (decision is null)
        {
            RaiseIncident(token, task, $"decision '{reference.DecisionId}'{(reference.Version is { } v ? $" version {v}" : "")} is not deployed");
            return;
        }

        System.Text.Json.Nodes.JsonNode? value;
        try
        {
            value = reference.Mapping.Apply(decision.Id, DecisionEvaluator.Evaluate(decision, VisibleVariables(token.ScopeId)));
        }
        catch (DecisionException ex)
        {
            RaiseIncident(token, task, ex.Message);
            return;
        }

        if (reference.ResultVariable is { } variable)
            SetVariable(token.ScopeId, variable, value);
        await CompleteActivity(token, task, Outcome.Done);
    }
}
