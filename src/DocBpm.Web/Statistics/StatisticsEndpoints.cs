using System.Security.Claims;
using DocBpm.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocBpm.Web.Statistics;

public static class StatisticsEndpoints
{
    public static RouteGroupBuilder MapStatistics(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/statistics").WithTags("Thống kê");
        group.MapGet("/documents", DocumentsAsync);
        return group;
    }

    private static async Task<Results<Ok<StatisticsReport>, ValidationProblem, ProblemHttpResult>> DocumentsAsync(string? from, string? to, string? unit,
        ClaimsPrincipal user, DocumentStatistics statistics, CancellationToken cancellationToken)
    {
        var outcome = await statistics.DecideAsync(user.ToReader(), from, to, unit, cancellationToken);
        if (outcome.Forbidden is { } forbidden)
            return TypedResults.Problem(title: "Không có quyền xem thống kê", detail: forbidden, statusCode: StatusCodes.Status403Forbidden);
        if (outcome.Errors is { } errors)
            return TypedResults.ValidationProblem(errors, title: "Bộ lọc thống kê không hợp lệ");
        return TypedResults.Ok(outcome.Report!);
    }
}
