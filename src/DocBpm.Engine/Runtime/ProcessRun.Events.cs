using DocBpm.Engine.Activities;
using DocBpm.Engine.Model;

namespace DocBpm.Engine.Runtime;

internal sealed partial class ProcessRun
{
    private void SubscribeBoundaries(TokenState token, Activity activity)
    {
        foreach (var boundary in activity.Boundaries)
            if (boundary.Trigger is MessageTrigger or TimerTrigger or SignalTrigger or ConditionalTrigger)
                Subscribe(token, boundary.Id, boundary.Trigger, optionalTimer: true);
    }

    /// <summary>
    /// Creates the message, signal or timer bookmark an element waits on. A boundary timer whose expression gives no value
    /// is not armed: a flow sets the time only when the step has a limit (an urgent document has one, an ordinary one none).
    /// </summary>
    private void Subscribe(TokenState token, string elementId, EventTrigger trigger, bool optionalTimer = false)
    {
        switch (trigger)
        {
            case MessageTrigger or SignalTrigger:
                // A signal is a message without a key, broadcast: its subscription is the same row, of its own kind.
                var message = trigger as MessageTrigger;
                State.Bookmarks.Add(new Bookmark
                {
                    Id = Guid.CreateVersion7(),
                    TokenId = token.Id,
                    Kind = message is null ? BookmarkKind.Signal : BookmarkKind.Message,
                    ElementId = elementId,
                    MessageName = message?.MessageName ?? ((SignalTrigger)trigger).SignalName,
                    CorrelationKey = message is null ? null : Text(token, elementId, message.CorrelationKey),
                });
                break;
            case TimerTrigger timer:
                var text = Text(token, elementId, timer.Timer.Text);
                if (text is null && optionalTimer)
                    break;
                if (text is null)
                    throw new ProcessExecutionException(elementId, "the timer expression gave no value");
                var schedule = Timers.TimerSchedule.First(elementId, timer.Timer with { Text = text },
                    interpreter.Time.GetUtcNow(), interpreter.Calendar);
                State.Bookmarks.Add(new Bookmark
                {
                    Id = Guid.CreateVersion7(),
                    TokenId = token.Id,
                    Kind = BookmarkKind.Timer,
                    ElementId = elementId,
                    DueAt = schedule.DueAt,
                    RemainingRepetitions = schedule.RemainingRepetitions,
                    CycleText = timer.Timer.Kind == TimerKind.Cycle ? text : null,
                    WorkingTime = timer.Timer.BusinessCalendar,
                });
                break;
            case ConditionalTrigger:
                State.Bookmarks.Add(new Bookmark { Id = Guid.CreateVersion7(), TokenId = token.Id, Kind = BookmarkKind.Condition, ElementId = elementId });
                break;
            default:
                throw new ProcessExecutionException(elementId, $"cannot wait for {trigger.GetType().Name}");
        }
    }

    private void RemoveBookmarks(TokenState token) => State.Bookmarks.RemoveAll(b => b.TokenId == token.Id);

    private ValueTask End(TokenState token, EndEvent end)
    {
        State.Path.Add(end.Id);
        switch (end.Trigger)
        {
            case ErrorTrigger error:
                return ThrowError(token, end, error.ErrorCode ?? "error", end.Name);
            case MessageTrigger or SignalTrigger:
                Throw(token, end, end.Trigger);
                EndToken(token);
                return ValueTask.CompletedTask;
            case EscalationTrigger escalation:
                return Escalate(token, end, escalation.EscalationCode, ends: true);
            case CompensateTrigger compensate:
                return Compensate(token, end, compensate);
            case TerminateTrigger:
                var scope = State.Scope(token.ScopeId);
                if (scope.Kind == ScopeKind.Process)
                {
                    State.Tokens.Clear();
                    State.Bookmarks.Clear();
                    State.Scopes.RemoveAll(s => s.Kind != ScopeKind.Process);
                    Output.Result = RunResult.Terminated;
                    agenda.Clear();
                    return ValueTask.CompletedTask;
                }

                foreach (var child in State.Scopes.Where(s => s.ParentId == scope.Id).ToList())
                    RemoveScope(child);
                foreach (var other in State.Tokens.Where(t => t.ScopeId == scope.Id && t.Id != token.Id).ToList())
                {
                    RemoveBookmarks(other);
                    State.Tokens.Remove(other);
                }

                EndToken(token);
                return ValueTask.CompletedTask;
            default:
                EndToken(token);
                return ValueTask.CompletedTask;
        }
    }

    /// <summary>
    /// Throws a BPMN error from <paramref name="source"/>: the nearest error boundary event that matches the code,
    /// on the activity itself or on an enclosing subprocess, interrupts that activity and takes the token. An error
    /// nothing catches stops the token where it is with an incident, as a job out of retries does: the rest of the
    /// step is stored, and an administrator sees it and retries it.
    /// </summary>
    private ValueTask ThrowError(TokenState token, FlowNode source, string code, string? message)
    {
        Journal(source, "error", code, message);
        switch (FindCatcherFor(token, source, t => t is ErrorTrigger { ErrorCode: var c } && c == code, t => t is ErrorTrigger { ErrorCode: null }))
        {
            case { Start: { } start } caught:
                return StartEventSubProcess(caught.Scope, null, start);
            case { Boundary: { } boundary } caught:
                return FireBoundary(caught.OwnerToken!, boundary, interrupting: true);
        }

        if (execution.IsCalled)
        {
            PropagateToCaller(source, code, message);
            return ValueTask.CompletedTask;
        }

        RaiseIncident(token, source, $"BPMN error '{code}' is not caught{(message is null ? "" : ": " + message)}");
        return ValueTask.CompletedTask;
    }

    private void RaiseIncident(TokenState token, FlowNode element, string error)
    {
        var bookmark = new Bookmark
        {
            Id = Guid.CreateVersion7(),
            TokenId = token.Id,
            Kind = BookmarkKind.Job,
            ElementId = element.Id,
        };
        State.Bookmarks.Add(bookmark);
        token.ElementId = element.Id;
        token.Status = TokenStatus.Waiting;
        Journal(element, "incident", detail: error);
        Output.Raise(new RaisedIncident(bookmark.Id, element.Id, error));
    }

    /// <summary>The token that carries the boundaries of an activity: for a multi-instance item, the body's owner.</summary>
    private TokenState OwnerOf(TokenState token, Activity activity)
    {
        if (!IsMultiInstanceItem(token, activity))
            return token;
        var body = State.Scope(State.Scope(token.ScopeId).ParentId!.Value);
        return State.Token(body.OwnerTokenId!.Value);
    }

    /// <summary>
    /// A boundary event fires. Interrupting: the activity is cancelled (bookmarks, inner scopes) and its token leaves by
    /// the boundary. Non-interrupting: a new token leaves by the boundary while the activity goes on.
    /// </summary>
    private ValueTask FireBoundary(TokenState activityToken, BoundaryEvent boundary, bool interrupting)
    {
        if (!interrupting)
        {
            var extra = NewToken(activityToken.ScopeId, boundary.Id);
            Journal(boundary, "started", detail: "non-interrupting");
            return Leave(extra, boundary, null);
        }

        RemoveBookmarks(activityToken);
        RemoveOwnedScopes(activityToken);
        Journal(boundary.AttachedTo, "interrupted", detail: boundary.Id);
        activityToken.ElementId = boundary.Id;
        activityToken.Status = TokenStatus.Active;
        Journal(boundary, "started");
        return Leave(activityToken, boundary, null);
    }
}
