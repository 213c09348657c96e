using DocBpm.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DocBpm.Engine.Runtime;

public sealed partial class WorkflowRuntime
{
    /// <summary>Attempts of a timer whose run keeps failing before an incident is raised.</summary>
    public const int TimerMaxAttempts = 3;

    /// <summary>
    /// Whether a sweep could find anything to do now: a due timer start event, a due timer or job, an undelivered outbox
    /// message whose next attempt is due. One statement that writes nothing, so that an idle host's pass asks once instead
    /// of claiming. Each condition is its pass's own without the claims (another host's claim or lock counts as due), so
    /// that it never answers no when a pass would have found work; a claim held by a host that died is found once it
    /// expires, as before.
    /// </summary>
    public Task<bool> AnyDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return db.StartTimers.Where(t => t.DueAt != null && t.DueAt <= now).Select(t => 1)
            .Concat(db.Bookmarks.Where(b => (b.Kind == BookmarkKind.Timer || b.Kind == BookmarkKind.Job) && b.Status == BookmarkStatus.Active
                && b.DueAt != null && b.DueAt <= now).Select(b => 1))
            .Concat(db.Outbox.Where(o => o.DeliveredAt == null && o.NextAttemptAt <= now).Select(o => 1))
            .AnyAsync(cancellationToken);
    }

    /// <summary>
    /// Claims up to <paramref name="limit"/> due timers and jobs, oldest first, for <paramref name="owner"/> until
    /// <paramref name="lease"/> from now; bookmarks another host holds an unexpired claim on are left to it.
    /// </summary>
    public Task<IReadOnlyList<Guid>> ClaimDueAsync(string owner, int limit, TimeSpan lease, CancellationToken cancellationToken) =>
        DueWorkClaims.ClaimAsync(db, owner, time.GetUtcNow(), lease, limit, cancellationToken);

    /// <summary>
    /// Fires a due timer or runs a due job. Idempotent: a bookmark no longer active or not yet due is left alone.
    /// A failing run changes nothing but the bookmark's attempt count; after the last attempt it raises an incident.
    /// Returns false when there was nothing to do.
    /// </summary>
    public async Task<bool> FireDueAsync(Guid bookmarkId, CancellationToken cancellationToken)
    {
        BookmarkRecord bookmark;
        InstanceRecord instance;
        try
        {
            (bookmark, instance) = await LoadActiveAsync(bookmarkId, null, cancellationToken);
        }
        catch (BookmarkNotActiveException)
        {
            return false;
        }

        if (bookmark.DueAt is null || bookmark.DueAt > time.GetUtcNow() || bookmark.Kind is not (BookmarkKind.Timer or BookmarkKind.Job))
            return false;

        try
        {
            await ResumeAsync(bookmark, instance, ResumeInput.Empty, cancellationToken);
            return true;
        }
        catch (ConcurrencyConflictException)
        {
            // Another node ran this instance at the same time; the bookmark is still due if it did not consume it.
            LogTimerLostRace(instance.Id, bookmark.ElementId);
            return false;
        }
        catch (Exception ex) when (IsStepFailure(ex))
        {
            await RecordFailureAsync(bookmarkId, ex, cancellationToken);
            return true;
        }
    }

    private static bool IsStepFailure(Exception ex) =>
        ex is ProcessExecutionException or BookmarkNotActiveException or DbUpdateException
            or InvalidOperationException or TimeoutException or HttpRequestException;

    private async Task RecordFailureAsync(Guid bookmarkId, Exception error, CancellationToken cancellationToken)
    {
        db.Context.ChangeTracker.Clear();
        var (bookmark, instance) = await LoadActiveAsync(bookmarkId, null, cancellationToken);
        var model = await definitions.GetModelAsync(db, instance.DefinitionId, cancellationToken);
        var maxAttempts = bookmark.Kind == BookmarkKind.Job && model.NodesById[bookmark.ElementId] is Model.TaskNode { Binding: { } binding }
            ? interpreter.Registry.Find(binding.Type)?.Descriptor.MaxAttempts ?? 1
            : TimerMaxAttempts;
        var now = time.GetUtcNow();
        bookmark.Attempts++;
        bookmark.LastError = Truncate(error.Message);
        bookmark.ClaimedUntil = null;
        if (bookmark.Attempts >= maxAttempts)
        {
            bookmark.DueAt = null;
            instance.OpenIncidents++;
            db.Step(instance, [new JournalEntry(now, bookmark.ElementId, bookmark.Kind.ToString(), "incident", null, null, Truncate(error.Message))]);
            db.Incidents.Add(new IncidentRecord
            {
                Id = Guid.CreateVersion7(),
                InstanceId = instance.Id,
                BookmarkId = bookmark.Id,
                ElementId = bookmark.ElementId,
                Error = Truncate(error.Message),
                CreatedAt = now,
            });
            LogIncident(instance.Id, bookmark.ElementId, bookmark.Attempts, error.Message);
        }
        else
        {
            bookmark.DueAt = now + Backoff(bookmark.Attempts);
            LogRetry(instance.Id, bookmark.ElementId, bookmark.Attempts, bookmark.DueAt.Value, error.Message);
        }

        await SaveAsync(instance.Id, cancellationToken);
        if (bookmark.DueAt is { } next)
            await dueWork.NotifyAsync([new DueWork(bookmark.Id, next)], cancellationToken);
    }

    /// <summary>Timer start events due at or before now.</summary>
    public async Task<IReadOnlyList<Guid>> FindDueStartsAsync(int limit, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await db.StartTimers.AsNoTracking().Where(t => t.DueAt != null && t.DueAt <= now)
            .OrderBy(t => t.DueAt).Select(t => t.Id).Take(limit).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Starts an instance for a due timer start event and moves the timer to its next time, in one transaction, so
    /// that two nodes firing it at once start one instance (the loser fails on the timer row's change).
    /// </summary>
    public async Task<Guid?> FireStartTimerAsync(Guid startTimerId, CancellationToken cancellationToken)
    {
        var timer = await db.StartTimers.FirstOrDefaultAsync(t => t.Id == startTimerId, cancellationToken);
        if (timer?.DueAt is not { } dueAt || dueAt > time.GetUtcNow())
            return null;
        var definition = await db.Definitions.AsNoTracking().FirstAsync(d => d.Id == timer.DefinitionId, cancellationToken);
        var model = await definitions.GetModelAsync(db, definition.Id, cancellationToken);
        var start = (Model.StartEvent)model.NodesById[timer.ElementId];
        var next = Timers.TimerSchedule.Next(timer.ElementId, timer.CycleText,
            new Timers.TimerSchedule.Due(dueAt, timer.RemainingRepetitions), timer.WorkingTime, interpreter.Calendar);
        if (next is { } n)
        {
            timer.DueAt = n.DueAt;
            timer.RemainingRepetitions = n.RemainingRepetitions;
        }
        else
        {
            db.StartTimers.Remove(timer);
        }

        try
        {
            var instance = await StartAtAsync(definition, model, start, null, null, null, cancellationToken);
            return instance.Id;
        }
        catch (ConcurrencyConflictException)
        {
            return null;
        }
    }

    /// <summary>Exponential back-off: 10 s, 20 s, 40 s ... capped at one hour.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, 10 * Math.Pow(2, Math.Max(0, attempts - 1))));

    /// <summary>An administrator retries an incident: the job or timer runs again now, with fresh attempts.</summary>
    public async Task RetryIncidentAsync(Guid incidentId, string? actor, CancellationToken cancellationToken)
    {
        var incident = await db.Incidents.FirstOrDefaultAsync(i => i.Id == incidentId, cancellationToken)
            ?? throw new IncidentNotFoundException(incidentId);
        if (incident.ResolvedAt is not null || incident.BookmarkId is null)
            throw new IncidentNotFoundException(incidentId);
        var (bookmark, instance) = await LoadActiveAsync(incident.BookmarkId.Value, null, cancellationToken);
        var now = time.GetUtcNow();
        incident.ResolvedAt = now;
        incident.ResolvedBy = actor;
        incident.Resolution = "retried";
        instance.OpenIncidents = Math.Max(0, instance.OpenIncidents - 1);
        db.Step(instance, [new JournalEntry(now, bookmark.ElementId, bookmark.Kind.ToString(), "retried", actor, null, null)]);
        bookmark.Attempts = 0;
        bookmark.DueAt = now;
        bookmark.LastError = null;
        bookmark.ClaimedUntil = null;
        await SaveAsync(instance.Id, cancellationToken);
        await FireDueAsync(bookmark.Id, cancellationToken);
    }

    internal static string Truncate(string text) => text.Length <= 4000 ? text : text[..4000];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {InstanceId}: {ElementId} failed (attempt {Attempt}), retry at {RetryAt}: {Error}")]
    private partial void LogRetry(Guid instanceId, string elementId, int attempt, DateTimeOffset retryAt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Instance {InstanceId}: incident on {ElementId} after {Attempts} attempts: {Error}")]
    private partial void LogIncident(Guid instanceId, string elementId, int attempts, string error);
}

public sealed class IncidentNotFoundException(Guid incidentId)
    : RefusedException(RefusalKind.NotFound, "Không tìm thấy sự cố", "Sự cố không tồn tại hoặc đã được xử lý.",
        $"Open incident {incidentId} does not exist.")
{
    public Guid IncidentId { get; } = incidentId;
}
