using System.Runtime.CompilerServices;
using DocBpm.Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace DocBpm.Engine.Persistence;

/// <summary>The host's DbContext as the engine uses it: one unit of work per run.</summary>
public sealed class EngineDb(DbContext context)
{
    /// <summary>
    /// The unique index on (instance, revision, ordinal) of the journal. Every stored change of an instance raises its
    /// revision and journals at least one entry under the new revision (<see cref="Step"/>), so two changes made from
    /// the same revision collide here inside the database, whatever else they wrote.
    /// </summary>
    public const string StepGuardIndex = "ux_bpm_journal_step";

    public DbContext Context { get; } = context;

    /// <summary>
    /// The database behind the context, for the few statements whose SQL or concurrency differs by provider. Asked once
    /// per model (each provider builds its own): the provider's name is looked up among the context's services and made
    /// from its assembly's name on every ask, which was a measurable part of a step's allocations while it was asked once
    /// per unit of work (issue 19).
    /// </summary>
    public DatabaseProvider Provider => provider ??= ProviderOf(Context);

    private DatabaseProvider? provider;

    private static readonly ConditionalWeakTable<IModel, StrongBox<DatabaseProvider>> Providers = new();

    private static DatabaseProvider ProviderOf(DbContext context)
    {
        if (Providers.TryGetValue(context.Model, out var known))
            return known.Value;
        var named = context.Database.ProviderName switch
        {
            "Npgsql.EntityFrameworkCore.PostgreSQL" => DatabaseProvider.PostgreSql,
            "Microsoft.EntityFrameworkCore.SqlServer" => DatabaseProvider.SqlServer,
            _ => DatabaseProvider.Sqlite,
        };
        Providers.AddOrUpdate(context.Model, new StrongBox<DatabaseProvider>(named));
        return named;
    }

    public DbSet<DefinitionRecord> Definitions => Context.Set<DefinitionRecord>();
    public DbSet<InstanceRecord> Instances => Context.Set<InstanceRecord>();
    public DbSet<BookmarkRecord> Bookmarks => Context.Set<BookmarkRecord>();
    public DbSet<BookmarkCandidateRecord> Candidates => Context.Set<BookmarkCandidateRecord>();
    public DbSet<JournalRecord> Journal => Context.Set<JournalRecord>();
    public DbSet<IncidentRecord> Incidents => Context.Set<IncidentRecord>();
    public DbSet<OutboxRecord> Outbox => Context.Set<OutboxRecord>();
    public DbSet<ProcessedMessageRecord> ProcessedMessages => Context.Set<ProcessedMessageRecord>();
    public DbSet<StartTimerRecord> StartTimers => Context.Set<StartTimerRecord>();
    public DbSet<DecisionRecord> Decisions => Context.Set<DecisionRecord>();

    /// <summary>Records one change of an instance: its next revision and the journal entries that explain it.</summary>
    public void Step(InstanceRecord instance, IReadOnlyList<JournalEntry> entries)
    {
        if (entries.Count == 0)
            throw new InvalidOperationException($"A change of instance {instance.Id} must journal what it did.");
        instance.Revision++;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            Add(new JournalRecord
            {
                InstanceId = instance.Id,
                Revision = instance.Revision,
                Ordinal = i,
                At = entry.At,
                ElementId = entry.ElementId,
                ElementKind = entry.ElementKind,
                Event = entry.Event,
                Actor = entry.Actor,
                Outcome = entry.Outcome,
                Detail = entry.Detail,
            });
        }
    }

    /// <summary>
    /// Tracks a new engine row as Added, its key generated as <see cref="DbSet{TEntity}.Add"/> generates it, without the
    /// walk of its object graph that Add makes: engine rows have no navigations, and the walk's nodes and closures were a
    /// measurable part of a step's allocations (issue 19).
    /// </summary>
    public void Add<TRow>(TRow row)
        where TRow : class => Context.Entry(row).State = EntityState.Added;
}
