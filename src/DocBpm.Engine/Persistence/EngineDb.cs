using Microsoft.EntityFrameworkCore;

namespace DocBpm.Engine.Persistence;

/// <summary>The host's DbContext as the engine uses it: one unit of work per run.</summary>
public sealed class EngineDb(DbContext context)
{
    public DbContext Context { get; } = context;
    public DbSet<DefinitionRecord> Definitions => Context.Set<DefinitionRecord>();
    public DbSet<InstanceRecord> Instances => Context.Set<InstanceRecord>();
    public DbSet<BookmarkRecord> Bookmarks => Context.Set<BookmarkRecord>();
    public DbSet<JournalRecord> Journal => Context.Set<JournalRecord>();
    public DbSet<IncidentRecord> Incidents => Context.Set<IncidentRecord>();
    public DbSet<OutboxRecord> Outbox => Context.Set<OutboxRecord>();
    public DbSet<ProcessedMessageRecord> ProcessedMessages => Context.Set<ProcessedMessageRecord>();
    public DbSet<StartTimerRecord> StartTimers => Context.Set<StartTimerRecord>();
}
