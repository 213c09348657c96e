using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Web.Tasks;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Inbox;

/// <summary>The inbox's three trays, as VN e-office products name them, and everything open at once.</summary>
public enum InboxView
{
    /// <summary>All my open work: offered to me or mine.</summary>
    All,

    /// <summary>Chờ xử lý: offered to me or my unit, not taken by anyone yet (the new, unread work).</summary>
    Waiting,

    /// <summary>Đang xử lý: assigned to me or claimed by me, still open.</summary>
    InProgress,

    /// <summary>Đã xử lý: the steps I completed.</summary>
    Done,
}

/// <summary>The one definition of each tray, shared by the inbox list and the navigation's counts.</summary>
public static class InboxTrays
{
    public static IQueryable<BookmarkRecord> Of(this InboxView view, EngineDb engine, TaskActor actor) => view.Branches(engine, actor).Aggregate(Queryable.Concat);

    /// <summary>The tray's first <paramref name="count"/> rows after <paramref name="after"/> (null: from the top), in <see cref="InboxOrder"/>.</summary>
    public static IQueryable<BookmarkRecord> First(this InboxView view, EngineDb engine, TaskActor actor, InboxPosition? after, int count) =>
        view == InboxView.Done ? InboxOrder.FirstDone(view.Of(engine, actor), after, count) : InboxOrder.FirstToDo(view.Branches(engine, actor), after, count);

    /// <summary>
    /// The tray's rows as disjoint parts that an index each reads in <see cref="InboxOrder"/>: all open work is what is
    /// assigned to me and what is offered to me, merged page by page (<see cref="InboxOrder.FirstToDo"/>).
    /// </summary>
    public static IReadOnlyList<IQueryable<BookmarkRecord>> Branches(this InboxView view, EngineDb engine, TaskActor actor) => view switch
    {
        InboxView.Waiting => [TaskEndpoints.Offered(engine, actor)],
        InboxView.InProgress => [TaskEndpoints.Assigned(engine, actor)],
        InboxView.Done => [engine.Bookmarks.AsNoTracking()
            .Where(b => b.Kind == BookmarkKind.UserTask && b.Status == BookmarkStatus.Completed && b.ClosedBy == actor.UserName)],
        _ => [TaskEndpoints.Assigned(engine, actor), TaskEndpoints.Offered(engine, actor)],
    };

    /// <summary>The tray named in the inbox's query string (<c>?view=waiting|in-progress|done</c>); anything else is all open work.</summary>
    public static InboxView Parse(string? view) => view switch
    {
        "waiting" => InboxView.Waiting,
        "in-progress" => InboxView.InProgress,
        "done" => InboxView.Done,
        _ => InboxView.All,
    };

    public static string Slug(this InboxView view) => view switch
    {
        InboxView.Waiting => "waiting",
        InboxView.InProgress => "in-progress",
        InboxView.Done => "done",
        _ => "",
    };

    public static string Vietnamese(this InboxView view) => view switch
    {
        InboxView.Waiting => "Chờ xử lý",
        InboxView.InProgress => "Đang xử lý",
        InboxView.Done => "Đã xử lý",
        _ => "Tất cả việc đang mở",
    };
}
