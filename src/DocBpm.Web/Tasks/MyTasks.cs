using System.Linq.Expressions;
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
/// that urgent work never falls off a long list. Every task client asks it before each completion, so its queries are
/// compiled once per model (each provider's context has its own): as LINQ they were built, their parameters extracted and
/// their trees hashed for EF's query cache on every call, about half of the look-up's CPU in the host. The rows are those
/// of the inbox's <see cref="InboxView.All"/> (<see cref="TaskEndpoints.Assigned"/> and <see cref="TaskEndpoints.Offered"/>);
/// <c>MyTasksTests</c> pins the answer.
/// <para>
/// Whom work can be offered to decides the statement. The statement with both halves reads the open work nobody took
/// in the list's order and asks the candidates about each task until it has 500 offered to me (<see cref="Queries.AssignedOrOffered"/>),
/// one plan for everybody, bounded by the open work however long the history; but for a person no candidate row names it
/// asks about every such task to find none (about 20 ms at 1,000,000 documents). Such a person can be offered nothing:
/// they are answered by an index probe of the candidates and the assigned half alone, each with one plan right whoever
/// asks, which a prepared session keeps.
/// </para>
/// </summary>
internal static class MyTasks
{
    private const int MostListed = 500;

    private static readonly ConditionalWeakTable<IModel, Queries> Compiled = new();

    /// <summary>The most groups <see cref="Queries.Named"/> asks about; a person in more is read with both halves.</summary>
    private const int MostGroupsProbed = 4;

    /// <summary>
    /// Assigned to me, and offered to me but taken by nobody: disjoint, so the cheaper UNION ALL. Each half is read in the
    /// list's order from its index (migration <c>InboxStoredOrder</c>) and cut at 500 before the two are merged, as the
    /// inbox's pages are (<see cref="InboxOrder.FirstToDo"/>): the offered half walks the open work nobody took and asks
    /// the candidates about each task (<see cref="OfferedTo.Offers"/>) until it has 500. Read whole and then sorted, it
    /// fetched and asked about every open task nobody took: at 1,000,000 documents 17,196 buffers for a clerk or a unit
    /// head, against 6,885 and 10,970 now, in the same plan for both whether planned for them or once for everybody.
    /// Compiled by <see cref="Queries.AssignedOrOffered"/>; a test plans it as it stands.
    /// </summary>
    internal static readonly Expression<Func<DbContext, string, string, string[], IQueryable<BookmarkRecord>>> AssignedOrOffered =
        OfferedTo.Expand<Func<DbContext, string, string, string[], IQueryable<BookmarkRecord>>>((context, user, foldedUser, foldedGroups) =>
            InboxOrder.ToDo(InboxOrder.ToDo(context.Set<BookmarkRecord>().AsNoTracking().Where(TaskEndpoints.IsOpen).Where(b => b.Assignee == user))
                .Take(MostListed)
                .Concat(InboxOrder.ToDo(context.Set<BookmarkRecord>().AsNoTracking().Where(TaskEndpoints.IsOpen)
                    .Where(b => b.Assignee == null && OfferedTo.Offers(context, b.Id, foldedUser, foldedGroups)))
                    .Take(MostListed)))
                .Take(MostListed));

    public static async IAsyncEnumerable<BookmarkRecord> Of(EngineDb db, TaskActor actor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (user, groups) = actor.Folded();
        var queries = Compiled.GetValue(db.Context.Model, _ => new Queries());
        var tasks = groups.Length > MostGroupsProbed || await queries.Named(db.Context, user, Probed(groups, 0), Probed(groups, 1), Probed(groups, 2),
            Probed(groups, 3), cancellationToken)
            ? queries.AssignedOrOffered(db.Context, actor.UserName, user, groups)
            : queries.Assigned(db.Context, actor.UserName);
        await foreach (var task in tasks.WithCancellation(cancellationToken))
            yield return task;
    }

    /// <summary>The <paramref name="index"/>th group, or no name: no candidate row holds the empty name.</summary>
    private static string Probed(string[] groups, int index) => index < groups.Length ? groups[index] : "";

    private sealed class Queries
    {
        /// <summary>
        /// Whether a candidate row, of open work or not, names me or one of my groups (<see cref="OfferedTo.Holds"/> for
        /// each name), in one statement of fixed text: a query over the list of groups did not translate. Rooted at one
        /// row of the candidates because a query needs a table: with no candidate rows at all nobody is offered anything.
        /// The first by key, since a row limit on an unordered read is refused (it is one descent of the key's index).
        /// </summary>
        public readonly Func<DbContext, string, string, string, string, string, CancellationToken, Task<bool>> Named =
            EF.CompileAsyncQuery(OfferedTo.Expand<Func<DbContext, string, string, string, string, string, CancellationToken, bool>>(
                (context, foldedUser, group0, group1, group2, group3, cancellationToken) => context.Set<BookmarkCandidateRecord>().OrderBy(c => c.BookmarkId).Take(1).Any(root =>
                    OfferedTo.Holds(context, CandidateKind.User, foldedUser) || OfferedTo.Holds(context, CandidateKind.Group, group0)
                    || OfferedTo.Holds(context, CandidateKind.Group, group1) || OfferedTo.Holds(context, CandidateKind.Group, group2)
                    || OfferedTo.Holds(context, CandidateKind.Group, group3))));

        /// <summary>Assigned to me, over the assignee's index in the list's order.</summary>
        public readonly Func<DbContext, string, IAsyncEnumerable<BookmarkRecord>> Assigned =
            EF.CompileAsyncQuery(OfferedTo.Expand<Func<DbContext, string, IQueryable<BookmarkRecord>>>((context, user) =>
                InboxOrder.ToDo(context.Set<BookmarkRecord>().AsNoTracking().Where(TaskEndpoints.IsOpen).Where(b => b.Assignee == user))
                    .Take(MostListed)));

        /// <summary>Assigned to me, and offered to me but taken by nobody (<see cref="MyTasks.AssignedOrOffered"/>).</summary>
        public readonly Func<DbContext, string, string, string[], IAsyncEnumerable<BookmarkRecord>> AssignedOrOffered =
            EF.CompileAsyncQuery(MyTasks.AssignedOrOffered);
    }
}
