using System.Text.Json;
using System.Text.Json.Nodes;
using DocBpm.Engine.Activities;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;

namespace DocBpm.Engine.Messages;

/// <summary>
/// A called instance ended: its variables when it completed, or the BPMN error that ended it, for the call activity
/// waiting on <see cref="CallerBookmarkId"/>.
/// </summary>
public sealed record CalledInstanceEnded(
    Guid ParentInstanceId,
    Guid CallerBookmarkId,
    Guid ChildInstanceId,
    JsonObject? Variables,
    string? ErrorCode,
    string? ErrorMessage);

/// <summary>Resumes callers when their called instances end, after the ending step commits.</summary>
public sealed class CalledInstanceHandler(WorkflowRuntime runtime) : IOutboxHandler
{
    public const string Topic = "CalledInstanceEnded";

    string IOutboxHandler.Topic => Topic;

    public async Task DeliverAsync(OutboxRecord message, CancellationToken cancellationToken)
    {
        var ended = JsonSerializer.Deserialize<CalledInstanceEnded>(message.Payload, ActivityContext.JsonOptions)
            ?? throw new JsonException("Empty called-instance end.");
        await runtime.ReturnFromCalledAsync(ended, cancellationToken);
    }
}

/// <summary>A called instance threw an escalation it did not catch, with its variables then, for the call activity waiting on <see cref="CallerBookmarkId"/>.</summary>
public sealed record CalledInstanceEscalated(
    Guid ParentInstanceId,
    Guid CallerBookmarkId,
    Guid ChildInstanceId,
    string? EscalationCode,
    JsonObject Variables);

/// <summary>Throws a called instance's escalations from the caller's call activity, after the escalating step commits.</summary>
public sealed class CalledInstanceEscalationHandler(WorkflowRuntime runtime) : IOutboxHandler
{
    public const string Topic = "CalledInstanceEscalated";

    string IOutboxHandler.Topic => Topic;

    public async Task DeliverAsync(OutboxRecord message, CancellationToken cancellationToken)
    {
        var escalated = JsonSerializer.Deserialize<CalledInstanceEscalated>(message.Payload, ActivityContext.JsonOptions)
            ?? throw new JsonException("Empty called-instance escalation.");
        await runtime.EscalateFromCalledAsync(escalated, cancellationToken);
    }
}
