using System.Buffers.Text;
using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using DocBpm.Engine.Persistence;

namespace DocBpm.Web.Inbox;

/// <summary>
/// The last row of an inbox page, handed to the client as the continuation token: the next page starts strictly after
/// it in <see cref="InboxOrder"/>, a total order (the id breaks every tie), so work that arrives or is completed while
/// someone pages neither repeats nor hides a row that is still open. <paramref name="Done"/> marks the completed tray's
/// order (<paramref name="At"/> is then the closing instant); otherwise <paramref name="At"/> is the creation and
/// <paramref name="Due"/> the task's <see cref="BookmarkRecord.TaskDueOrder"/>.
/// </summary>
public sealed record InboxPosition(bool Done, int Priority, DateTimeOffset Due, DateTimeOffset At, Guid Id)
{
    private const char Separator = '|';

    public static InboxPosition Of(BookmarkRecord task, bool done) =>
        new(done, task.Priority, task.TaskDueOrder, done ? task.ClosedAt ?? task.CreatedAt : task.CreatedAt, task.Id);

    public string Token => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join(Separator, Done ? "d" : "o",
        Priority.ToString(CultureInfo.InvariantCulture), Due.UtcTicks.ToString(CultureInfo.InvariantCulture),
        At.UtcTicks.ToString(CultureInfo.InvariantCulture), Id.ToString("N"))));

    /// <summary>The position a token names; null for anything this class did not write (garbled, truncated, edited out of shape).</summary>
    public static InboxPosition? Parse(string token)
    {
        if (token.Length > 200 || !Base64Url.IsValid(token))
            return null;
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(Base64Url.DecodeFromChars(token));
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        var parts = text.Split(Separator);
        return parts.Length == 5 && parts[0] is "o" or "d"
            && int.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var priority)
            && Instant(parts[2], out var due)
            && Instant(parts[3], out var at) && at is not null
            && Guid.TryParseExact(parts[4], "N", out var id)
            // An empty due is how tokens handed out before the stored order named "no deadline".
            ? new InboxPosition(parts[0] == "d", priority, due ?? BookmarkRecord.NoDeadline, at.Value, id)
            : null;
    }

    private static bool Instant(string ticks, out DateTimeOffset? instant)
    {
        instant = null;
        if (ticks.Length == 0)
            return true;
        if (!long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > DateTimeOffset.MaxValue.UtcTicks)
            return false;
        instant = new DateTimeOffset(value, TimeSpan.Zero);
        return true;
    }
}

/// <summary>
/// The order the inbox lists work in, and where a page starts. Open work: most urgent first (the task's priority, which
/// the processes set from the document's urgency), then soonest due (no deadline last; overdue work has the earliest
/// deadlines, so it leads its urgency), then oldest, then id: stored columns all (<see cref="BookmarkRecord.TaskDueOrder"/>),
/// which two indexes of open user tasks hold in this order, one per assignee and one of the work nobody took (migration
/// <c>InboxStoredOrder</c>). Completed work: most recently closed first.
/// </summary>
public static class InboxOrder
{
    public static IQueryable<BookmarkRecord> ToDo(IQueryable<BookmarkRecord> tasks) =>
        tasks.OrderByDescending(b => b.Priority).ThenBy(b => b.TaskDueOrder).ThenBy(b => b.CreatedAt).ThenBy(b => b.Id);

    /// <summary>
    /// <see cref="ToDo"/> applied to a query that is itself part of an expression (a compiled query's, which cannot call
    /// it on the query it is built of): the same keys, built by <see cref="ToDo"/> on a query that only records them.
    /// </summary>
    public static Expression ToDo(Expression tasks) => ToDo(new EnumerableQuery<BookmarkRecord>(tasks)).Expression;

    public static IQueryable<BookmarkRecord> Done(IQueryable<BookmarkRecord> tasks) =>
        tasks.OrderByDescending(b => b.ClosedAt).ThenByDescending(b => b.Id);

    /// <summary>
    /// The first <paramref name="count"/> open tasks of the disjoint <paramref name="branches"/> (assigned to me, offered
    /// to me) after <paramref name="after"/>: each branch is read in its index's order and cut before they are merged, so a
    /// page reads about <paramref name="count"/> rows of each rather than sorting all open work.
    /// </summary>
    public static IQueryable<BookmarkRecord> FirstToDo(IReadOnlyList<IQueryable<BookmarkRecord>> branches, InboxPosition? after, int count)
    {
        var cut = branches.Select(b => ToDo(after is null ? b : AfterToDo(b, after)).Take(count)).ToList();
        return cut.Count == 1 ? cut[0] : ToDo(cut.Aggregate(Queryable.Concat)).Take(count);
    }

    /// <summary>The first <paramref name="count"/> completed tasks of <paramref name="tasks"/> after <paramref name="after"/>.</summary>
    public static IQueryable<BookmarkRecord> FirstDone(IQueryable<BookmarkRecord> tasks, InboxPosition? after, int count) =>
        Done(after is null ? tasks : AfterDone(tasks, after)).Take(count);

    /// <summary>
    /// The rows of <paramref name="tasks"/> after <paramref name="p"/> in <see cref="ToDo"/>'s order. The priority bound is
    /// said on its own as well, so that the index is entered at the position's priority instead of at its start.
    /// </summary>
    private static IQueryable<BookmarkRecord> AfterToDo(IQueryable<BookmarkRecord> tasks, InboxPosition p) =>
        tasks.Where(b => b.Priority <= p.Priority && (b.Priority < p.Priority || b.TaskDueOrder > p.Due
            || (b.TaskDueOrder == p.Due && (b.CreatedAt > p.At || (b.CreatedAt == p.At && b.Id.CompareTo(p.Id) > 0)))));

    /// <summary>The rows of <paramref name="tasks"/> after <paramref name="p"/> in <see cref="Done"/>'s order.</summary>
    private static IQueryable<BookmarkRecord> AfterDone(IQueryable<BookmarkRecord> tasks, InboxPosition p) =>
        tasks.Where(b => b.ClosedAt < p.At || (b.ClosedAt == p.At && b.Id.CompareTo(p.Id) < 0));
}
