using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DocBpm.Web.AccessLog;

/// <summary>
/// Writes the queued reads in batches of at most 500, one row per person, item and minute, and once a day deletes the
/// rows older than the retention. Stopping the host writes what is still queued; a failure is logged, never silent.
/// </summary>
public sealed partial class AccessLogWriter(AccessRecorder log, IServiceScopeFactory scopes, TimeProvider time, IOptions<AccessLogOptions> options,
    ILogger<AccessLogWriter> logger) : BackgroundService
{
    private const int BatchSize = 500;
    private readonly SemaphoreSlim flushing = new(1, 1);
    private DateTimeOffset purgedAt = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await log.Queued.WaitToReadAsync(stoppingToken))
            {
                try
                {
                    await FlushAsync(stoppingToken);
                    await PurgeDailyAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The database is away: the batch in hand is lost, and said so; the queue waits for it to return.
                    LogFailed(ex.Message);
                    await Task.Delay(TimeSpan.FromSeconds(5), time, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync writes the rest.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (log.Queued.Count > 0)
            await FlushAsync(cancellationToken);
    }

    /// <summary>Writes everything queued so far; returns the rows added. Tests call it to see a read without waiting.</summary>
    public async Task<int> FlushAsync(CancellationToken cancellationToken)
    {
        await flushing.WaitAsync(cancellationToken);
        try
        {
            var added = 0;
            List<AccessLogEntry> batch;
            while ((batch = Drain()).Count > 0)
                added += await WriteAsync(batch, cancellationToken);
            return added;
        }
        finally
        {
            flushing.Release();
        }
    }

    private List<AccessLogEntry> Drain()
    {
        var batch = new List<AccessLogEntry>();
        while (batch.Count < BatchSize && log.Queued.TryRead(out var entry))
            batch.Add(entry);
        return batch;
    }

    private async Task<int> WriteAsync(List<AccessLogEntry> batch, CancellationToken cancellationToken)
    {
        var fresh = batch.DistinctBy(e => (e.UserName, e.Kind, e.ItemId, e.At)).ToList();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbContext>();
        var from = fresh.Min(e => e.At);
        var users = fresh.Select(e => e.UserName).Distinct().ToList();
        var existing = (await db.Set<AccessLogEntry>().AsNoTracking().Where(e => e.At >= from && users.Contains(e.UserName))
            .Select(e => new { e.UserName, e.Kind, e.ItemId, e.At }).ToListAsync(cancellationToken))
            .Select(e => (e.UserName, e.Kind, e.ItemId, e.At)).ToHashSet();
        fresh.RemoveAll(e => existing.Contains((e.UserName, e.Kind, e.ItemId, e.At)));
        if (fresh.Count == 0)
            return 0;
        db.AddRange(fresh);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return fresh.Count;
        }
        catch (DbUpdateException)
        {
            // Another node wrote one of these minutes meanwhile (the unique key): write the others one by one.
            db.ChangeTracker.Clear();
            return await WriteEachAsync(db, fresh, cancellationToken);
        }
    }

    private async Task<int> WriteEachAsync(DbContext db, List<AccessLogEntry> entries, CancellationToken cancellationToken)
    {
        var written = 0;
        foreach (var entry in entries)
        {
            db.Add(new AccessLogEntry { UserName = entry.UserName, Kind = entry.Kind, ItemId = entry.ItemId, At = entry.At });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                written++;
            }
            catch (DbUpdateException failed)
            {
                LogNotWritten(entry.UserName, entry.Kind, entry.ItemId, entry.At, failed.InnerException?.Message ?? failed.Message);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        return written;
    }

    private async Task PurgeDailyAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now - purgedAt < TimeSpan.FromDays(1))
            return;
        purgedAt = now;
        await PurgeAsync(cancellationToken);
    }

    /// <summary>
    /// Deletes the rows older than the retention; a row exactly at the limit is still kept. Returns the rows deleted.
    /// The writer calls it once a day; tests call it to see the retention without waiting a day.
    /// </summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var before = time.GetUtcNow().AddDays(-options.Value.RetentionDays);
        var deleted = await scope.ServiceProvider.GetRequiredService<DbContext>().Set<AccessLogEntry>().Where(e => e.At < before)
            .ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
            LogPurged(deleted, before);
        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Access log: the read of {Kind} {ItemId} by {UserName} at {At} was not written: {Reason}")]
    private partial void LogNotWritten(string userName, AccessedKind kind, Guid itemId, DateTimeOffset at, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Access log: writing failed, the reads in hand are not recorded: {Error}")]
    private partial void LogFailed(string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Access log: {Count} rows older than {Before} deleted (retention)")]
    private partial void LogPurged(int count, DateTimeOffset before);
}
