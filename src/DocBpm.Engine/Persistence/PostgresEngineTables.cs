using System.Runtime.CompilerServices;
using DocBpm.Engine.Runtime;

namespace DocBpm.Engine.Persistence;

/// <summary>
/// The engine tables a step writes, column by column, as <see cref="PostgresStepWriter"/> sends them and, for the bookmark
/// and its instance, as <see cref="PostgresBookmarkRead"/> reads them back. Values are stored and read as EF stores and
/// reads them on PostgreSQL (<see cref="EngineModel"/>): enums by name, instants as timestamptz. A column missing here is
/// caught before any write or read (<see cref="PostgresTable{TRow}.Matches"/>), and the step or the read then goes
/// through EF.
/// </summary>
internal static class PostgresEngineTables
{
    public static readonly PostgresTable<InstanceRecord> Instances = new("bpm_instances", [nameof(InstanceRecord.Id)],
    [
        Instance(nameof(InstanceRecord.Id), i => i.Id, (i, v) => i.Id = v),
        Instance(nameof(InstanceRecord.DefinitionId), i => i.DefinitionId, (i, v) => i.DefinitionId = v),
        Instance(nameof(InstanceRecord.DefinitionKey), i => i.DefinitionKey, (i, v) => i.DefinitionKey = v),
        Instance(nameof(InstanceRecord.DefinitionVersion), i => i.DefinitionVersion, (i, v) => i.DefinitionVersion = v),
        Instance(nameof(InstanceRecord.BusinessKey), i => i.BusinessKey, (i, v) => i.BusinessKey = v),
        Instance(nameof(InstanceRecord.Status), i => i.Status.ToString(), (i, v) => i.Status = Named<InstanceStatus>(v)),
        Instance(nameof(InstanceRecord.State), i => i.State, (i, v) => i.State = v),
        Instance(nameof(InstanceRecord.StartedAt), i => i.StartedAt, (i, v) => i.StartedAt = v),
        Instance(nameof(InstanceRecord.StartedBy), i => i.StartedBy, (i, v) => i.StartedBy = v),
        Instance(nameof(InstanceRecord.EndedAt), i => i.EndedAt, (i, v) => i.EndedAt = v),
        Instance(nameof(InstanceRecord.Revision), i => i.Revision, (i, v) => i.Revision = v),
        Instance(nameof(InstanceRecord.OpenIncidents), i => i.OpenIncidents, (i, v) => i.OpenIncidents = v),
        Instance(nameof(InstanceRecord.ParentInstanceId), i => i.ParentInstanceId, (i, v) => i.ParentInstanceId = v),
        Instance(nameof(InstanceRecord.CallerBookmarkId), i => i.CallerBookmarkId, (i, v) => i.CallerBookmarkId = v),
    ]);

    public static readonly PostgresTable<BookmarkRecord> Bookmarks = new("bpm_bookmarks", [nameof(BookmarkRecord.Id)],
    [
        Bookmark(nameof(BookmarkRecord.Id), b => b.Id, (b, v) => b.Id = v),
        Bookmark(nameof(BookmarkRecord.InstanceId), b => b.InstanceId, (b, v) => b.InstanceId = v),
        Bookmark(nameof(BookmarkRecord.Kind), b => b.Kind.ToString(), (b, v) => b.Kind = Named<BookmarkKind>(v)),
        Bookmark(nameof(BookmarkRecord.Status), b => b.Status.ToString(), (b, v) => b.Status = Named<BookmarkStatus>(v)),
        Bookmark(nameof(BookmarkRecord.ElementId), b => b.ElementId, (b, v) => b.ElementId = v),
        Bookmark(nameof(BookmarkRecord.MessageName), b => b.MessageName, (b, v) => b.MessageName = v),
        Bookmark(nameof(BookmarkRecord.CorrelationKey), b => b.CorrelationKey, (b, v) => b.CorrelationKey = v),
        Bookmark(nameof(BookmarkRecord.DueAt), b => b.DueAt, (b, v) => b.DueAt = v),
        Bookmark(nameof(BookmarkRecord.CreatedAt), b => b.CreatedAt, (b, v) => b.CreatedAt = v),
        Bookmark(nameof(BookmarkRecord.ClosedAt), b => b.ClosedAt, (b, v) => b.ClosedAt = v),
        Bookmark(nameof(BookmarkRecord.ClosedBy), b => b.ClosedBy, (b, v) => b.ClosedBy = v),
        Bookmark(nameof(BookmarkRecord.TaskName), b => b.TaskName, (b, v) => b.TaskName = v),
        Bookmark(nameof(BookmarkRecord.Assignee), b => b.Assignee, (b, v) => b.Assignee = v),
        Bookmark(nameof(BookmarkRecord.CandidateUsers), b => b.CandidateUsers, (b, v) => b.CandidateUsers = v),
        Bookmark(nameof(BookmarkRecord.CandidateGroups), b => b.CandidateGroups, (b, v) => b.CandidateGroups = v),
        Bookmark(nameof(BookmarkRecord.TaskDueDate), b => b.TaskDueDate, (b, v) => b.TaskDueDate = v),
        // After the due date, whose setter derives the order: the stored order is what EF reads, whatever wrote it.
        Bookmark(nameof(BookmarkRecord.TaskDueOrder), b => b.TaskDueOrder, SetTaskDueOrder),
        Bookmark(nameof(BookmarkRecord.FormKey), b => b.FormKey, (b, v) => b.FormKey = v),
        Bookmark(nameof(BookmarkRecord.Priority), b => b.Priority, (b, v) => b.Priority = v),
        Bookmark(nameof(BookmarkRecord.BusinessKey), b => b.BusinessKey, (b, v) => b.BusinessKey = v),
        Bookmark(nameof(BookmarkRecord.DefinitionKey), b => b.DefinitionKey, (b, v) => b.DefinitionKey = v),
        Bookmark(nameof(BookmarkRecord.Attempts), b => b.Attempts, (b, v) => b.Attempts = v),
        Bookmark(nameof(BookmarkRecord.LastError), b => b.LastError, (b, v) => b.LastError = v),
        Bookmark(nameof(BookmarkRecord.ClaimedBy), b => b.ClaimedBy, (b, v) => b.ClaimedBy = v),
        Bookmark(nameof(BookmarkRecord.ClaimedUntil), b => b.ClaimedUntil, (b, v) => b.ClaimedUntil = v),
    ]);

    public static readonly PostgresTable<BookmarkCandidateRecord> Candidates = new("bpm_bookmark_candidates",
        [nameof(BookmarkCandidateRecord.BookmarkId), nameof(BookmarkCandidateRecord.Kind), nameof(BookmarkCandidateRecord.Value)],
    [
        Candidate(nameof(BookmarkCandidateRecord.BookmarkId), c => c.BookmarkId),
        Candidate(nameof(BookmarkCandidateRecord.Kind), c => c.Kind.ToString()),
        Candidate(nameof(BookmarkCandidateRecord.Value), c => c.Value),
        Candidate(nameof(BookmarkCandidateRecord.DefinitionKey), c => c.DefinitionKey),
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

    private static PostgresColumn<InstanceRecord> Instance<T>(string name, Func<InstanceRecord, T> value, Action<InstanceRecord, T> read) =>
        PostgresColumn<InstanceRecord>.Of(name, value, read);

    private static PostgresColumn<BookmarkRecord> Bookmark<T>(string name, Func<BookmarkRecord, T> value, Action<BookmarkRecord, T> read) =>
        PostgresColumn<BookmarkRecord>.Of(name, value, read);

    private static PostgresColumn<BookmarkCandidateRecord> Candidate<T>(string name, Func<BookmarkCandidateRecord, T> value) =>
        PostgresColumn<BookmarkCandidateRecord>.Of(name, value);

    private static PostgresColumn<JournalRecord> Entry<T>(string name, Func<JournalRecord, T> value) => PostgresColumn<JournalRecord>.Of(name, value);

    /// <summary>An enum stored by name, parsed as EF's string converter parses it: any case, a number, or else the default.</summary>
    private static TEnum Named<TEnum>(string name)
        where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(name, ignoreCase: true, out var value) ? value : default;

    /// <summary>The order's setter is private so that nothing but the due date moves it; EF, too, writes it past that.</summary>
    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_TaskDueOrder")]
    private static extern void SetTaskDueOrder(BookmarkRecord bookmark, DateTimeOffset value);
}
