using DocBpm.Engine.Model;

namespace DocBpm.Engine.Runtime;

internal sealed partial class ProcessRun
{
    private ValueTask PassGateway(TokenState token, Gateway gateway)
    {
        switch (gateway.GatewayKind)
        {
            case GatewayKind.Exclusive:
                Move(token, [ChooseExclusive(token, gateway)]);
                break;
            case GatewayKind.Parallel:
                if (Join(token, gateway, AllArrived) is { } parallel)
                    Move(parallel, gateway.Outgoing);
                break;
            case GatewayKind.Inclusive:
                if (Join(token, gateway, NoOtherTokenCanArrive) is { } inclusive)
                    Move(inclusive, ChooseInclusive(inclusive, gateway));
                break;
            case GatewayKind.EventBased:
                foreach (var flow in gateway.Outgoing)
                {
                    var trigger = flow.Target switch
                    {
                        IntermediateCatchEvent e => e.Trigger,
                        TaskNode { TaskKind: TaskKind.Receive, Message: { } m } => m,
                        _ => throw new ProcessExecutionException(flow.Target.Id, "an event-based gateway must lead to catch events"),
                    };
                    Subscribe(token, flow.Target.Id, trigger);
                }

                token.Status = TokenStatus.Waiting;
                break;
        }

        return ValueTask.CompletedTask;
    }

    private SequenceFlow ChooseExclusive(TokenState token, Gateway gateway)
    {
        if (gateway.Outgoing.Count == 1 && gateway.Outgoing[0].Condition is null)
            return gateway.Outgoing[0];
        foreach (var flow in gateway.Outgoing)
            if (flow != gateway.DefaultFlow && flow.Condition is not null && Condition(token, flow, null))
                return flow;
        return gateway.DefaultFlow
            ?? throw new ProcessExecutionException(gateway.Id, "no condition is true and the gateway has no default flow");
    }

    private List<SequenceFlow> ChooseInclusive(TokenState token, Gateway gateway)
    {
        var taken = gateway.Outgoing
            .Where(f => f != gateway.DefaultFlow && (f.Condition is null || Condition(token, f, null)))
            .ToList();
        if (taken.Count > 0)
            return taken;
        return gateway.DefaultFlow is { } fallback
            ? [fallback]
            : throw new ProcessExecutionException(gateway.Id, "no condition is true and the gateway has no default flow");
    }

    /// <summary>
    /// Records the token's arrival at a joining gateway. Returns the token that continues when the join fires, or null
    /// while the gateway still waits (the arriving token is consumed).
    /// </summary>
    private TokenState? Join(TokenState token, Gateway gateway, Func<ScopeState, Gateway, bool> ready)
    {
        if (gateway.Incoming.Count <= 1)
            return token;
        var scope = State.Scope(token.ScopeId);
        var key = ArrivalKey(gateway, token.ArrivedVia);
        scope.JoinArrivals[key] = scope.JoinArrivals.GetValueOrDefault(key) + 1;
        State.Tokens.Remove(token);
        if (!ready(scope, gateway))
            return null;

        foreach (var flow in gateway.Incoming)
        {
            var flowKey = ArrivalKey(gateway, flow.Id);
            if (scope.JoinArrivals.TryGetValue(flowKey, out var count))
            {
                if (count <= 1)
                    scope.JoinArrivals.Remove(flowKey);
                else
                    scope.JoinArrivals[flowKey] = count - 1;
            }
        }

        var merged = NewToken(scope.Id, gateway.Id);
        Journal(gateway, "completed", detail: "joined");
        return merged;
    }

    private static string ArrivalKey(Gateway gateway, string? flowId) => gateway.Id + "|" + flowId;

    private static bool AllArrived(ScopeState scope, Gateway gateway) =>
        gateway.Incoming.All(f => scope.JoinArrivals.GetValueOrDefault(ArrivalKey(gateway, f.Id)) > 0);

    /// <summary>An inclusive join fires once no other token of the scope can still reach it.</summary>
    private bool NoOtherTokenCanArrive(ScopeState scope, Gateway gateway) =>
        !State.Tokens.Any(t => t.ScopeId == scope.Id && CanReach(Model.NodesById[t.ElementId], gateway));

    private static bool CanReach(FlowNode from, FlowNode target)
    {
        var seen = new HashSet<FlowNode>();
        var stack = new Stack<FlowNode>();
        stack.Push(from);
        while (stack.TryPop(out var node))
        {
            if (node == target)
                return true;
            if (!seen.Add(node))
                continue;
            foreach (var flow in node.Outgoing)
                stack.Push(flow.Target);
            if (node is Activity activity)
                foreach (var boundary in activity.Boundaries)
                    stack.Push(boundary);
        }

        return false;
    }
}
