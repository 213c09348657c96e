using System.Security.Claims;
using DocBpm.Documents.Exchange;
using DocBpm.Edxml;
using DocBpm.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Exchange;

public sealed record IntakeFailureView(Guid PackageId, AxisPackageKind Kind, string SenderCode, string DocumentId, DateTimeOffset ArrivedAt,
    int Attempts, string LastError, IntakeFailureCause Cause, string? InnerError, DateTimeOffset FirstFailedAt, DateTimeOffset LastFailedAt, DateTimeOffset? SetAsideAt,
    DateTimeOffset? ResolvedAt, IntakeFailureResolution? Resolution, string? ResolvedBy, string? DismissReason);

public sealed record DismissRequest(string? Reason);

/// <summary>
/// "Gói tin không tiếp nhận được": packages from the axis whose handling failed, shaped like the process incidents
/// (a list of open ones, a retry), plus dismissal with a recorded reason.
/// </summary>
public static class IntakeFailureEndpoints
{
    public static RouteGroupBuilder MapIntakeFailures(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/exchange/intake-failures").WithTags("Gói tin không tiếp nhận được")
            .RequireAuthorization(Policies.Administrator);
        group.MapGet("/", ListAsync);
        group.MapPost("/{packageId:guid}/retry", RetryAsync);
        group.MapPost("/{packageId:guid}/dismiss", DismissAsync);
        return group;
    }

    private static async Task<Ok<List<IntakeFailureView>>> ListAsync(DbContext db, bool? open, CancellationToken cancellationToken)
    {
        var query = db.Set<IntakeFailure>().AsNoTracking();
        if (open ?? true)
            query = query.Where(f => f.ResolvedAt == null);
        return TypedResults.Ok(await query.OrderByDescending(f => f.LastFailedAt).Take(500)
            .Select(f => new IntakeFailureView(f.PackageId, f.Kind, f.SenderCode, f.DocumentId, f.ArrivedAt, f.Attempts, f.LastError, f.Cause, f.InnerError,
                f.FirstFailedAt, f.LastFailedAt, f.SetAsideAt, f.ResolvedAt, f.Resolution, f.ResolvedBy, f.DismissReason))
            .ToListAsync(cancellationToken));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RetryAsync(Guid packageId, ClaimsPrincipal user, IntakeService intake,
        CancellationToken cancellationToken)
    {
        try
        {
            if (await intake.RetryAsync(packageId, user.Identity?.Name, cancellationToken))
                return TypedResults.NoContent();
        }
        catch (HttpRequestException)
        {
            return ExchangeEndpoints.AxisUnreachable();
        }

        return TypedResults.Problem(ExchangeEndpoints.RetryFailedVi,
            statusCode: StatusCodes.Status409Conflict, title: "Thử lại không thành công");
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DismissAsync(Guid packageId, DismissRequest request,
        ClaimsPrincipal user, IntakeService intake, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["Cần nêu lý do bỏ qua gói tin."] },
                title: "Thiếu lý do");
        try
        {
            await intake.DismissAsync(packageId, request.Reason.Trim(), user.Identity?.Name, cancellationToken);
            return TypedResults.NoContent();
        }
        catch (HttpRequestException)
        {
            return ExchangeEndpoints.AxisUnreachable();
        }
    }
}
