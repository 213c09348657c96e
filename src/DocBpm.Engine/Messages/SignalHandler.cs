using System.Text.Json;
using DocBpm.Engine.Activities;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;

namespace DocBpm.Engine.Messages;

/// <summary>A signal thrown by a process, broadcast after the throwing step commits.</summary>
public sealed record ThrownSignal(string SignalName);

/// <summary>Broadcasts signals that signal throw and end events queued in the outbox.</summary>
public sealed class SignalHandler(WorkflowRuntime runtime) : IOutboxHandler
{
    public const string Topic = "Signal";

    string IOutboxHandler.Topic => Topic;

    public async Task DeliverAsync(OutboxRecord message, CancellationToken cancellationToken)
    {
        var signal = JsonSerializer.Deserialize<ThrownSignal>(message.Payload, ActivityContext.JsonOptions)
            ?? throw new JsonException("Empty signal.");
        await runtime.SignalAsync(new SignalRequest(signal.SignalName), cancellationToken);
    }
}
