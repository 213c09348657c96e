using DocBpm.Engine.Model;
using DocBpm.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Engine.Runtime;

public sealed partial class WorkflowRuntime
{
    /// <summary>
    /// Delivers a message: to the instance waiting for this name and correlation key (to every such instance only when
    /// <see cref="MessageRequest.All"/> asks; otherwise several are refused with
    /// <see cref="AmbiguousCorrelationException"/>), or else to the latest process version that starts with it. With an
    /// idempotency key, a repeated delivery is a no-op.
    /// </summary>
    public async Task<CorrelationResult> CorrelateAsync(MessageRequest message, CancellationToken cancellationToken)
    {
        if (message.IdempotencyKey is { } key)
        {
            if (await db.ProcessedMessages.AnyAsync(m => m.IdempotencyKey == key, cancellationToken))
                return new CorrelationResult(CorrelationKind.Duplicate, []);
        }

        var result = await DeliverAsync(message, cancellationToken);
        if (message.IdempotencyKey is null || result.Kind == CorrelationKind.NotCorrelated)
            return result;

        db.ProcessedMessages.Add(new ProcessedMessageRecord
        {
            IdempotencyKey = message.IdempotencyKey,
            ProcessedAt = time.GetUtcNow(),
            InstanceId = result.InstanceIds.Count > 0 ? result.InstanceIds[0] : null,
        });
        try
        {
            await db.Context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node recorded the same key between our check and now. The run itself is stored already,
            // so the instances moved once; report the duplicate so that the sender stops retrying.
            db.Context.ChangeTracker.Clear();
            return new CorrelationResult(CorrelationKind.Duplicate, result.InstanceIds);
        }

        return result;
    }

    private async Task<CorrelationResult> DeliverAsync(MessageRequest message, CancellationToken cancellationToken)
    {
        var waiting = await db.Bookmarks
            .Where(b => b.Kind == BookmarkKind.Message && b.Status == BookmarkStatus.Active
                && b.MessageName == message.MessageName && b.CorrelationKey == message.CorrelationKey)
            .OrderBy(b => b.CreatedAt)
            .Select(b => new { b.Id, b.InstanceId })
            .ToListAsync(cancellationToken);
        if (waiting.Count > 0)
        {
            var targets = waiting.DistinctBy(w => w.InstanceId).ToList();
            if (targets.Count > 1 && !message.All)
                throw new AmbiguousCorrelationException(message.MessageName, message.CorrelationKey, [.. targets.Select(t => t.InstanceId)]);
            var resumed = new List<Guid>();
            foreach (var subscription in targets)
            {
                var (bookmark, instance) = await LoadActiveAsync(subscription.Id, BookmarkKind.Message, cancellationToken);
                await ResumeAsync(bookmark, instance, new ResumeInput(message.Variables, message.Actor), cancellationToken);
                resumed.Add(instance.Id);
            }

            return new CorrelationResult(CorrelationKind.Resumed, resumed);
        }

        var candidates = await LatestStartingWithAsync(message.MessageName, cancellationToken);
        foreach (var definition in candidates)
        {
            var model = await definitions.GetModelAsync(db, definition.Id, cancellationToken);
            var start = model.StartEvents.FirstOrDefault(s => s.Trigger is MessageTrigger m && m.MessageName == message.MessageName);
            if (start is null)
                continue;
            var instance = await StartAtAsync(definition, model, start, message.Variables,
                message.BusinessKey ?? message.CorrelationKey, message.Actor, cancellationToken, instanceId: message.InstanceId);
            return new CorrelationResult(CorrelationKind.Started, [instance.Id]);
        }

        return new CorrelationResult(CorrelationKind.NotCorrelated, []);
    }

    /// <summary>The latest version of each process whose start messages list the entry (a message, or a prefixed signal).</summary>
    private async Task<List<DefinitionRecord>> LatestStartingWithAsync(string entry, CancellationToken cancellationToken)
    {
        var pattern = "%," + entry + ",%";
        return await db.Definitions.AsNoTracking()
            .Where(d => d.StartMessages != null && EF.Functions.Like(d.StartMessages, pattern))
            .GroupBy(d => d.Key)
            .Select(g => g.OrderByDescending(d => d.Version).First())
            .ToListAsync(cancellationToken);
    }
}
