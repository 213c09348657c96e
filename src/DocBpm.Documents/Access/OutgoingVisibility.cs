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
    /// reader: assigned to them, closed by them, offered to nobody while unassigned, or offered to them or to one of their
    /// groups while unassigned. Each branch is its own query, read from an index that holds outgoing tasks only (migration
    /// <c>OutgoingTaskIndexes</c>), so the answer is bounded by the reader's outgoing history rather than by every bookmark
    /// of every process: one condition OR-ing them would leave the database no index to read but the whole table. The
    /// offered branches start from the reader's outgoing candidate rows, not from every row naming one of their groups.
    /// </summary>
    public static IQueryable<string> TaskKeys(this Reader reader, IQueryable<BookmarkRecord> bookmarks, IQueryable<BookmarkCandidateRecord> candidates)
    {
        var me = reader.UserName;
        var user = BookmarkCandidateRecord.Fold(me);
        var groups = reader.Actor.Groups.Select(BookmarkCandidateRecord.Fold).ToList();
        var tasks = bookmarks.Where(b => b.DefinitionKey == OutgoingProcess.Key && b.Kind == BookmarkKind.UserTask && b.BusinessKey != null);
        var unassigned = tasks.Where(b => b.Assignee == null);
        var outgoing = candidates.Where(c => c.DefinitionKey == OutgoingProcess.Key);
        return tasks.Where(b => b.Assignee == me).Select(b => b.BusinessKey!)
            .Union(tasks.Where(b => b.ClosedBy == me).Select(b => b.BusinessKey!))
            .Union(unassigned.Where(b => b.CandidateUsers == null && b.CandidateGroups == null).Select(b => b.BusinessKey!))
            .Union(OfferedKeys(outgoing.Where(c => c.Kind == CandidateKind.User && c.Value == user), unassigned))
            .Union(OfferedKeys(outgoing.Where(c => c.Kind == CandidateKind.Group && groups.Contains(c.Value)), unassigned));
    }

    /// <summary>The business keys of the <paramref name="unassigned"/> tasks the <paramref name="offers"/> name, each found by its key.</summary>
    private static IQueryable<string> OfferedKeys(IQueryable<BookmarkCandidateRecord> offers, IQueryable<BookmarkRecord> unassigned) =>
        offers.Join(unassigned, c => c.BookmarkId, b => b.Id, (_, b) => b.BusinessKey!);
}
