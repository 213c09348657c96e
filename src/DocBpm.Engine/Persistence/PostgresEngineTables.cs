using Npgsql;

namespace DocBpm.Engine.Persistence;

/// <summary>
/// The engine tables a step writes, column by column, as <see cref="PostgresStepWriter"/> sends them. Values are stored as
/// EF stores them on PostgreSQL (<see cref="EngineModel"/>): enums by name, instants as timestamptz. A column missing
/// here is caught before any write (<see cref="PostgresTable{TRow}.Matches"/>), and the step then goes through EF.
/// </summary>
internal static class PostgresEngineTables
{
    public static readonly PostgresTable<InstanceRecord> Instances = new("bpm_instances", [nameof(InstanceRecord.Id)],
    [
        new(nameof(InstanceRecord.Id), i => Value(i.Id)),
        new(nameof(InstanceRecord.DefinitionId), i => Value(i.DefinitionId)),
        new(nameof(InstanceRecord.DefinitionKey), i => Value(i.DefinitionKey)),
        new(nameof(InstanceRecord.DefinitionVersion), i => Value(i.DefinitionVersion)),
        new(nameof(InstanceRecord.BusinessKey), i => Value(i.BusinessKey)),
        new(nameof(InstanceRecord.Status), i => Value(i.Status.ToString())),
        new(nameof(InstanceRecord.State), i => Value(i.State)),
        new(nameof(InstanceRecord.StartedAt), i => Value(i.StartedAt)),
        new(nameof(InstanceRecord.StartedBy), i => Value(i.StartedBy)),
        new(nameof(InstanceRecord.EndedAt), i => Value(i.EndedAt)),
        new(nameof(InstanceRecord.Revision), i => Value(i.Revision)),
        new(nameof(InstanceRecord.OpenIncidents), i => Value(i.OpenIncidents)),
        new(nameof(InstanceRecord.ParentInstanceId), i => Value(i.ParentInstanceId)),
        new(nameof(InstanceRecord.CallerBookmarkId), i => Value(i.CallerBookmarkId)),
    ]);

    public static readonly PostgresTable<BookmarkRecord> Bookmarks = new("bpm_bookmarks", [nameof(BookmarkRecord.Id)],
    [
        new(nameof(BookmarkRecord.Id), b => Value(b.Id)),
        new(nameof(BookmarkRecord.InstanceId), b => Value(b.InstanceId)),
        new(nameof(BookmarkRecord.Kind), b => Value(b.Kind.ToString())),
        new(nameof(BookmarkRecord.Status), b => Value(b.Status.ToString())),
        new(nameof(BookmarkRecord.ElementId), b => Value(b.ElementId)),
        new(nameof(BookmarkRecord.MessageName), b => Value(b.MessageName)),
        new(nameof(BookmarkRecord.CorrelationKey), b => Value(b.CorrelationKey)),
        new(nameof(BookmarkRecord.DueAt), b => Value(b.DueAt)),
        new(nameof(BookmarkRecord.CreatedAt), b => Value(b.CreatedAt)),
        new(nameof(BookmarkRecord.ClosedAt), b => Value(b.ClosedAt)),
        new(nameof(BookmarkRecord.ClosedBy), b => Value(b.ClosedBy)),
        new(nameof(BookmarkRecord.TaskName), b => Value(b.TaskName)),
        new(nameof(BookmarkRecord.Assignee), b => Value(b.Assignee)),
        new(nameof(BookmarkRecord.CandidateUsers), b => Value(b.CandidateUsers)),
        new(nameof(BookmarkRecord.CandidateGroups), b => Value(b.CandidateGroups)),
        new(nameof(BookmarkRecord.TaskDueDate), b => Value(b.TaskDueDate)),
        new(nameof(BookmarkRecord.TaskDueOrder), b => Value(b.TaskDueOrder)),
        new(nameof(BookmarkRecord.FormKey), b => Value(b.FormKey)),
        new(nameof(BookmarkRecord.Priority), b => Value(b.Priority)),
        new(nameof(BookmarkRecord.BusinessKey), b => Value(b.BusinessKey)),
        new(nameof(BookmarkRecord.DefinitionKey), b => Value(b.DefinitionKey)),
        new(nameof(BookmarkRecord.Attempts), b => Value(b.Attempts)),
        new(nameof(BookmarkRecord.LastError), b => Value(b.LastError)),
        new(nameof(BookmarkRecord.ClaimedBy), b => Value(b.ClaimedBy)),
        new(nameof(BookmarkRecord.ClaimedUntil), b => Value(b.ClaimedUntil)),
    ]);

    public static readonly PostgresTable<BookmarkCandidateRecord> Candidates = new("bpm_bookmark_candidates",
        [nameof(BookmarkCandidateRecord.BookmarkId), nameof(BookmarkCandidateRecord.Kind), nameof(BookmarkCandidateRecord.Value)],
    [
        new(nameof(BookmarkCandidateRecord.BookmarkId), c => Value(c.BookmarkId)),
        new(nameof(BookmarkCandidateRecord.Kind), c => Value(c.Kind.ToString())),
        new(nameof(BookmarkCandidateRecord.Value), c => Value(c.Value)),
    ]);

    /// <summary>The journal's key is the database's identity, and no step reads it back.</summary>
    public static readonly PostgresTable<JournalRecord> Journal = new("bpm_journal", [],
    [
        new(nameof(JournalRecord.InstanceId), j => Value(j.InstanceId)),
        new(nameof(JournalRecord.Revision), j => Value(j.Revision)),
        new(nameof(JournalRecord.Ordinal), j => Value(j.Ordinal)),
        new(nameof(JournalRecord.At), j => Value(j.At)),
        new(nameof(JournalRecord.ElementId), j => Value(j.ElementId)),
        new(nameof(JournalRecord.ElementKind), j => Value(j.ElementKind)),
        new(nameof(JournalRecord.Event), j => Value(j.Event)),
        new(nameof(JournalRecord.Actor), j => Value(j.Actor)),
        new(nameof(JournalRecord.Outcome), j => Value(j.Outcome)),
        new(nameof(JournalRecord.Detail), j => Value(j.Detail)),
    ], generated: nameof(JournalRecord.Id));

    private static NpgsqlParameter<T> Value<T>(T value) => new() { TypedValue = value };
}
