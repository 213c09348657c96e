using DocBpm.Engine.Model;
using DocBpm.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DocBpm.Engine.Runtime;

public sealed partial class WorkflowRuntime
{
    /// <summary>Steps of one batch that may fail before the rest of the batch runs one timer at a time.</summary>
    private const int BatchFailuresBeforeOneByOne = 2;

    /// <summary>
    /// Fires a claimed batch of due timers with one read and one write: the timers with their instances in one query,
    /// each instance's step in memory, every step's rows in one SaveChanges. Each instance stays its own unit: a step that
    /// fails records its failure alone and the batch runs again without it; a write that loses a race with another step
    /// of one of the instances rolls the batch back, and then each timer runs alone, so that only the stale one is lost.
    /// Jobs, instances waiting on a called instance and a second timer of one instance run alone from the start (see
    /// <see cref="Batchable"/>). Returns how many timers and jobs fired or recorded a failure.
    /// </summary>
    public async Task<int> FireDueBatchAsync(IReadOnlyList<Guid> bookmarkIds, CancellationToken cancellationToken)
    {
        var alone = new List<Guid>();
        var pending = bookmarkIds;
        var fired = 0;
        var tracker = db.Context.ChangeTracker;
        for (var failures = 0; pending.Count > 0 && failures < BatchFailuresBeforeOneByOne; failures++)
        {
            tracker.Clear();
            var batch = await LoadBatchAsync(pending, alone, cancellationToken);
            // Otherwise each instance's look-ups would scan every row of the batch; the batch detects once, before it writes.
            using (new DetectionPause(tracker))
            {
                var outcome = await StepBatchAsync(batch, cancellationToken);
                if (outcome.Failed is { } failed)
                {
                    fired++;
                    pending = [.. batch.Select(b => b.Bookmark.Id).Where(id => id != failed)];
                    continue;
                }

                pending = [];
                if (await SaveBatchAsync(batch.Count, cancellationToken))
                {
                    fired += batch.Count;
                    if (outcome.Due.Count > 0)
                        await dueWork.NotifyAsync(outcome.Due, cancellationToken);
                }
                else
                {
                    alone.AddRange(batch.Select(b => b.Bookmark.Id));
                }
            }
        }

        foreach (var bookmarkId in alone.Concat(pending))
        {
            db.Context.ChangeTracker.Clear();
            if (await FireDueAsync(bookmarkId, cancellationToken))
                fired++;
        }

        return fired;
    }

    private sealed record BatchItem(BookmarkRecord Bookmark, InstanceRecord Instance, ProcessModel Model, InstanceState State);

    private sealed record BatchOutcome(Guid? Failed, List<DueWork> Due);

    /// <summary>
    /// The batch's timers that are still due, with their instances, tracked, in one query; the ones that must run alone go
    /// to <paramref name="alone"/>, and those that are no longer due are left out.
    /// </summary>
    private async Task<List<BatchItem>> LoadBatchAsync(IReadOnlyList<Guid> bookmarkIds, List<Guid> alone, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rows = await (from b in db.Bookmarks
                          join i in db.Instances on b.InstanceId equals i.Id
                          where bookmarkIds.Contains(b.Id) && b.Status == BookmarkStatus.Active
                          select new { Bookmark = b, Instance = i }).ToListAsync(cancellationToken);
        var batch = new List<BatchItem>(rows.Count);
        var instances = new HashSet<Guid>();
        foreach (var row in rows.Where(r => r.Bookmark.DueAt <= now && r.Bookmark.Kind is BookmarkKind.Timer or BookmarkKind.Job))
        {
            var state = InstanceState.Deserialize(row.Instance.State);
            if (!Batchable(row.Bookmark, state) || !instances.Add(row.Instance.Id))
            {
                alone.Add(row.Bookmark.Id);
                continue;
            }

            var model = await definitions.GetModelAsync(db, row.Instance.DefinitionId, cancellationToken);
            batch.Add(new BatchItem(row.Bookmark, row.Instance, model, state));
        }

        return batch;
    }

    /// <summary>
    /// A job's activity reaches outside the database, and a batch that is discarded and run again would call it twice; an
    /// instance waiting on a called instance may cancel it, a step on a second instance that may be in the batch too.
    /// </summary>
    private static bool Batchable(BookmarkRecord bookmark, InstanceState state) =>
        bookmark.Kind == BookmarkKind.Timer && !state.Bookmarks.Exists(b => b.Kind == BookmarkKind.Call);

    /// <summary>Runs each instance's step in memory; the first that fails records its failure, and the batch is discarded.</summary>
    private async Task<BatchOutcome> StepBatchAsync(List<BatchItem> batch, CancellationToken cancellationToken)
    {
        var due = new List<DueWork>();
        foreach (var (bookmark, instance, model, state) in batch)
        {
            try
            {
                await StepAsync(new StepContext(instance, model, state, null, bookmark.Id, due, 0),
                    execution => interpreter.ResumeAsync(execution, bookmark.Id, ResumeInput.Empty, cancellationToken), cancellationToken);
            }
            catch (Exception ex) when (IsStepFailure(ex))
            {
                db.Context.ChangeTracker.AutoDetectChangesEnabled = true;
                await RecordFailureAsync(bookmark.Id, ex, cancellationToken);
                return new BatchOutcome(bookmark.Id, due);
            }
        }

        return new BatchOutcome(null, due);
    }

    /// <summary>Stores every step of the batch at once; false, with nothing stored, when one of them lost a race.</summary>
    private async Task<bool> SaveBatchAsync(int count, CancellationToken cancellationToken)
    {
        try
        {
            db.Context.ChangeTracker.DetectChanges();
            await SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex)
        {
            db.Context.ChangeTracker.Clear();
            LogBatchLostRace(count, ex.InnerException?.Message ?? ex.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "A batch of {Count} due timers lost a race on one of its instances and was not stored; each timer runs alone: {Reason}")]
    private partial void LogBatchLostRace(int count, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Instance {InstanceId} moved on in another step while its due {ElementId} fired; this firing is dropped")]
    private partial void LogTimerLostRace(Guid instanceId, string elementId);
}
