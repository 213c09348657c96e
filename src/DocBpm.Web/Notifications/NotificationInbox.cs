using DocBpm.Web.Components;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Notifications;

/// <summary>One notification as the list and the API show it.</summary>
public sealed record NotificationItem(Guid Id, NotificationKind Kind, string KindText, string Text, string Link, DateTimeOffset CreatedAt, bool Read);

/// <summary>One page of a person's notifications, newest first, with their unread count.</summary>
public sealed record NotificationPage(int Total, int Unread, int Page, int PageSize, IReadOnlyList<NotificationItem> Items);

/// <summary>A person's own notifications: every query is by their user name, so another's id is simply not found.</summary>
public sealed class NotificationInbox(DbContext db, TimeProvider time)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>Checks the typed page and page size (query string of the page and of the API).</summary>
    public static (int Page, int Size, Dictionary<string, string[]> Errors) Paging(string? page, string? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        return (QueryFields.Whole(page, "page", "Trang", 1, Components.Paging.LastPage(MaxPageSize), 1, errors),
            QueryFields.Whole(pageSize, "pageSize", "Số dòng mỗi trang", 1, MaxPageSize, DefaultPageSize, errors), errors);
    }

    public Task<int> UnreadAsync(string userName, CancellationToken cancellationToken) =>
        Mine(userName).CountAsync(n => n.ReadAt == null, cancellationToken);

    public async Task<NotificationPage> PageAsync(string userName, int page, int size, CancellationToken cancellationToken)
    {
        var total = await Mine(userName).CountAsync(cancellationToken);
        var unread = await UnreadAsync(userName, cancellationToken);
        var rows = await Mine(userName).OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new(total, unread, page, size,
            [.. rows.Select(n => new NotificationItem(n.Id, n.Kind, NotificationText.Of(n.Kind), n.Text, n.Link, n.CreatedAt, n.ReadAt is not null))]);
    }

    /// <summary>False when the person has no such notification (someone else's is not theirs to see).</summary>
    public async Task<bool> MarkReadAsync(string userName, Guid id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var found = await Mine(userName).Where(n => n.Id == id).AnyAsync(cancellationToken);
        if (found)
            await Mine(userName).Where(n => n.Id == id && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        return found;
    }

    public async Task<int> MarkAllReadAsync(string userName, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await Mine(userName).Where(n => n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
    }

    private IQueryable<Notification> Mine(string userName) => db.Set<Notification>().Where(n => n.UserName == userName);
}
