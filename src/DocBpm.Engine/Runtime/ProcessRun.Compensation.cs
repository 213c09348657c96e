using DocBpm.Engine.Model;

namespace DocBpm.Engine.Runtime;

internal sealed partial class ProcessRun
{
    /// <summary>An activity with a compensation boundary completed: its scope remembers it, in order, for a later throw.</summary>
    private void RememberCompensable(TokenState token, Activity activity)
    {
        if (activity.Boundaries.Find(b => b.Trigger is CompensateTrigger) is not { Handler: { } handler })
            return;
        var scope = State.Scope(token.ScopeId);
        (scope.Compensable ??= []).Add(new Compensable(activity.Id, handler.Id));
    }

    /// <summary>
    /// A compensation throw or end event: the completed activities of its scope (or only its activityRef) are compensated
    /// in reverse order of completion, each handler after the previous one completed; then the event goes on (or ends).
    /// Each completion is compensated once.
    /// </summary>
    private ValueTask Compensate(TokenState token, FlowNode source, CompensateTrigger trigger)
    {
        var scope = State.Scope(token.ScopeId);
        var due = scope.Compensable?.Where(c => trigger.ActivityRef is null || c.ActivityId == trigger.ActivityRef).ToList() ?? [];
        scope.Compensable?.RemoveAll(due.Contains);
        if (scope.Compensable is [])
            scope.Compensable = null;
        due.Reverse();
        Journal(source, "compensating", detail: string.Join(", ", due.Select(c => c.ActivityId)));
        token.PendingHandlers = [.. due.Select(c => c.HandlerId)];
        return NextHandler(token);
    }

    private ValueTask NextHandler(TokenState thrower)
    {
        var source = Model[thrower.ElementId];
        if (thrower.PendingHandlers is not [var handlerId, ..])
        {
            thrower.PendingHandlers = null;
            thrower.Status = TokenStatus.Active;
            if (source is EndEvent)
            {
                EndToken(thrower);
                return ValueTask.CompletedTask;
            }

            return Leave(thrower, source, null);
        }

        thrower.PendingHandlers.RemoveAt(0);
        thrower.Status = TokenStatus.Waiting;
        var handler = (Activity)Model[handlerId];
        var token = NewToken(thrower.ScopeId, handler.Id);
        token.CompensatingFor = thrower.Id;
        Journal(handler, "started", detail: "compensation");
        Schedule(token, t => EnterActivity(t, handler));
        return ValueTask.CompletedTask;
    }

    private ValueTask HandlerCompleted(TokenState handlerToken, Guid throwerId)
    {
        State.Tokens.Remove(handlerToken);
        return NextHandler(State.Token(throwerId));
    }
}
