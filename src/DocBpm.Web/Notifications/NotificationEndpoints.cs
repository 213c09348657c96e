using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocBpm.Web.Notifications;

public static class NotificationEndpoints
{
    public static RouteGroupBuilder MapNotifications(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/notifications").WithTags("Thông báo");
        group.MapGet("/", ListAsync);
        group.MapPost("/{id:guid}/read", ReadAsync);
        group.MapPost("/read-all", ReadAllAsync);
        return group;
    }

    private static async Task<Results<Ok<NotificationPage>, ValidationProblem>> ListAsync(string? page, string? pageSize, ClaimsPrincipal user,
        NotificationInbox inbox, CancellationToken cancellationToken)
    {
        var (number, size, errors) = NotificationInbox.Paging(page, pageSize);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "Trang thông báo không hợp lệ");
        return TypedResults.Ok(await inbox.PageAsync(user.Identity!.Name!, number, size, cancellationToken));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ReadAsync(Guid id, ClaimsPrincipal user, NotificationInbox inbox,
        CancellationToken cancellationToken) =>
        await inbox.MarkReadAsync(user.Identity!.Name!, id, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem(title: "Không tìm thấy thông báo", detail: "Bạn không có thông báo này.", statusCode: StatusCodes.Status404NotFound);

    private static async Task<Ok<ReadAllResult>> ReadAllAsync(ClaimsPrincipal user, NotificationInbox inbox, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ReadAllResult(await inbox.MarkAllReadAsync(user.Identity!.Name!, cancellationToken)));
}

public sealed record ReadAllResult(int Marked);
