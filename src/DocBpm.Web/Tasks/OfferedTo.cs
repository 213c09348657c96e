using System.Linq.Expressions;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using Microsoft.EntityFrameworkCore.Query;

namespace DocBpm.Web.Tasks;

/// <summary>
/// "Offered to me": a candidate row naming me or one of my groups, the names folded (<see cref="BookmarkCandidateRecord.Fold"/>).
/// Written once for the inbox's queries (<see cref="TaskEndpoints.Offered"/>, built per call) and <see cref="MyTasks"/>'
/// compiled query, which cannot call a method that builds part of it from its own parameters: the one sends the person's
/// names as query parameters (<see cref="Person"/>), the other writes <see cref="Names"/> where the condition goes and has
/// it replaced by the condition on its own parameters before it is compiled (<see cref="Expand{TDelegate}"/>).
/// </summary>
internal static class OfferedTo
{
    private static readonly Expression<Func<BookmarkCandidateRecord, string, string[], bool>> Condition =
        (c, user, groups) => (c.Kind == CandidateKind.User && c.Value == user) || (c.Kind == CandidateKind.Group && groups.Contains(c.Value));

    /// <summary>The names of <paramref name="actor"/> as candidate rows hold them.</summary>
    public static (string User, string[] Groups) Folded(TaskActor actor) =>
        (BookmarkCandidateRecord.Fold(actor.UserName), [.. actor.Groups.Select(BookmarkCandidateRecord.Fold)]);

    /// <summary>The condition for <paramref name="actor"/>'s folded names, which the query sends as parameters.</summary>
    public static Expression<Func<BookmarkCandidateRecord, bool>> Person(TaskActor actor)
    {
        var (user, groups) = Folded(actor);
        Expression<Func<string>> userParameter = () => user;
        Expression<Func<string[]>> groupsParameter = () => groups;
        return Expression.Lambda<Func<BookmarkCandidateRecord, bool>>(
            Bound(Condition.Parameters[0], userParameter.Body, groupsParameter.Body), Condition.Parameters[0]);
    }

    /// <summary>
    /// Where the condition goes in a compiled query's lambda, until <see cref="Expand{TDelegate}"/> replaces it; it is never
    /// run (a query compiled without expanding fails to translate it).
    /// </summary>
    public static bool Names(BookmarkCandidateRecord candidate, string user, string[] groups) =>
        throw new InvalidOperationException($"{nameof(OfferedTo)}.{nameof(Names)} is a placeholder for {nameof(Expand)}.");

    /// <summary><paramref name="query"/> with every <see cref="Names"/> replaced by the condition on its arguments.</summary>
    public static Expression<TDelegate> Expand<TDelegate>(Expression<TDelegate> query) => (Expression<TDelegate>)new Expander().Visit(query);

    private static Expression Bound(Expression candidate, Expression user, Expression groups) =>
        new ReplacingExpressionVisitor(Condition.Parameters, [candidate, user, groups]).Visit(Condition.Body);

    private sealed class Expander : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node) =>
            node.Method.DeclaringType == typeof(OfferedTo) && node.Method.Name == nameof(Names)
                ? Bound(node.Arguments[0], node.Arguments[1], node.Arguments[2])
                : base.VisitMethodCall(node);
    }
}
