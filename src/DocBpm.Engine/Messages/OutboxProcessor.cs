using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DocBpm.Engine.Messages;

/// <summary>
/// Delivers stored outbox messages after their step committed. Each message is claimed with a conditional update, so
/// that several nodes can run the processor; failures are retried with back-off.
/// </summary>
public sealed partial class OutboxProcessor(
    EngineDb db,
    IEnumerable<IOutboxHandler> handlers,
    TimeProvider time,
    ILogger<OutboxProcessor> logger)
{
    /// <summary>How long a claim holds before another node may take the message over.</summary>
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, IOutboxHandler> byTopic = handlers.ToDictionary(h => h.Topic, StringComparer.Ordinal);

    /// <summary>Delivers what is due; returns how many messages were delivered.</summary>
    public async Task<int> DeliverDueAsync(string node, int limit, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = await db.Outbox.AsNoTracking()
            .Where(o => o.DeliveredAt == null && o.NextAttemptAt <= now && (o.LockedUntil == null || o.LockedUntil < now))
            .OrderBy(o => o.NextAttemptAt).ThenBy(o => o.CreatedAt)
            .Select(o => o.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
        var delivered = 0;
        foreach (var id in due)
        {
            if (await DeliverAsync(id, node, cancellationToken))
                delivered++;
        }

        return delivered;
    }

    private async Task<bool> DeliverAsync(Guid id, string node, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var until = now + ClaimTimeout;
        var claimed = await db.Outbox
            .Where(o => o.Id == id && o.DeliveredAt == null && (o.LockedUntil == null || o.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.LockedUntil, until).SetProperty(o => o.LockedBy, node), cancellationToken);
        if (claimed == 0)
            return false;

        var message = await db.Outbox.FirstAsync(o => o.Id == id, cancellationToken);
        try
        {
            if (!byTopic.TryGetValue(message.Topic, out var handler))
                throw new InvalidOperationException($"No handler delivers outbox topic '{message.Topic}'.");
            await handler.DeliverAsync(message, cancellationToken);
            message.DeliveredAt = time.GetUtcNow();
            message.LastError = null;
            LogDelivered(message.Id, message.Topic);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever the handler changed before it failed is dropped; only the attempt is recorded.
            db.Context.ChangeTracker.Clear();
            message = await db.Outbox.FirstAsync(o => o.Id == id, cancellationToken);
            message.Attempts++;
            message.LastError = ex.Message.Length <= 4000 ? ex.Message : ex.Message[..4000];
            message.NextAttemptAt = time.GetUtcNow() + WorkflowRuntime.Backoff(message.Attempts);
            LogFailed(message.Id, message.Topic, message.Attempts, message.NextAttemptAt, ex.Message);
        }

        message.LockedUntil = null;
        message.LockedBy = null;
        await db.Context.SaveChangesAsync(cancellationToken);
        db.Context.ChangeTracker.Clear();
        return message.DeliveredAt is not null;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Outbox message {MessageId} ({Topic}) delivered")]
    private partial void LogDelivered(Guid messageId, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} ({Topic}) failed (attempt {Attempt}), next try at {NextAttempt}: {Error}")]
    private partial void LogFailed(Guid messageId, string topic, int attempt, DateTimeOffset nextAttempt, string error);
}
