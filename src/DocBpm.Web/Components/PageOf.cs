using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Components;

/// <summary>
/// A page of matches; <paramref name="Total"/> is exact when nothing follows this page, and <paramref name="TotalCapped"/>
/// says that more match than it (a broad search over years of documents is not counted to the end on every page).
/// </summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize, bool TotalCapped = false)
{
    public bool HasNext => TotalCapped || Page * PageSize < Total;

    public PageOf<TOut> Select<TOut>(Func<T, TOut> map) => new([.. Items.Select(map)], Total, Page, PageSize, TotalCapped);
}

/// <summary>How a list reads one page of its ordered matches without counting them all.</summary>
public static class Paging
{
    /// <summary>The largest page number a list takes: the rows before any page then stay an int at the largest page size.</summary>
    public static int LastPage(int maxPageSize) => int.MaxValue / maxPageSize;

    /// <summary>
    /// The page, and how many match as far as the page links: the exact number when this page is the last, otherwise
    /// "more than" the rows up to it (<see cref="PageOf{T}.TotalCapped"/>), told by one row read past the page. A broad
    /// list at a million documents is then one indexed page read, where counting its matches visited every one of them
    /// (issue 19).
    /// </summary>
    public static async Task<PageOf<T>> ReadAsync<T>(IQueryable<T> ordered, int page, int size, CancellationToken cancellationToken)
    {
        var before = (page - 1) * size;
        var rows = await ordered.Skip(before).Take(size + 1).ToListAsync(cancellationToken);
        var more = rows.Count > size;
        // A page past the last (an old link, an edited address) holds nothing to count from: the matches before it are
        // counted, at most as many as the pages before it hold.
        var total = rows.Count == 0 && before > 0 ? await ordered.Take(before).CountAsync(cancellationToken) : before + Math.Min(rows.Count, size);
        return new PageOf<T>(more ? rows[..size] : rows, total, page, size, more);
    }
}
