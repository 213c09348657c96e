using DocBpm.Web.Accounts;
using DocBpm.Web.Components;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.AccessLog;

/// <summary>The admin's search of the access log; every filter optional, newest first.</summary>
public sealed record AccessLogQuery(string? UserName, AccessedKind? Kind, Guid? ItemId, DateTimeOffset? From, DateTimeOffset? To, int? Page, int? PageSize)
{
    public const int MaxPageSize = 200;

    public int PageNumber => Math.Clamp(Page ?? 1, 1, Paging.LastPage(MaxPageSize));
    public int Size => Math.Clamp(PageSize ?? 50, 1, MaxPageSize);
}

public sealed record AccessLogRow(DateTimeOffset At, string UserName, AccessedKind Kind, Guid ItemId);

public static class AccessLogEndpoints
{
    public static RouteGroupBuilder MapAccessLog(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/access-log").WithTags("Nhật ký truy cập").RequireAuthorization(Policies.Administrator);
        group.MapGet("/", SearchAsync);
        return group;
    }

    private static async Task<Ok<PageOf<AccessLogRow>>> SearchAsync([AsParameters] AccessLogQuery query, DbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await FindAsync(db, query, cancellationToken));

    /// <summary>
    /// A page of the log, newest first (<see cref="Paging.ReadAsync"/>): a row is written for every person's every minute
    /// of reading, so the log is the fastest-growing table and is not counted to the end on every page.
    /// </summary>
    public static async Task<PageOf<AccessLogRow>> FindAsync(DbContext db, AccessLogQuery query, CancellationToken cancellationToken)
    {
        var rows = db.Set<AccessLogEntry>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.UserName))
            rows = rows.Where(e => e.UserName == query.UserName.Trim());
        if (query.Kind is { } kind)
            rows = rows.Where(e => e.Kind == kind);
        if (query.ItemId is { } item)
            rows = rows.Where(e => e.ItemId == item);
        if (query.From is { } from)
            rows = rows.Where(e => e.At >= from);
        if (query.To is { } to)
            rows = rows.Where(e => e.At <= to);
        var newest = rows.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Select(e => new AccessLogRow(e.At, e.UserName, e.Kind, e.ItemId));
        return await Paging.ReadAsync(newest, query.PageNumber, query.Size, cancellationToken);
    }

    /// <summary>Records a successful read of the route's <c>{id}</c> by the signed-in person; a refused one throws before.</summary>
    public static RouteHandlerBuilder RecordsAccess(this RouteHandlerBuilder builder, AccessedKind kind) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            var http = context.HttpContext;
            if (result is not IStatusCodeHttpResult { StatusCode: >= 400 } && http.User.Identity?.Name is { Length: > 0 } user
                && Guid.TryParse(http.GetRouteValue("id")?.ToString(), out var id))
                http.RequestServices.GetRequiredService<AccessRecorder>().Record(user, kind, id);
            return result;
        });
}
