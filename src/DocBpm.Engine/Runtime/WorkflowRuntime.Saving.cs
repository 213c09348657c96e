using DocBpm.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace DocBpm.Engine.Runtime;

/// <summary>How a run's unit of work is stored: once detected, in one batch where that is safe, its races told apart.</summary>
public sealed partial class WorkflowRuntime
{
    private async Task SaveAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        // Detected once here: the look-ups below, the host's SaveChanges interceptors and SaveChanges itself would each
        // scan every tracked row again.
        db.Context.ChangeTracker.DetectChanges();
        using var paused = new DetectionPause(db.Context.ChangeTracker);
        var tracked = db.Context.ChangeTracker.Entries<InstanceRecord>().FirstOrDefault(e => e.Entity.Id == instanceId);
        long? loadedRevision = tracked is { State: not EntityState.Added } ? tracked.Property(i => i.Revision).OriginalValue : null;
        try
        {
            await SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            db.Context.ChangeTracker.Clear();
            throw new ConcurrencyConflictException(instanceId, ex);
        }
        catch (DbUpdateException ex)
        {
            db.Context.ChangeTracker.Clear();
            // A stale step meets the journal's step guard before (or instead of) the revision check.
            if (loadedRevision is { } loaded && await RevisionMovedAsync(instanceId, loaded, cancellationToken))
                throw new ConcurrencyConflictException(instanceId, ex);
            throw;
        }
    }

    /// <summary>
    /// Stores the unit of work, as one batch without BEGIN/COMMIT where that is safe (<see cref="OneBatch"/>): written by
    /// <see cref="PostgresStepWriter"/> when it holds only the rows that writer sends, by EF otherwise.
    /// </summary>
    private async Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        if (OneBatch() is { } changes)
        {
            // The writer sends any number of rows as one batch; EF splits a large one, and then only its transaction keeps it whole.
            if (await new PostgresStepWriter(db.Context, time).TryWriteAsync(changes, cancellationToken))
                return;
            if (changes.Count <= EfOneBatchRows)
            {
                await SaveWithoutTransactionAsync(cancellationToken);
                return;
            }
        }

        await db.Context.SaveChangesAsync(cancellationToken);
    }

    private async Task SaveWithoutTransactionAsync(CancellationToken cancellationToken)
    {
        var database = db.Context.Database;
        var transactions = database.AutoTransactionBehavior;
        database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        try
        {
            await db.Context.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            database.AutoTransactionBehavior = transactions;
        }
    }

    private const int EfOneBatchRows = 500;

    /// <summary>
    /// On PostgreSQL a step is written as one batch without BEGIN/COMMIT: Npgsql sends the batch with a single Sync, so
    /// the server runs it as one implicit transaction, and a stale step fails inside it on the journal's step guard
    /// (<see cref="EngineDb.StepGuardIndex"/>), which rolls back everything the batch wrote. That saves the COMMIT
    /// round-trip. Only while the step is guarded, or it is a start that writes only the engine's own rows: none of them
    /// waits for a key the database generates, so EF never splits them into a second batch while they are at most
    /// <see cref="EfOneBatchRows"/> (Npgsql's limit is 1000 commands), and a new instance has no stale revision to guard
    /// against. <see cref="PostgresStepWriter"/> sends any number as one batch.
    /// </summary>
    /// <returns>The changes to store in one batch, or null when they are stored as EF stores them by default.</returns>
    private List<EntityEntry>? OneBatch()
    {
        if (db.Provider != DatabaseProvider.PostgreSql || db.Context.Database.CurrentTransaction is not null)
            return null;
        var changes = db.Context.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        if (changes.Any(OnlyCheckedAfterTheFact))
            return null;
        var guarded = changes.Any(e => e.Entity is InstanceRecord && e.State == EntityState.Modified) && changes.Any(e => e.Entity is JournalRecord);
        var engineStart = changes.Any(e => e.Entity is InstanceRecord && e.State == EntityState.Added) && changes.All(e => IsEngineRow(e.Entity));
        return guarded || engineStart ? changes : null;
    }

    private static bool IsEngineRow(object entity) =>
        entity is InstanceRecord or BookmarkRecord or BookmarkCandidateRecord or JournalRecord or IncidentRecord or OutboxRecord or ProcessedMessageRecord;

    /// <summary>Another row whose optimistic check EF makes by counting rows after the batch, too late to roll it back.</summary>
    private static bool OnlyCheckedAfterTheFact(EntityEntry entry) =>
        entry.Entity is not InstanceRecord && entry.State is not EntityState.Added
        && entry.Metadata.GetProperties().Any(p => p.IsConcurrencyToken);

    private async Task<bool> RevisionMovedAsync(Guid instanceId, long loaded, CancellationToken cancellationToken) =>
        await db.Instances.AsNoTracking().Where(i => i.Id == instanceId).Select(i => (long?)i.Revision)
            .FirstOrDefaultAsync(cancellationToken) != loaded;
}
