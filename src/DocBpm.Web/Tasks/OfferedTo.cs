using System.Linq.Expressions;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Web.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace DocBpm.Web.Tasks;

/// <summary>
/// "Offered to me" in <see cref="MyTasks"/>' compiled queries, which cannot call a method that builds part of them from
/// their own parameters: they write <see cref="Names"/> where the condition (<see cref="BookmarkCandidateRecord.NamesEither"/>)
/// goes and have it replaced by the condition on their own parameters before they are compiled (<see cref="Expand{TDelegate}"/>);
/// a query built per call (<see cref="TaskEndpoints.Offered"/>) sends the person's names as parameters instead
/// (<see cref="BookmarkCandidateRecord.Naming"/>).
/// </summary>
internal static class OfferedTo
{
    /// <summary>
    /// Whether a candidate row of the kind holds the name: the first candidate at or after it in the candidates' (kind,
    /// value) index, compared with it. The only cheap plan of that is one descent of the index, whatever the planner
    /// guesses, so a plan made once is right for everybody. The plain "a row with my name exists" is not: a handful of
    /// names over millions of rows, so its generic plan reads the table until it meets one, and read all two million rows
    /// for the Director, whom none names (570 ms at 1,000,000 documents).
    /// </summary>
    private static readonly Expression<Func<DbContext, CandidateKind, string, bool>> Held = (context, kind, name) =>
        context.Set<BookmarkCandidateRecord>().Where(c => c.Kind == kind && string.Compare(c.Value, name) >= 0)
            .OrderBy(c => c.Value).Select(c => c.Value).FirstOrDefault() == name;

    /// <summary>
    /// Whether a candidate row of the task names me or one of my groups, asked task by task: one descent of the
    /// candidates' key, which starts with the task. Written as the first such row's task (a scalar subquery cut at one
    /// row, which PostgreSQL never turns into a join) rather than "is among the candidates' tasks", which it joins as it
    /// prices best: planned for a unit head at 1,000,000 documents, that read every open task nobody took and sorted them
    /// (17,193 buffers) where reading in order stops at the 500th offered (10,968), and a clerk's groups are named by a
    /// million candidate rows, nearly all of closed tasks. The planner counts every task as passing this condition, so a
    /// list cut at a few hundred is read in its index's order and stops at its last row, for everybody.
    /// </summary>
    private static readonly Expression<Func<DbContext, Guid, string, string[], bool>> OfferedTask = (context, task, user, groups) =>
        context.Set<BookmarkCandidateRecord>().Where(c => c.BookmarkId == task && Names(c, user, groups))
            .Select(c => (Guid?)c.BookmarkId).FirstOrDefault() != null;

    /// <summary>
    /// Where the condition goes in a compiled query's lambda, until <see cref="Expand{TDelegate}"/> replaces it; it is never
    /// run (a query compiled without expanding fails to translate it).
    /// </summary>
    public static bool Names(BookmarkCandidateRecord candidate, string user, string[] groups) =>
        throw new InvalidOperationException($"{nameof(OfferedTo)}.{nameof(Names)} is a placeholder for {nameof(Expand)}.");

    /// <summary>Where <see cref="Held"/> goes in a compiled query's lambda, until <see cref="Expand{TDelegate}"/> replaces it.</summary>
    public static bool Holds(DbContext context, CandidateKind kind, string name) =>
        throw new InvalidOperationException($"{nameof(OfferedTo)}.{nameof(Holds)} is a placeholder for {nameof(Expand)}.");

    /// <summary>Where <see cref="OfferedTask"/> goes in a compiled query's lambda, until <see cref="Expand{TDelegate}"/> replaces it.</summary>
    public static bool Offers(DbContext context, Guid task, string user, string[] groups) =>
        throw new InvalidOperationException($"{nameof(OfferedTo)}.{nameof(Offers)} is a placeholder for {nameof(Expand)}.");

    /// <summary>
    /// <paramref name="query"/> with every <see cref="Names"/>, <see cref="Holds"/> and <see cref="Offers"/> replaced by the
    /// condition on its arguments, and every <see cref="InboxOrder.ToDo"/> by the ordering it applies, so that a compiled
    /// query orders by the inbox's keys without writing them again.
    /// </summary>
    public static Expression<TDelegate> Expand<TDelegate>(Expression<TDelegate> query) => (Expression<TDelegate>)new Expander().Visit(query);

    private sealed class Expander : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node) =>
            node.Method.DeclaringType == typeof(InboxOrder) && node.Method.Name == nameof(InboxOrder.ToDo) ? InboxOrder.ToDo(Visit(node.Arguments[0]))
            : node.Method.DeclaringType != typeof(OfferedTo) ? base.VisitMethodCall(node)
            : node.Method.Name == nameof(Names) ? BookmarkCandidateRecord.NamesEitherOf(node.Arguments[0], node.Arguments[1], node.Arguments[2])
            : node.Method.Name == nameof(Holds) ? new ReplacingExpressionVisitor(Held.Parameters, node.Arguments).Visit(Held.Body)
            : node.Method.Name == nameof(Offers) ? Visit(new ReplacingExpressionVisitor(OfferedTask.Parameters, node.Arguments).Visit(OfferedTask.Body))
            : base.VisitMethodCall(node);
    }
}
