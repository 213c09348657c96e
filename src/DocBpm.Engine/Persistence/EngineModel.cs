using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DocBpm.Engine.Persistence;

public static class EngineModel
{
    /// <summary>Adds the engine's tables to the host's model (provider-neutral; prefix "bpm_").</summary>
    public static ModelBuilder ApplyEngine(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DefinitionRecord>(e =>
        {
            MapDeployedFile(e, "bpm_definitions");
            e.Property(d => d.StartMessages).HasMaxLength(2000);
            e.HasIndex(d => new { d.Key, d.ContentHash });
        });
        modelBuilder.Entity<InstanceRecord>(e =>
        {
            e.ToTable("bpm_instances");
            e.HasKey(i => i.Id);
            e.Property(i => i.DefinitionKey).HasMaxLength(200);
            e.Property(i => i.BusinessKey).HasMaxLength(200);
            e.Property(i => i.StartedBy).HasMaxLength(200);
            e.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(i => i.Revision).IsConcurrencyToken();
            // A step rewrites Status, State, EndedAt and Revision: no index may hold one of them, so that PostgreSQL
            // can update the row in place (HOT) without a new entry in each of the table's indexes. The admin's
            // counts by key and status filter the key's rows.
            e.HasIndex(i => i.DefinitionKey);
            e.HasIndex(i => i.BusinessKey);
            e.HasIndex(i => i.StartedAt);
            // Only called instances have a parent; the others would each add an entry nobody looks up.
            e.HasIndex(i => i.ParentInstanceId).HasFilter(NotNull(nameof(InstanceRecord.ParentInstanceId)));
            e.HasOne<DefinitionRecord>().WithMany().HasForeignKey(i => i.DefinitionId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<BookmarkRecord>(e =>
        {
            e.ToTable("bpm_bookmarks");
            e.HasKey(b => b.Id);
            e.Property(b => b.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(b => b.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(b => b.ElementId).HasMaxLength(200);
            e.Property(b => b.MessageName).HasMaxLength(200);
            e.Property(b => b.CorrelationKey).HasMaxLength(400);
            e.Property(b => b.ClosedBy).HasMaxLength(200);
            e.Property(b => b.TaskName).HasMaxLength(400);
            e.Property(b => b.Assignee).HasMaxLength(200);
            e.Property(b => b.CandidateUsers).HasMaxLength(2000);
            e.Property(b => b.CandidateGroups).HasMaxLength(2000);
            e.Property(b => b.FormKey).HasMaxLength(200);
            e.Property(b => b.BusinessKey).HasMaxLength(200);
            e.Property(b => b.DefinitionKey).HasMaxLength(200);
            e.Property(b => b.ClaimedBy).HasMaxLength(200);
            // Closing a bookmark rewrites Status, so PostgreSQL writes the closed row anew into every index that holds
            // Status or filters on it. An instance's bookmarks of any status are looked up by the instance alone. The
            // indexes that serve open work hold only open bookmarks of their own kind: a closed row fails their filter
            // and enters none of them, so a completion writes no entry there, and they do not grow with history. The
            // open user tasks by assignee are the inbox's (migration InboxStoredOrder).
            e.HasIndex(b => b.InstanceId);
            e.HasIndex(b => new { b.Kind, b.MessageName, b.CorrelationKey }).HasFilter(OpenAnd(NotNull(nameof(BookmarkRecord.MessageName))));
            e.HasIndex(b => b.DueAt).HasFilter(OpenAnd(NotNull(nameof(BookmarkRecord.DueAt))));
            e.HasOne<InstanceRecord>().WithMany().HasForeignKey(b => b.InstanceId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<BookmarkCandidateRecord>(e =>
        {
            e.ToTable("bpm_bookmark_candidates");
            e.HasKey(c => new { c.BookmarkId, c.Kind, c.Value });
            e.Property(c => c.Kind).HasConversion<string>().HasMaxLength(10);
            e.Property(c => c.Value).HasMaxLength(200);
            e.Property(c => c.DefinitionKey).HasMaxLength(200);
            e.HasIndex(c => new { c.Kind, c.Value, c.BookmarkId });
            e.HasOne<BookmarkRecord>().WithMany().HasForeignKey(c => c.BookmarkId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<JournalRecord>(e =>
        {
            e.ToTable("bpm_journal");
            e.HasKey(j => j.Id);
            e.Property(j => j.ElementId).HasMaxLength(200);
            e.Property(j => j.ElementKind).HasMaxLength(50);
            e.Property(j => j.Event).HasMaxLength(50);
            e.Property(j => j.Actor).HasMaxLength(200);
            e.Property(j => j.Outcome).HasMaxLength(200);
            e.Property(j => j.Detail).HasMaxLength(2000);
            // The step guard also finds an instance's rows (the monitor's journal, the cascade); the few rows of one
            // instance are sorted by Id after it, so the journal keeps no second index to write per row.
            e.HasIndex(j => new { j.InstanceId, j.Revision, j.Ordinal }).IsUnique().HasDatabaseName(EngineDb.StepGuardIndex);
            e.HasOne<InstanceRecord>().WithMany().HasForeignKey(j => j.InstanceId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<IncidentRecord>(e =>
        {
            e.ToTable("bpm_incidents");
            e.HasKey(i => i.Id);
            e.Property(i => i.ElementId).HasMaxLength(200);
            e.Property(i => i.Error).HasMaxLength(4000);
            e.Property(i => i.ResolvedBy).HasMaxLength(200);
            e.Property(i => i.Resolution).HasMaxLength(50);
            e.HasIndex(i => new { i.InstanceId, i.ResolvedAt });
            e.HasOne<InstanceRecord>().WithMany().HasForeignKey(i => i.InstanceId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<OutboxRecord>(e =>
        {
            e.ToTable("bpm_outbox");
            e.HasKey(o => o.Id);
            e.Property(o => o.Topic).HasMaxLength(200);
            e.Property(o => o.LastError).HasMaxLength(4000);
            e.Property(o => o.LockedBy).HasMaxLength(200);
            e.HasIndex(o => new { o.DeliveredAt, o.NextAttemptAt });
        });
        modelBuilder.Entity<StartTimerRecord>(e =>
        {
            e.ToTable("bpm_start_timers");
            e.HasKey(t => t.Id);
            e.Property(t => t.DefinitionKey).HasMaxLength(200);
            e.Property(t => t.ElementId).HasMaxLength(200);
            e.Property(t => t.CycleText).HasMaxLength(200);
            e.Property(t => t.DueAt).IsConcurrencyToken();
            e.HasIndex(t => t.DueAt);
            e.HasIndex(t => t.DefinitionKey);
            e.HasOne<DefinitionRecord>().WithMany().HasForeignKey(t => t.DefinitionId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ProcessedMessageRecord>(e =>
        {
            e.ToTable("bpm_processed_messages");
            e.HasKey(m => m.IdempotencyKey);
            e.Property(m => m.IdempotencyKey).HasMaxLength(400);
        });
        modelBuilder.Entity<DecisionRecord>(e => MapDeployedFile(e, "bpm_decisions"));
        return modelBuilder;
    }

    /// <summary>An index filter that all three providers read alike (SQL Server's migrations run with quoted identifiers on).</summary>
    private static string NotNull(string column) => $"\"{column}\" IS NOT NULL";

    /// <summary>
    /// A filter on open bookmarks and <paramref name="condition"/>. The status is a constant, as every reader of open work
    /// writes it (EF writes an enum constant as its literal), since a partial index serves only a query whose condition
    /// implies the filter: a parameter's value is not known when the plan is made.
    /// </summary>
    private static string OpenAnd(string condition) => $"\"{nameof(BookmarkRecord.Status)}\" = '{nameof(BookmarkStatus.Active)}' AND {condition}";

    private static void MapDeployedFile<T>(EntityTypeBuilder<T> e, string table)
        where T : DeployedFile
    {
        e.ToTable(table);
        e.HasKey(d => d.Id);
        e.Property(d => d.Key).HasMaxLength(200);
        e.Property(d => d.ContentHash).HasMaxLength(64);
        e.Property(d => d.Name).HasMaxLength(400);
        e.Property(d => d.DeployedBy).HasMaxLength(200);
        e.HasIndex(d => new { d.Key, d.Version }).IsUnique();
    }
}
