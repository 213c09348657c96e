using System.Text.Json.Nodes;
using DocBpm.Engine.Activities;
using DocBpm.Engine.Model;

namespace DocBpm.Engine.Runtime;

internal sealed partial class ProcessRun
{
    private static bool IsMultiInstanceItem(TokenState token, Activity activity, InstanceState state) =>
        state.Scope(token.ScopeId) is { Kind: ScopeKind.MultiInstanceItem } scope && scope.ElementId == activity.Id;

    private bool IsMultiInstanceItem(TokenState token, Activity activity) => IsMultiInstanceItem(token, activity, State);

    private ScopeState NewScope(ScopeKind kind, Guid parentId, string elementId, Guid? ownerTokenId)
    {
        var scope = new ScopeState
        {
            Id = Guid.CreateVersion7(),
            ParentId = parentId,
            Kind = kind,
            ElementId = elementId,
            OwnerTokenId = ownerTokenId,
        };
        State.Scopes.Add(scope);
        return scope;
    }

    private ValueTask EnterSubProcess(TokenState token, SubProcess subProcess)
    {
        var start = subProcess.Nodes.OfType<StartEvent>().FirstOrDefault(s => s.Trigger is null)
            ?? throw new ProcessExecutionException(subProcess.Id, "the subprocess has no none start event");
        var scope = NewScope(ScopeKind.SubProcess, token.ScopeId, subProcess.Id, token.Id);
        token.Status = TokenStatus.Waiting;
        var inner = NewToken(scope.Id, start.Id);
        Schedule(inner, t => Enter(t, start));
        Listen(scope, subProcess.EventStarts);
        return ValueTask.CompletedTask;
    }

    private ValueTask StartMultiInstance(TokenState token, Activity activity)
    {
        var loop = activity.MultiInstance!;
        var items = Items(token, activity.Id, loop);
        if (items.Count == 0)
        {
            Journal(activity, "completed", detail: "empty collection");
            return Leave(token, activity, Outcome.Done);
        }

        SubscribeBoundaries(token, activity);
        token.Status = TokenStatus.Waiting;
        var body = new ScopeState
        {
            Id = Guid.CreateVersion7(),
            ParentId = token.ScopeId,
            Kind = ScopeKind.MultiInstanceBody,
            ElementId = activity.Id,
            OwnerTokenId = token.Id,
            Instances = items.Count,
            Collection = loop.IsSequential ? items : null,
        };
        State.Scopes.Add(body);
        UpdateLoopCounters(body);
        if (loop.IsSequential)
            StartItem(body, activity, 0, items[0]);
        else
            for (var i = 0; i < items.Count; i++)
                StartItem(body, activity, i, items[i]);
        return ValueTask.CompletedTask;
    }

    /// <summary>The collection's items, or for a cardinality the numbers 0 … n-1.</summary>
    private JsonArray Items(TokenState token, string elementId, MultiInstance loop)
    {
        if (loop.Collection is { } collection)
            return Evaluate(token, elementId, Expressions.ExpressionText.Body(collection)) as JsonArray
                ?? throw new ProcessExecutionException(elementId, $"the multi-instance collection '{collection}' is not an array");
        var count = Evaluate(token, elementId, loop.Cardinality!) is JsonValue value && value.TryGetValue<double>(out var n)
            && n >= 0 && n <= MaxStepsPerRun && n == Math.Floor(n)
            ? (int)n
            : throw new ProcessExecutionException(elementId, $"the loop cardinality '{loop.Cardinality}' is not a whole number from 0 to {MaxStepsPerRun}");
        return [.. Enumerable.Range(0, count).Select(i => (JsonNode?)JsonValue.Create(i))];
    }

    private void StartItem(ScopeState body, Activity activity, int index, JsonNode? item)
    {
        var scope = NewScope(ScopeKind.MultiInstanceItem, body.Id, activity.Id, null);
        if (activity.MultiInstance!.ElementVariable is { } variable)
            scope.Variables[variable] = item?.DeepClone();
        scope.Variables["loopCounter"] = JsonValue.Create(index);
        var inner = NewToken(scope.Id, activity.Id);
        Schedule(inner, t => EnterActivity(t, activity));
    }

    private static void UpdateLoopCounters(ScopeState body)
    {
        body.Variables["nrOfInstances"] = JsonValue.Create(body.Instances);
        body.Variables["nrOfCompletedInstances"] = JsonValue.Create(body.CompletedInstances);
        body.Variables["nrOfActiveInstances"] = JsonValue.Create(body.Collection is null ? body.Instances - body.CompletedInstances : 1);
    }

    private ValueTask CompleteMultiInstanceItem(TokenState itemToken, Activity activity)
    {
        var item = State.Scope(itemToken.ScopeId);
        var body = State.Scope(item.ParentId!.Value);
        if (item.Compensable is not null)
            (body.Compensable ??= []).AddRange(CompletedItem(item));
        RemoveScope(item);
        body.CompletedInstances++;
        UpdateLoopCounters(body);

        var done = body.CompletedInstances >= body.Instances
            || (activity.MultiInstance!.CompletionCondition is { } condition
                && Holds(activity.Id, condition, VisibleVariables(body.Id), "completion condition"));
        if (!done)
        {
            if (body.Collection is not null)
                StartItem(body, activity, body.CompletedInstances, body.Collection[body.CompletedInstances]);
            return ValueTask.CompletedTask;
        }

        var owner = State.Token(body.OwnerTokenId!.Value);
        // Completed items become compensable only when the whole activity completes, one entry per item (Camunda 7).
        if (body.Compensable is { } completedItems)
            (State.Scope(owner.ScopeId).Compensable ??= []).AddRange(completedItems);
        RemoveScope(body);
        RemoveBookmarks(owner);
        Journal(activity, "completed", detail: $"{body.CompletedInstances}/{body.Instances} instances");
        return Leave(owner, activity, Outcome.Done);
    }

    /// <summary>Removes a scope with everything inside it: child scopes, tokens and their bookmarks.</summary>
    private void RemoveScope(ScopeState scope)
    {
        foreach (var child in State.Scopes.Where(s => s.ParentId == scope.Id).ToList())
            RemoveScope(child);
        foreach (var token in State.Tokens.Where(t => t.ScopeId == scope.Id).ToList())
        {
            RemoveBookmarks(token);
            State.Tokens.Remove(token);
        }

        State.Scopes.Remove(scope);
    }

    /// <summary>Removes the scopes a token owns (its subprocess or multi-instance body).</summary>
    private void RemoveOwnedScopes(TokenState owner)
    {
        foreach (var scope in State.Scopes.Where(s => s.OwnerTokenId == owner.Id).ToList())
            RemoveScope(scope);
    }

    private void CompleteScopeIfIdle(ScopeState scope)
    {
        if (State.Tokens.Exists(t => t.ScopeId == scope.Id && !t.Listener) || State.Scopes.Exists(s => s.ParentId == scope.Id))
            return;
        StopListening(scope);
        switch (scope.Kind)
        {
            case ScopeKind.Process:
                return;
            case ScopeKind.SubProcess:
                var owner = State.Token(scope.OwnerTokenId!.Value);
                var subProcess = (Activity)Model[scope.ElementId!];
                State.Scopes.Remove(scope);
                Schedule(owner, t => CompleteActivity(t, subProcess, Outcome.Done, scope));
                return;
            default:
                // Multi-instance scopes complete through their item tokens, never by running empty.
                return;
        }
    }
}
