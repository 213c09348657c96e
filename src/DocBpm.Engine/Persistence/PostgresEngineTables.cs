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
        Instance(nameof(InstanceRecord.Id), i => i.Id),
        Instance(nameof(InstanceRecord.DefinitionId), i => i.DefinitionId),
        Instance(nameof(InstanceRecord.DefinitionKey), i => i.DefinitionKey),
        Instance(nameof(InstanceRecord.DefinitionVersion), i => i.DefinitionVersion),
        Instance(nameof(InstanceRecord.BusinessKey), i => i.BusinessKey),
        Instance(nameof(InstanceRecord.Status), i => i.Status.ToString()),
        Instance(nameof(InstanceRecord.State), i => i.State),
        Instance(nameof(InstanceRecord.StartedAt), i => i.StartedAt),
        Instance(nameof(InstanceRecord.StartedBy), i => i.StartedBy),
        Instance(nameof(InstanceRecord.EndedAt), i => i.EndedAt),
        Instance(nameof(InstanceRecord.Revision), i => i.Revision),
        Instance(nameof(InstanceRecord.OpenIncidents), i => i.OpenIncidents),
        Instance(nameof(InstanceRecord.ParentInstanceId), i => i.ParentInstanceId),
        Instance(nameof(InstanceRecord.CallerBookmarkId), i => i.CallerBookmarkId),
    ]);

    public static readonly PostgresTable<BookmarkRecord> Bookmarks = new("bpm_bookmarks", [nameof(BookmarkRecord.Id)],
    [
        Bookmark(nameof(BookmarkRecord.Id), b => b.Id),
        Bookmark(nameof(BookmarkRecord.InstanceId), b => b.InstanceId),
        Bookmark(nameof(BookmarkRecord.Kind), b => b.Kind.ToString()),
        Bookmark(nameof(BookmarkRecord.Status), b => b.Status.ToString()),
        Bookmark(nameof(BookmarkRecord.ElementId), b => b.ElementId),
        Bookmark(nameof(BookmarkRecord.MessageName), b => b.MessageName),
        Bookmark(nameof(BookmarkRecord.CorrelationKey), b => b.CorrelationKey),
        Bookmark(nameof(BookmarkRecord.DueAt), b => b.DueAt),
        Bookmark(nameof(BookmarkRecord.CreatedAt), b => b.CreatedAt),
        Bookmark(nameof(BookmarkRecord.ClosedAt), b => b.ClosedAt),
        Bookmark(nameof(BookmarkRecord.ClosedBy), b => b.ClosedBy),
        Bookmark(nameof(BookmarkRecord.TaskName), b => b.TaskName),
        Bookmark(nameof(BookmarkRecord.Assignee), b => b.Assignee),
        Bookmark(nameof(BookmarkRecord.CandidateUsers), b => b.CandidateUsers),
        Bookmark(nameof(BookmarkRecord.CandidateGroups), b => b.CandidateGroups),
        Bookmark(nameof(BookmarkRecord.TaskDueDate), b => b.TaskDueDate),
        Bookmark(nameof(BookmarkRecord.TaskDueOrder), b => b.TaskDueOrder),
        Bookmark(nameof(BookmarkRecord.FormKey), b => b.FormKey),
        Bookmark(nameof(BookmarkRecord.Priority), b => b.Priority),
        Bookmark(nameof(BookmarkRecord.BusinessKey), b => b.BusinessKey),
        Bookmark(nameof(BookmarkRecord.DefinitionKey), b => b.DefinitionKey),
        Bookmark(nameof(BookmarkRecord.Attempts), b => b.Attempts),
        Bookmark(nameof(BookmarkRecord.LastError), b => b.LastError),
        Bookmark(nameof(BookmarkRecord.ClaimedBy), b => b.ClaimedBy),
        Bookmark(nameof(BookmarkRecord.ClaimedUntil), b => b.ClaimedUntil),
    ]);

    public static readonly PostgresTable<BookmarkCandidateRecord> Candidates = new("bpm_bookmark_candidates",
        [nameof(BookmarkCandidateRecord.BookmarkId), nameof(BookmarkCandidateRecord.Kind), nameof(BookmarkCandidateRecord.Value)],
    [
        Candidate(nameof(BookmarkCandidateRecord.BookmarkId), c => c.BookmarkId),
        Candidate(nameof(BookmarkCandidateRecord.Kind), c => c.Kind.ToString()),
        Candidate(nameof(BookmarkCandidateRecord.Value), c => c.Value),
    ]);

    /// <summary>The journal's key is the database's identity, and no step reads it back.</summary>
    public static readonly PostgresTable<JournalRecord> Journal = new("bpm_journal", [],
    [
        Entry(nameof(JournalRecord.InstanceId), j => j.InstanceId),
        Entry(nameof(JournalRecord.Revision), j => j.Revision),
        Entry(nameof(JournalRecord.Ordinal), j => j.Ordinal),
        Entry(nameof(JournalRecord.At), j => j.At),
        Entry(nameof(JournalRecord.ElementId), j => j.ElementId),
        Entry(nameof(JournalRecord.ElementKind), j => j.ElementKind),
        Entry(nameof(JournalRecord.Event), j => j.Event),
        Entry(nameof(JournalRecord.Actor), j => j.Actor),
        Entry(nameof(JournalRecord.Outcome), j => j.Outcome),
        Entry(nameof(JournalRecord.Detail), j => j.Detail),
    ], generated: nameof(JournalRecord.Id));

    private static PostgresColumn<InstanceRecord> Instance<T>(string name, Func<InstanceRecord, T> value) => PostgresColumn<InstanceRecord>.Of(name, value);

    private static PostgresColumn<BookmarkRecord> Bookmark<T>(string name, Func<BookmarkRecord, T> value) => PostgresColumn<BookmarkRecord>.Of(name, value);

    private static PostgresColumn<BookmarkCandidateRecord> Candidate<T>(string name, Func<BookmarkCandidateRecord, T> value) =>
        PostgresColumn<BookmarkCandidateRecord>.Of(name, value);

    private static PostgresColumn<JournalRecord> Entry<T>(string name, Func<JournalRecord, T> value) => PostgresColumn<JournalRecord>.Of(name, value);
}
