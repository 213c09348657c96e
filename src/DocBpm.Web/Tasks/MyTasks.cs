using System.Runtime.CompilerServices;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Web.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace DocBpm.Web.Tasks;

/// <summary>
/// The read behind <c>GET /api/tasks/mine</c>: the first 500 open user tasks assigned to me, or offered to me or one of
/// my groups and not taken, in the order work is done (<see cref="InboxOrder.ToDo"/>), ordered before it is cut so
/// that urgent work never falls off a long list. Every task client asks it before each completion, so it is compiled
/// once per model (each provider's context has its own): as a LINQ query it was built, its parameters extracted and its
/// tree hashed for EF's query cache on every call, about half of the look-up's CPU in the host. The rows are those of
/// the inbox's <see cref="InboxView.All"/> (<see cref="TaskEndpoints.Assigned"/> and
/// <see cref="TaskEndpoints.Offered"/>); <c>MyTasksTests</c> pins the answer.
/// </summary>
internal static class MyTasks
{
    private const int MostListed = 500;

    private static readonly ConditionalWeakTable<IModel, Func<DbContext, string, string, string[], IAsyncEnumerable<BookmarkRecord>>> Compiled = new();

    public static IAsyncEnumerable<BookmarkRecord> Of(EngineDb db, TaskActor actor)
    {
        var (user, groups) = OfferedTo.Folded(actor);
        return Compiled.GetValue(db.Context.Model, _ => Compile())(db.Context, actor.UserName, user, groups);
    }

    private static Func<DbContext, string, string, string[], IAsyncEnumerable<BookmarkRecord>> Compile() =>
        EF.CompileAsyncQuery(OfferedTo.Expand<Func<DbContext, string, string, string[], IQueryable<BookmarkRecord>>>((context, user, foldedUser, foldedGroups) =>
            // Assigned to me, and offered to me but taken by nobody: disjoint, so the cheaper UNION ALL.
            context.Set<BookmarkRecord>().AsNoTracking().Where(TaskEndpoints.IsOpen).Where(b => b.Assignee == user)
                .Concat(context.Set<BookmarkRecord>().AsNoTracking().Where(TaskEndpoints.IsOpen).Where(b => b.Assignee == null
                    && context.Set<BookmarkCandidateRecord>().Where(c => OfferedTo.Names(c, foldedUser, foldedGroups)).Select(c => c.BookmarkId).Contains(b.Id)))
                .OrderByDescending(InboxOrder.Urgency).ThenBy(InboxOrder.Due).ThenBy(InboxOrder.Arrival).ThenBy(InboxOrder.Tie)
                .Take(MostListed)));
}
