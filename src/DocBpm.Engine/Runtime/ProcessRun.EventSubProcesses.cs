using DocBpm.Engine.Model;

namespace DocBpm.Engine.Runtime;

internal sealed partial class ProcessRun
{
    /// <summary>
    /// A (sub)process scope starts: each of its event subprocesses with a message, timer, signal or conditional start waits on a
    /// listener token. Error and escalation starts need none: a throw looks for them.
    /// </summary>
    private void Listen(ScopeState scope, IReadOnlyList<StartEvent> starts)
    {
        foreach (var start in starts)
        {
            if (start.Trigger is not (MessageTrigger or TimerTrigger or SignalTrigger or ConditionalTrigger))
                continue;
            var listener = NewToken(scope.Id, start.Id);
            listener.Listener = true;
            listener.Status = TokenStatus.Waiting;
            Subscribe(listener, start.Id, start.Trigger!);
        }
    }

    /// <summary>The scope completed or was cancelled: its event subprocesses stop waiting.</summary>
    private void StopListening(ScopeState scope)
    {
        // Backwards by index: it runs at the end of every instance and every subprocess, mostly with no listener at all.
        for (var i = State.Tokens.Count - 1; i >= 0; i--)
        {
            var listener = State.Tokens[i];
            if (listener.ScopeId != scope.Id || !listener.Listener)
                continue;
            RemoveBookmarks(listener);
            State.Tokens.RemoveAt(i);
        }
    }

    /// <summary>
    /// Starts an event subprocess in <paramref name="scope"/>. Interrupting: everything else in the scope is cancelled
    /// (tokens, inner scopes, the other event subprocesses' listeners) and the event subprocess is all that runs; when it
    /// ends, the scope ends. Non-interrupting: it runs beside the rest, and its listener goes on waiting.
    /// </summary>
    private ValueTask StartEventSubProcess(ScopeState scope, TokenState? listener, StartEvent start)
    {
        var eventSubProcess = start.EventSubProcess!;
        var owner = start.IsInterrupting && listener is not null ? listener : NewToken(scope.Id, eventSubProcess.Id);
        if (start.IsInterrupting)
        {
            foreach (var child in State.Scopes.Where(s => s.ParentId == scope.Id).ToList())
                RemoveScope(child);
            foreach (var other in State.Tokens.Where(t => t.ScopeId == scope.Id && t != owner).ToList())
            {
                RemoveBookmarks(other);
                State.Tokens.Remove(other);
            }

            RemoveBookmarks(owner);
            Journal(eventSubProcess, "interrupted", detail: scope.ElementId ?? Model.Id);
        }

        owner.Listener = false;
        owner.ElementId = eventSubProcess.Id;
        owner.Status = TokenStatus.Waiting;
        Journal(eventSubProcess, "started", detail: start.IsInterrupting ? null : "non-interrupting");
        var inner = NewScope(ScopeKind.SubProcess, scope.Id, eventSubProcess.Id, owner.Id);
        var token = NewToken(inner.Id, start.Id);
        Journal(start, "started");
        Schedule(token, t => Leave(t, start, null));
        return ValueTask.CompletedTask;
    }

    /// <summary>The scopes around a token, innermost first, with the activity each belongs to and the token carrying its boundaries.</summary>
    private IEnumerable<(ScopeState Scope, TokenState? OwnerToken, Activity? Activity)> ScopesOutward(TokenState token)
    {
        for (var scope = State.Scope(token.ScopeId); ; scope = State.Scope(scope.ParentId!.Value))
        {
            if (scope.Kind == ScopeKind.Process)
            {
                yield return (scope, null, null);
                yield break;
            }

            if (scope.Kind is ScopeKind.MultiInstanceItem or ScopeKind.Compensation)
                continue;
            var owner = (Activity)Model[scope.ElementId!];
            yield return (scope, OwnerOf(State.Token(scope.OwnerTokenId!.Value), owner), owner);
        }
    }

    /// <summary>The event subprocess start events of a scope: the process's, or those of the subprocess the scope runs.</summary>
    private IReadOnlyList<StartEvent> EventStartsOf(ScopeState scope) => scope.Kind switch
    {
        ScopeKind.Process => Model.EventStarts,
        ScopeKind.SubProcess => ((SubProcess)Model[scope.ElementId!]).EventStarts,
        _ => [],
    };

    /// <summary>Where what <paramref name="source"/> throws is caught: a boundary event of the source itself first (a task's error, a call activity's child), then <see cref="FindCatcher"/>.</summary>
    private (ScopeState Scope, StartEvent? Start, TokenState? OwnerToken, BoundaryEvent? Boundary)? FindCatcherFor(
        TokenState token, FlowNode source, Func<EventTrigger?, bool> exact, Func<EventTrigger?, bool> catchAll) =>
        source is Activity activity && (activity.Boundaries.Find(b => exact(b.Trigger)) ?? activity.Boundaries.Find(b => catchAll(b.Trigger))) is { } own
            ? (State.Scope(token.ScopeId), null, OwnerOf(token, activity), own)
            : FindCatcher(token, exact, catchAll);

    /// <summary>
    /// Where a thrown error or escalation is caught, walking out from the token: at each level an event subprocess of
    /// the scope (unless the throw comes from one of them), then a boundary event of the subprocess the scope runs.
    /// The exact code wins over a catch-all at the same level.
    /// </summary>
    private (ScopeState Scope, StartEvent? Start, TokenState? OwnerToken, BoundaryEvent? Boundary)? FindCatcher(
        TokenState token, Func<EventTrigger?, bool> exact, Func<EventTrigger?, bool> catchAll)
    {
        var fromEventSubProcess = false;
        foreach (var (scope, ownerToken, activity) in ScopesOutward(token))
        {
            if (!fromEventSubProcess)
            {
                var starts = EventStartsOf(scope).ToList();
                if ((starts.Find(s => exact(s.Trigger)) ?? starts.Find(s => catchAll(s.Trigger))) is { } start)
                    return (scope, start, null, null);
            }

            if (activity is not null
                && (activity.Boundaries.Find(b => exact(b.Trigger)) ?? activity.Boundaries.Find(b => catchAll(b.Trigger))) is { } boundary)
                return (scope, null, ownerToken, boundary);
            fromEventSubProcess = activity is SubProcess { TriggeredByEvent: true };
        }

        return null;
    }
}
