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

    /// <summary>The rows of <paramref name="task"/> offered to <paramref name="users"/> and <paramref name="groups"/>, each name once.</summary>
    public static IEnumerable<BookmarkCandidateRecord> Of(BookmarkRecord task, IReadOnlyList<string>? users, IReadOnlyList<string>? groups) =>
        Rows(task, CandidateKind.User, users).Concat(Rows(task, CandidateKind.Group, groups));

    private static IEnumerable<BookmarkCandidateRecord> Rows(BookmarkRecord task, CandidateKind kind, IReadOnlyList<string>? values) =>
        (values ?? []).Where(v => v.Length > 0).Select(Fold).Distinct(StringComparer.Ordinal)
            .Select(v => new BookmarkCandidateRecord { BookmarkId = task.Id, Kind = kind, Value = v, DefinitionKey = task.DefinitionKey });
}
