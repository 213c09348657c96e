using System.Text.Json;
using DocBpm.Engine.Activities;
using DocBpm.Engine.Messages;
using DocBpm.Engine.Model;

namespace DocBpm.Engine.Runtime;

internal sealed partial class ProcessRun
{
    private ValueTask PassThrowEvent(TokenState token, IntermediateThrowEvent node)
    {
        switch (node.Trigger)
        {
            case LinkTrigger:
                State.Path.Add(node.Id);
                var target = Model.LinkTarget(node);
                token.ElementId = target.Id;
                Journal(target, "started");
                return Leave(token, target, null);
            case EscalationTrigger escalation:
                return Escalate(token, node, escalation.EscalationCode, ends: false);
            default:
                Throw(token, node, node.Trigger!);
                return Leave(token, node, null);
        }
    }

    /// <summary>
    /// A message or signal leaves the process through the outbox, so that it is sent only if this step commits: a
    /// message to the instance waiting for it (or a process it starts), a signal to every instance waiting for it.
    /// </summary>
    private void Throw(TokenState token, FlowNode node, EventTrigger trigger)
    {
        var now = interpreter.Time.GetUtcNow().ToUnixTimeMilliseconds();
        Journal(node, "thrown", detail: trigger switch
        {
            MessageTrigger m => m.MessageName,
            SignalTrigger s => s.SignalName,
            _ => null,
        });
        Output.Outbox.Add(trigger switch
        {
            MessageTrigger message => new OutboxEntry(PublishMessage.Topic, JsonSerializer.SerializeToNode(
                new PublishedMessage(message.MessageName, Text(token, node.Id, message.CorrelationKey), null,
                    $"{execution.InstanceId}:{node.Id}:{now}"), ActivityContext.JsonOptions)!),
            SignalTrigger signal => new OutboxEntry(SignalHandler.Topic, JsonSerializer.SerializeToNode(
                new ThrownSignal(signal.SignalName), ActivityContext.JsonOptions)!),
            _ => throw new ProcessExecutionException(node.Id, $"cannot throw {trigger.GetType().Name}"),
        });
    }

    /// <summary>
    /// Throws an escalation: the nearest escalation boundary event with the code (or without one) on an enclosing
    /// subprocess takes it, interrupting that subprocess or not. Unless interrupted, the path goes on (or ends, for an
    /// end event): an escalation nothing catches is not an error.
    /// </summary>
    private async ValueTask Escalate(TokenState token, FlowNode source, string? code, bool ends)
    {
        Journal(source, "escalated", code);
        var caught = EnclosingActivities(token)
            .Select(e => (e.OwnerToken, Boundary: e.Activity.Boundaries.FirstOrDefault(b => b.Trigger is EscalationTrigger { EscalationCode: var c } && c == code)
                ?? e.Activity.Boundaries.FirstOrDefault(b => b.Trigger is EscalationTrigger { EscalationCode: null })))
            .FirstOrDefault(e => e.Boundary is not null);
        if (caught.Boundary is { } boundary)
        {
            await FireBoundary(caught.OwnerToken, boundary, boundary.CancelActivity);
            if (boundary.CancelActivity)
                return;
        }

        if (ends)
            EndToken(token);
        else
            await Leave(token, source, null);
    }

    /// <summary>The subprocesses around a token, innermost first, each with the token that carries its boundary events.</summary>
    private IEnumerable<(TokenState OwnerToken, Activity Activity)> EnclosingActivities(TokenState token)
    {
        for (var scope = State.Scope(token.ScopeId); scope.Kind != ScopeKind.Process; scope = State.Scope(scope.ParentId!.Value))
        {
            if (scope.Kind == ScopeKind.MultiInstanceItem)
                continue;
            var owner = (Activity)Model[scope.ElementId!];
            yield return (OwnerOf(State.Token(scope.OwnerTokenId!.Value), owner), owner);
        }
    }
}
