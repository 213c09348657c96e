using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Npgsql;

namespace DocBpm.Engine.Persistence;

/// <summary>
/// A step's changes sorted into what <see cref="PostgresStepWriter"/> sends: new and changed instances, bookmarks and
/// their candidates, new journal entries. Any other change (another table, a deleted instance, a journal entry changed)
/// has no statement here, and the step then goes through EF.
/// </summary>
internal sealed class PostgresStepRows
{
    private readonly List<InstanceRecord> newInstances = [];
    private readonly List<EntityEntry> changedInstances = [];
    private readonly List<BookmarkRecord> newBookmarks = [];
    private readonly List<EntityEntry> changedBookmarks = [];
    private readonly List<BookmarkCandidateRecord> newCandidates = [];
    private readonly List<BookmarkCandidateRecord> goneCandidates = [];
    private readonly List<JournalRecord> newJournal = [];

    /// <summary>The journal's tracked entries, whose keys the database generated and nobody read back.</summary>
    public List<EntityEntry> JournalEntries { get; } = [];

    public static PostgresStepRows? Of(IReadOnlyList<EntityEntry> changes)
    {
        var rows = new PostgresStepRows();
        foreach (var entry in changes)
        {
            if (!rows.Add(entry))
                return null;
        }

        return rows;
    }

    private bool Add(EntityEntry entry)
    {
        switch (entry.Entity, entry.State)
        {
            case (InstanceRecord instance, EntityState.Added):
                newInstances.Add(instance);
                return true;
            case (InstanceRecord, EntityState.Modified):
                changedInstances.Add(entry);
                return true;
            case (BookmarkRecord bookmark, EntityState.Added):
                newBookmarks.Add(bookmark);
                return true;
            case (BookmarkRecord, EntityState.Modified):
                changedBookmarks.Add(entry);
                return true;
            case (BookmarkCandidateRecord candidate, EntityState.Added):
                newCandidates.Add(candidate);
                return true;
            case (BookmarkCandidateRecord candidate, EntityState.Deleted):
                goneCandidates.Add(candidate);
                return true;
            case (JournalRecord journal, EntityState.Added):
                newJournal.Add(journal);
                JournalEntries.Add(entry);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// The statements in the order the foreign keys need (a row after the row it points to, a candidate deleted before one
    /// is added), each instance UPDATE returned with its entry, to check that its revision guard found the row. In a batch
    /// of several instances (due timers) an UPDATE whose guard finds no row fails inside the batch, so that the other
    /// instances' rows are rolled back with it: counting the rows afterwards would come after they had committed.
    /// </summary>
    public List<RevisionGuard> AddTo(NpgsqlBatch batch, PostgresParameters parameters)
    {
        // Rows locked in key order, as EF orders its commands: two hosts storing batches of the same instances (due
        // timers) then wait for each other instead of deadlocking.
        changedInstances.Sort(static (a, b) => ((InstanceRecord)a.Entity).Id.CompareTo(((InstanceRecord)b.Entity).Id));
        changedBookmarks.Sort(static (a, b) => ((BookmarkRecord)a.Entity).Id.CompareTo(((BookmarkRecord)b.Entity).Id));
        if (newInstances.Count > 0)
            batch.BatchCommands.Add(PostgresEngineTables.Instances.Insert(newInstances, parameters));
        var guarded = new List<RevisionGuard>(changedInstances.Count);
        var failsWhenStale = changedInstances.Count > 1;
        foreach (var entry in changedInstances)
        {
            var loaded = parameters.With((long)entry.Property(nameof(InstanceRecord.Revision)).OriginalValue!);
            if (PostgresEngineTables.Instances.Update(entry, parameters, (nameof(InstanceRecord.Revision), loaded), failsWhenStale) is not { } update)
                continue;
            batch.BatchCommands.Add(update);
            guarded.Add(new RevisionGuard(entry, update, failsWhenStale));
        }

        if (newBookmarks.Count > 0)
            batch.BatchCommands.Add(PostgresEngineTables.Bookmarks.Insert(newBookmarks, parameters));
        foreach (var entry in changedBookmarks)
        {
            if (PostgresEngineTables.Bookmarks.Update(entry, parameters, guard: null) is { } update)
                batch.BatchCommands.Add(update);
        }

        foreach (var candidate in goneCandidates)
            batch.BatchCommands.Add(PostgresEngineTables.Candidates.Delete(candidate, parameters));
        if (newCandidates.Count > 0)
            batch.BatchCommands.Add(PostgresEngineTables.Candidates.Insert(newCandidates, parameters));
        if (newJournal.Count > 0)
        {
            // Keyed as the engine journaled them, each instance's entries in step order, since the history reads them by key:
            // a context that wrote a step before enumerates its new entries in an order of its own (the slots its written
            // journal left are reused last-freed first), which reversed a step's entries in the second step of a context.
            newJournal.Sort(static (a, b) => (a.InstanceId, a.Revision, a.Ordinal).CompareTo((b.InstanceId, b.Revision, b.Ordinal)));
            batch.BatchCommands.Add(PostgresEngineTables.Journal.Insert(newJournal, parameters));
        }
        return guarded;
    }
}

/// <summary>An instance's UPDATE guarded by its loaded revision; <paramref name="FailsInBatch"/> when a stale one fails the batch itself.</summary>
internal sealed record RevisionGuard(EntityEntry Instance, NpgsqlBatchCommand Update, bool FailsInBatch);
