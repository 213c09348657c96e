using System.Text.Json;
using System.Text.Json.Nodes;
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
            case CompensateTrigger compensate:
                return Compensate(token, node, compensate);
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
                    // One key per throw, not per instant: a loop throws again within the same millisecond, and a key seen
                    // before is dropped as a redelivery. The outbox stores it, so a true redelivery keeps its key.
                    $"{execution.InstanceId}:{node.Id}:{Guid.CreateVersion7()}"), ActivityContext.JsonOptions)!),
            SignalTrigger signal => new OutboxEntry(SignalHandler.Topic, JsonSerializer.SerializeToNode(
                new ThrownSignal(signal.SignalName), ActivityContext.JsonOptions)!),
            _ => throw new ProcessExecutionException(node.Id, $"cannot throw {trigger.GetType().Name}"),
        });
    }

    /// <summary>
    /// Throws an escalation: the nearest escalation event subprocess or boundary event with the code (or without one)
    /// takes it, interrupting its scope or not. Unless interrupted, the path goes on (or ends, for an end event): an
    /// escalation nothing catches is not an error, and in a called instance it goes on to the caller as well.
    /// </summary>
    private async ValueTask Escalate(TokenState token, FlowNode source, string? code, bool ends)
    {
        Journal(source, "escalated", code);
        if (await CatchEscalation(token, source, code, null))
            return;
        if (ends)
            EndToken(token);
        else
            await Leave(token, source, null);
    }

    /// <summary>
    /// The nearest catcher of an escalation takes it; whether it interrupted the thrower. From a call activity the
    /// catcher first gets the call's out mappings over the child's variables, as in Camunda 7. Nothing catching it in a
    /// called instance, it is handed to the caller's call activity (after this step commits).
    /// </summary>
    private async ValueTask<bool> CatchEscalation(TokenState token, FlowNode source, string? code, IReadOnlyDictionary<string, JsonNode?>? childVariables)
    {
        switch (FindCatcherFor(token, source, t => t is EscalationTrigger { EscalationCode: var c } && c == code, t => t is EscalationTrigger { EscalationCode: null }))
        {
            case { Start: { } start } caught:
                MapOut(token, source, childVariables);
                await StartEventSubProcess(caught.Scope, null, start);
                return start.IsInterrupting;
            case { Boundary: { } boundary } caught:
                MapOut(token, source, childVariables);
                await FireBoundary(caught.OwnerToken!, boundary, boundary.CancelActivity);
                return boundary.CancelActivity;
        }

        if (execution.IsCalled)
            Output.Escalate(new CallReturn(State.Root.Variables.ToDictionary(v => v.Key, v => v.Value?.DeepClone()))
            {
                Escalated = true,
                EscalationCode = code,
            });
        return false;
    }
}
