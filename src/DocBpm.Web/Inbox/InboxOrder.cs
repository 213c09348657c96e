using System.Buffers.Text;
using System.Globalization;
using System.Text;
using DocBpm.Engine.Persistence;

namespace DocBpm.Web.Inbox;

/// <summary>
/// The last row of an inbox page, handed to the client as the continuation token: the next page starts strictly after
/// it in <see cref="InboxOrder"/>, a total order (the id breaks every tie), so work that arrives or is completed while
/// someone pages neither repeats nor hides a row that is still open. <paramref name="Done"/> marks the completed tray's
/// order (<paramref name="At"/> is then the closing instant); otherwise <paramref name="At"/> is the creation.
/// </summary>
public sealed record InboxPosition(bool Done, int Priority, DateTimeOffset? Due, DateTimeOffset At, Guid Id)
{
    private const char Separator = '|';

    public static InboxPosition Of(BookmarkRecord task, bool done) =>
        new(done, task.Priority, task.TaskDueDate, done ? task.ClosedAt ?? task.CreatedAt : task.CreatedAt, task.Id);

    public string Token => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join(Separator, Done ? "d" : "o",
        Priority.ToString(CultureInfo.InvariantCulture), Due?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "",
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
            ? new InboxPosition(parts[0] == "d", priority, due, at.Value, id)
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
/// deadlines, so it leads its urgency), then oldest, then id. Completed work: most recently closed first.
/// </summary>
public static class InboxOrder
{
    public static IQueryable<BookmarkRecord> ToDo(IQueryable<BookmarkRecord> tasks) =>
        tasks.OrderByDescending(b => b.Priority).ThenBy(b => b.TaskDueDate == null).ThenBy(b => b.TaskDueDate)
            .ThenBy(b => b.CreatedAt).ThenBy(b => b.Id);

    public static IQueryable<BookmarkRecord> Done(IQueryable<BookmarkRecord> tasks) =>
        tasks.OrderByDescending(b => b.ClosedAt).ThenByDescending(b => b.Id);

    /// <summary>The rows of <paramref name="tasks"/> after <paramref name="p"/> in <see cref="ToDo"/>'s order.</summary>
    public static IQueryable<BookmarkRecord> AfterToDo(IQueryable<BookmarkRecord> tasks, InboxPosition p) => p.Due is { } due
        ? tasks.Where(b => b.Priority < p.Priority || (b.Priority == p.Priority && (b.TaskDueDate == null || b.TaskDueDate > due
            || (b.TaskDueDate == due && (b.CreatedAt > p.At || (b.CreatedAt == p.At && b.Id.CompareTo(p.Id) > 0))))))
        : tasks.Where(b => b.Priority < p.Priority || (b.Priority == p.Priority && b.TaskDueDate == null
            && (b.CreatedAt > p.At || (b.CreatedAt == p.At && b.Id.CompareTo(p.Id) > 0))));

    /// <summary>The rows of <paramref name="tasks"/> after <paramref name="p"/> in <see cref="Done"/>'s order.</summary>
    public static IQueryable<BookmarkRecord> AfterDone(IQueryable<BookmarkRecord> tasks, InboxPosition p) =>
        tasks.Where(b => b.ClosedAt < p.At || (b.ClosedAt == p.At && b.Id.CompareTo(p.Id) < 0));
}
