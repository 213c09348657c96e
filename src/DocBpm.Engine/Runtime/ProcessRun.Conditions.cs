using DocBpm.Engine.Model;

namespace DocBpm.Engine.Runtime;

internal sealed partial class ProcessRun
{
    /// <summary>Set by every variable write; conditional events are asked again only after one.</summary>
    private bool variablesChanged;

    /// <summary>
    /// Once the agenda is worked off, the conditions of waiting conditional events (intermediate, boundary, event
    /// subprocess start) are evaluated if the run changed variables; each that holds fires as its bookmark resumed.
    /// Returns whether any fired, so that the run goes on with what they scheduled.
    /// </summary>
    private async ValueTask<bool> FireConditionsAsync(CancellationToken cancellationToken)
    {
        if (!variablesChanged)
            return false;
        variablesChanged = false;
        var fired = false;
        foreach (var bookmark in State.Bookmarks.Where(b => b.Kind == BookmarkKind.Condition).ToList())
        {
            // An earlier one (an interrupting boundary, an event subprocess) may have cancelled this one.
            if (!State.Bookmarks.Contains(bookmark))
                continue;
            var token = State.Token(bookmark.TokenId);
            var node = Model[bookmark.ElementId];
            var condition = node switch
            {
                IntermediateCatchEvent { Trigger: ConditionalTrigger c } => c,
                BoundaryEvent { Trigger: ConditionalTrigger c } => c,
                StartEvent { Trigger: ConditionalTrigger c } => c,
                _ => throw new ProcessExecutionException(node.Id, $"{node.Kind} has no condition to wait for"),
            };
            if (!Holds(node.Id, condition.Condition, VisibleVariables(token.ScopeId), "condition"))
                continue;
            fired = true;
            await ResumeAsync(bookmark.Id, new ResumeInput(null, actor), cancellationToken);
        }

        return fired;
    }
}
