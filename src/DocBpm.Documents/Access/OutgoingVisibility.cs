using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using DocBpm.Documents.Outgoing;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using Microsoft.EntityFrameworkCore.Query;

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
        IReadOnlyCollection<string> supervisedUnits, IReadOnlyCollection<Guid> withTasks) =>
        reader.Visible(documents, supervisedUnits, d => withTasks.Contains(d.Id));

    /// <summary>
    /// The same rule over a query for a reader whose outgoing tasks are too many to list first (a unit's years of reviews
    /// offered to all its people): each document, newest first, is asked whether one of its outgoing tasks is or was for
    /// the reader, through the outgoing tasks by business key (migration <c>OutgoingListIndexes</c>) and the candidate
    /// rows by task. A page then costs the documents read until it is full, not every task the reader's unit ever had.
    /// </summary>
    [SuppressMessage("Performance", "CA1862", Justification = "Translated to SQL: the key is compared as the index holds it, lower case")]
    public static IQueryable<OutgoingDocument> Visible(this Reader reader, IQueryable<OutgoingDocument> documents,
        IReadOnlyCollection<string> supervisedUnits, IQueryable<BookmarkRecord> bookmarks, IQueryable<BookmarkCandidateRecord> candidates)
    {
        var me = reader.UserName;
        var naming = BookmarkCandidateRecord.Naming(reader.Actor);
        var tasks = OutgoingTasks(bookmarks);
        // Each question is a scalar subquery cut at one row, which PostgreSQL asks row by row through its index: a plain
        // EXISTS it turned into a hash of every outgoing task that passes, read whole for each page (320 ms at 100,000
        // outgoing documents). A business key is the document's id as Guid.ToString() writes it, lower case; SQLite stores
        // a Guid upper case.
        return reader.Visible(documents, supervisedUnits, d => tasks
            .Where(b => b.BusinessKey == d.Id.ToString().ToLower()
                && (b.Assignee == me || b.ClosedBy == me
                    || (b.Assignee == null && ((b.CandidateUsers == null && b.CandidateGroups == null)
                        || candidates.Where(c => c.BookmarkId == b.Id).Where(naming)
                            .OrderBy(c => c.Value).Select(c => (Guid?)c.BookmarkId).FirstOrDefault() != null))))
            .OrderBy(b => b.Id).Select(b => (Guid?)b.Id).FirstOrDefault() != null);
    }

    private static IQueryable<OutgoingDocument> Visible(this Reader reader, IQueryable<OutgoingDocument> documents,
        IReadOnlyCollection<string> supervisedUnits, Expression<Func<OutgoingDocument, bool>> withTasks)
    {
        if (reader.Follows(Overseen.Outgoing))
            return documents;
        var me = reader.UserName;
        var unit = reader.UnitCode;
        Expression<Func<OutgoingDocument, bool>> own = d => d.Drafter == me || (unit != null && d.DraftingUnit == unit) || supervisedUnits.Contains(d.DraftingUnit);
        var document = own.Parameters[0];
        return documents.Where(Expression.Lambda<Func<OutgoingDocument, bool>>(
            Expression.OrElse(own.Body, ReplacingExpressionVisitor.Replace(withTasks.Parameters[0], document, withTasks.Body)), document));
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
        var tasks = OutgoingTasks(bookmarks).Where(b => b.BusinessKey != null);
        var unassigned = tasks.Where(b => b.Assignee == null);
        var (toMe, toMyGroups) = OutgoingOffers(reader, candidates);
        return tasks.Where(b => b.Assignee == me).Select(b => b.BusinessKey!)
            .Union(tasks.Where(b => b.ClosedBy == me).Select(b => b.BusinessKey!))
            .Union(unassigned.Where(b => b.CandidateUsers == null && b.CandidateGroups == null).Select(b => b.BusinessKey!))
            .Union(OfferedKeys(toMe, unassigned))
            .Union(OfferedKeys(toMyGroups, unassigned));
    }

    /// <summary>
    /// One row for each outgoing task assigned to or closed by the reader and each offer of one to them or one of their
    /// groups: <see cref="TaskKeys"/>' rows before they are joined, read from the same indexes alone (no task is read),
    /// so that counting them tells cheaply whether the reader's outgoing tasks are few enough to list.
    /// </summary>
    public static IQueryable<int> TaskMentions(this Reader reader, IQueryable<BookmarkRecord> bookmarks, IQueryable<BookmarkCandidateRecord> candidates)
    {
        var me = reader.UserName;
        var tasks = OutgoingTasks(bookmarks);
        var (toMe, toMyGroups) = OutgoingOffers(reader, candidates);
        return tasks.Where(b => b.Assignee == me).Select(_ => 1)
            .Concat(tasks.Where(b => b.ClosedBy == me).Select(_ => 1))
            .Concat(toMe.Select(_ => 1))
            .Concat(toMyGroups.Select(_ => 1));
    }

    private static IQueryable<BookmarkRecord> OutgoingTasks(IQueryable<BookmarkRecord> bookmarks) =>
        bookmarks.Where(b => b.DefinitionKey == OutgoingProcess.Key && b.Kind == BookmarkKind.UserTask);

    /// <summary>
    /// The outgoing candidate rows naming the reader, and those naming one of their groups: a query each, as an OR of the
    /// two is no range of their index, which was then read whole.
    /// </summary>
    private static (IQueryable<BookmarkCandidateRecord> ToMe, IQueryable<BookmarkCandidateRecord> ToMyGroups) OutgoingOffers(
        Reader reader, IQueryable<BookmarkCandidateRecord> candidates)
    {
        var (user, groups) = reader.Actor.Folded();
        var offers = candidates.Where(c => c.DefinitionKey == OutgoingProcess.Key);
        return (offers.Where(c => c.Kind == CandidateKind.User && c.Value == user), offers.Where(c => c.Kind == CandidateKind.Group && groups.Contains(c.Value)));
    }

    /// <summary>The business keys of the <paramref name="unassigned"/> tasks the <paramref name="offers"/> name, each found by its key.</summary>
    private static IQueryable<string> OfferedKeys(IQueryable<BookmarkCandidateRecord> offers, IQueryable<BookmarkRecord> unassigned) =>
        offers.Join(unassigned, c => c.BookmarkId, b => b.Id, (_, b) => b.BusinessKey!);
}
