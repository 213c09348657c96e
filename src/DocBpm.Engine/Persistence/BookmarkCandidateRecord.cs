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

    public static string Fold(string value) => value.ToLowerInvariant();

    /// <summary>The rows of a task offered to <paramref name="users"/> and <paramref name="groups"/>, each name once.</summary>
    public static IEnumerable<BookmarkCandidateRecord> Of(Guid bookmarkId, IReadOnlyList<string>? users, IReadOnlyList<string>? groups) =>
        Rows(bookmarkId, CandidateKind.User, users).Concat(Rows(bookmarkId, CandidateKind.Group, groups));

    private static IEnumerable<BookmarkCandidateRecord> Rows(Guid bookmarkId, CandidateKind kind, IReadOnlyList<string>? values) =>
        (values ?? []).Where(v => v.Length > 0).Select(Fold).Distinct(StringComparer.Ordinal)
            .Select(v => new BookmarkCandidateRecord { BookmarkId = bookmarkId, Kind = kind, Value = v });
}
