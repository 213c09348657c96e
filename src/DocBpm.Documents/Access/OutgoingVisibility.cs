using DocBpm.Documents.Outgoing;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;

namespace DocBpm.Documents.Access;

/// <summary>
/// Who reads an outgoing document, its versions and files: its drafter, the people of its drafting unit, anyone one of
/// its tasks is or was for, the deputy supervising the drafting unit, and those who follow them all
/// (<see cref="Oversight"/>: not the IT admin). Anyone else is told it does not exist.
/// </summary>
public static class OutgoingVisibility
{
    /// <param name="supervises">The reader is the deputy supervising the drafting unit (Lãnh đạo Sở phụ trách).</param>
    /// <param name="tasks">The user tasks of the document's process, open and closed.</param>
    public static bool MayRead(this Reader reader, OutgoingDocument document, bool supervises, IEnumerable<BookmarkRecord> tasks) =>
        document.Drafter == reader.UserName
        || (reader.UnitCode is not null && reader.UnitCode == document.DraftingUnit)
        || supervises
        || reader.Follows(Overseen.Outgoing)
        || tasks.Any(t => reader.MayWork(t) || t.ClosedBy == reader.UserName);

    /// <summary>
    /// The same rule over a query, for the lists and the search: <paramref name="supervisedUnits"/> are the drafting units
    /// the reader supervises as a deputy, <paramref name="withTasks"/> the documents whose tasks (<see cref="TaskKeys"/>)
    /// are or were for the reader.
    /// </summary>
    public static IQueryable<OutgoingDocument> Visible(this Reader reader, IQueryable<OutgoingDocument> documents,
        IReadOnlyCollection<string> supervisedUnits, IReadOnlyCollection<Guid> withTasks)
    {
        if (reader.Follows(Overseen.Outgoing))
            return documents;
        var me = reader.UserName;
        var unit = reader.UnitCode;
        return documents.Where(d => d.Drafter == me || (unit != null && d.DraftingUnit == unit)
            || supervisedUnits.Contains(d.DraftingUnit) || withTasks.Contains(d.Id));
    }

    /// <summary>
    /// The business keys of the outgoing process's user tasks, open or closed, that <see cref="MayRead"/> counts for the
    /// reader: assigned to them, closed by them, or offered to them or to one of their groups while unassigned (an
    /// equality lookup in the candidate rows, <see cref="BookmarkCandidateRecord"/>, not a LIKE per group over every task).
    /// </summary>
    public static IQueryable<string> TaskKeys(this Reader reader, IQueryable<BookmarkRecord> bookmarks, IQueryable<BookmarkCandidateRecord> candidates)
    {
        var me = reader.UserName;
        var user = BookmarkCandidateRecord.Fold(me);
        var groups = reader.Actor.Groups.Select(BookmarkCandidateRecord.Fold).ToList();
        var offered = candidates.Where(c => (c.Kind == CandidateKind.User && c.Value == user) || (c.Kind == CandidateKind.Group && groups.Contains(c.Value)))
            .Select(c => c.BookmarkId);
        return bookmarks.Where(b => b.DefinitionKey == OutgoingProcess.Key && b.Kind == BookmarkKind.UserTask && b.BusinessKey != null
                && (b.Assignee == me || b.ClosedBy == me
                    || (b.Assignee == null && ((b.CandidateUsers == null && b.CandidateGroups == null) || offered.Contains(b.Id)))))
            .Select(b => b.BusinessKey!).Distinct();
    }
}
