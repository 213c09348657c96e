using System.Linq.Expressions;
using DocBpm.Engine.Runtime;
using Microsoft.EntityFrameworkCore.Query;

namespace DocBpm.Engine.Persistence;

public enum CandidateKind
{
    User,
    Group,
}

/// <summary>
/// One candidate user or group of a user task, a row each, so that "offered to me or my groups" is an indexed equality
/// rather than a LIKE over every open task's comma list. Written with the bookmark, in the same SaveChanges.
/// </summary>
public sealed class BookmarkCandidateRecord
{
    public Guid BookmarkId { get; set; }
    public CandidateKind Kind { get; set; }

    /// <summary>Lower-cased (<see cref="Fold"/>), as a task's access compares names regardless of case.</summary>
    public required string Value { get; set; }

    /// <summary>
    /// The definition key of the task's process, as on <see cref="BookmarkRecord.DefinitionKey"/>, so that an index can hold
    /// the candidate rows of one process only and a reader of that process's tasks does not walk every row naming a group.
    /// </summary>
    public string? DefinitionKey { get; set; }

    public static string Fold(string value) => value.ToLowerInvariant();

    /// <summary>
    /// "Names the person or one of their groups", the names folded, with the names as the lambda's own parameters: for a
    /// compiled query, which binds them to its parameters. Written once for every reader of offers (the inbox, the task
    /// list, the outgoing list).
    /// </summary>
    public static readonly Expression<Func<BookmarkCandidateRecord, string, string[], bool>> NamesEither =
        (c, user, groups) => (c.Kind == CandidateKind.User && c.Value == user) || (c.Kind == CandidateKind.Group && groups.Contains(c.Value));

    /// <summary><see cref="NamesEither"/> for <paramref name="actor"/>'s folded names, which a query sends as parameters.</summary>
    public static Expression<Func<BookmarkCandidateRecord, bool>> Naming(TaskActor actor)
    {
        var (user, groups) = actor.Folded();
        Expression<Func<string>> userParameter = () => user;
        Expression<Func<string[]>> groupsParameter = () => groups;
        return Expression.Lambda<Func<BookmarkCandidateRecord, bool>>(
            NamesEitherOf(NamesEither.Parameters[0], userParameter.Body, groupsParameter.Body), NamesEither.Parameters[0]);
    }

    /// <summary>The body of <see cref="NamesEither"/> on the given candidate, user and groups expressions.</summary>
    public static Expression NamesEitherOf(Expression candidate, Expression user, Expression groups) =>
        new ReplacingExpressionVisitor(NamesEither.Parameters, [candidate, user, groups]).Visit(NamesEither.Body);

    /// <summary>The rows of <paramref name="task"/> offered to <paramref name="users"/> and <paramref name="groups"/>, each name once.</summary>
    public static IEnumerable<BookmarkCandidateRecord> Of(BookmarkRecord task, IReadOnlyList<string>? users, IReadOnlyList<string>? groups) =>
        Rows(task, CandidateKind.User, users).Concat(Rows(task, CandidateKind.Group, groups));

    private static IEnumerable<BookmarkCandidateRecord> Rows(BookmarkRecord task, CandidateKind kind, IReadOnlyList<string>? values) =>
        (values ?? []).Where(v => v.Length > 0).Select(Fold).Distinct(StringComparer.Ordinal)
            .Select(v => new BookmarkCandidateRecord { BookmarkId = task.Id, Kind = kind, Value = v, DefinitionKey = task.DefinitionKey });
}
