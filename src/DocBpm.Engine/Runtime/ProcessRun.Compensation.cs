using System.Text.Json.Nodes;
using DocBpm.Engine.Model;

namespace DocBpm.Engine.Runtime;

internal sealed partial class ProcessRun
{
    /// <summary>
    /// An activity completed: if something undoes it, its scope remembers it, in order, for a later throw. For a
    /// multi-instance item that scope is the item's, handed on to the activity's scope when the whole activity completes.
    /// </summary>
    private void RememberCompensable(TokenState token, Activity activity, ScopeState? completed)
    {
        if (CompensableOf(activity, completed) is not { } entry)
            return;
        var scope = State.Scope(token.ScopeId);
        (scope.Compensable ??= []).Add(entry);
    }

    /// <summary>
    /// What undoes a completed activity: its compensation boundary's handler; for a subprocess, its compensation event
    /// subprocess, or else its own completed compensable activities. A subprocess's handler sees the subprocess's
    /// variables as they were when it completed (Camunda 7's variable snapshot).
    /// </summary>
    private static Compensable? CompensableOf(Activity activity, ScopeState? completed)
    {
        if (activity.Boundaries.Find(b => b.Trigger is CompensateTrigger) is { Handler: { } handler })
            return new Compensable(activity.Id, handler.Id) { Variables = Snapshot(completed?.Variables) };
        if (activity is not SubProcess { TriggeredByEvent: false } subProcess || completed is null)
            return null;
        if (subProcess.CompensationEventSubProcess is { } eventSubProcess)
            return new Compensable(activity.Id, eventSubProcess.Id) { Variables = Snapshot(completed.Variables), Inner = completed.Compensable };
        return completed.Compensable is { Count: > 0 } inner
            ? new Compensable(activity.Id, null) { Variables = Snapshot(completed.Variables), Inner = inner }
            : null;
    }

    /// <summary>A completed multi-instance item's compensable entries, each carrying the item's variables under its own.</summary>
    private static IEnumerable<Compensable> CompletedItem(ScopeState item) =>
        item.Compensable?.Select(c => c with { Variables = Snapshot(item.Variables, c.Variables) }) ?? [];

    private static Dictionary<string, JsonNode?>? Snapshot(Dictionary<string, JsonNode?>? variables, Dictionary<string, JsonNode?>? over = null)
    {
        if (variables is null)
            return null;
        var copy = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (name, value) in over is null ? variables : variables.Concat(over))
            copy[name] = value?.DeepClone();
        return copy;
    }

    /// <summary>
    /// A compensation throw or end event: the completed activities of its scope (or only its activityRef) are compensated
    /// in reverse order of completion, each after the previous one completed; then the event goes on (or ends). Each
    /// completion is compensated once. Inside a compensation event subprocess the scope is the subprocess it undoes.
    /// </summary>
    private ValueTask Compensate(TokenState token, FlowNode source, CompensateTrigger trigger)
    {
        var scope = CompensatedScope(State.Scope(token.ScopeId));
        var due = scope.Compensable?.Where(c => trigger.ActivityRef is null || c.ActivityId == trigger.ActivityRef).ToList() ?? [];
        scope.Compensable?.RemoveAll(due.Contains);
        if (scope.Compensable is [])
            scope.Compensable = null;
        due.Reverse();
        Journal(source, "compensating", detail: string.Join(", ", due.Select(c => c.ActivityId)));
        token.Pending = due;
        return NextHandler(token);
    }

    private ScopeState CompensatedScope(ScopeState scope) =>
        scope is { Kind: ScopeKind.SubProcess, ParentId: { } parentId } && State.Scope(parentId) is { Kind: ScopeKind.Compensation } undone
        && Model[scope.ElementId!] is SubProcess { TriggeredByEvent: true }
            ? undone
            : scope;

    private ValueTask NextHandler(TokenState thrower)
    {
        if (thrower.PendingHandlers is { } stored)
        {
            thrower.Pending = [.. stored.Select(handlerId => new Compensable(handlerId, handlerId))];
            thrower.PendingHandlers = null;
        }

        if (thrower.Pending is not [var next, ..])
        {
            thrower.Pending = null;
            return Compensated(thrower);
        }

        thrower.Pending.RemoveAt(0);
        thrower.Status = TokenStatus.Waiting;
        var scopeId = thrower.ScopeId;
        if (next.Variables is not null || next.Inner is not null)
        {
            var undone = NewScope(ScopeKind.Compensation, thrower.ScopeId, next.ActivityId, null);
            foreach (var (name, value) in next.Variables ?? [])
                undone.Variables[name] = value;
            undone.Compensable = next.Inner;
            scopeId = undone.Id;
        }

        if (next.HandlerId is null)
        {
            // A subprocess with no handler of its own: its completed activities are undone, inside its variables.
            var inner = NewToken(scopeId, next.ActivityId);
            inner.CompensatingFor = thrower.Id;
            return Compensate(inner, Model[next.ActivityId], new CompensateTrigger(null));
        }

        var handler = (Activity)Model[next.HandlerId];
        var token = NewToken(scopeId, handler.Id);
        token.CompensatingFor = thrower.Id;
        Journal(handler, "started", detail: "compensation");
        Schedule(token, t => handler is SubProcess { TriggeredByEvent: true } eventSubProcess
            ? StartCompensationEventSubProcess(t, eventSubProcess)
            : EnterActivity(t, handler));
        return ValueTask.CompletedTask;
    }

    /// <summary>Everything a throw had to undo is undone: a nested compensation reports to its own thrower, a throw event goes on.</summary>
    private ValueTask Compensated(TokenState thrower)
    {
        thrower.Status = TokenStatus.Active;
        if (thrower.CompensatingFor is { } outer)
            return HandlerCompleted(thrower, outer);
        var source = Model[thrower.ElementId];
        if (source is EndEvent)
        {
            EndToken(thrower);
            return ValueTask.CompletedTask;
        }

        return Leave(thrower, source, null);
    }

    /// <summary>A compensation event subprocess runs from its compensation start event, instead of the subprocess's handlers.</summary>
    private ValueTask StartCompensationEventSubProcess(TokenState token, SubProcess eventSubProcess)
    {
        var start = eventSubProcess.Nodes.OfType<StartEvent>().First(s => s.Trigger is CompensateTrigger);
        token.Status = TokenStatus.Waiting;
        var inner = NewScope(ScopeKind.SubProcess, token.ScopeId, eventSubProcess.Id, token.Id);
        var first = NewToken(inner.Id, start.Id);
        Journal(start, "started");
        Schedule(first, t => Leave(t, start, null));
        return ValueTask.CompletedTask;
    }

    private ValueTask HandlerCompleted(TokenState handlerToken, Guid throwerId)
    {
        State.Tokens.Remove(handlerToken);
        if (State.Scope(handlerToken.ScopeId) is { Kind: ScopeKind.Compensation } undone && !State.Tokens.Exists(t => t.ScopeId == undone.Id))
            RemoveScope(undone);
        return NextHandler(State.Token(throwerId));
    }
}
