using DocBpm.Documents.ProvincialTasks;
using DocBpm.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocBpm.Web.ProvincialTasks;

/// <summary>Article 13: the tracking book and the status reports for the office chief and the Department's leaders.</summary>
public static class ProvincialTaskReportEndpoints
{
    public static RouteGroupBuilder MapProvincialTaskReports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/provincial-tasks/reports").WithTags("Nhiệm vụ UBND tỉnh giao")
            .RequireAuthorization(p => p.RequireRole(Roles.OfficeChief, Roles.Director, Roles.Deputy, Roles.Administrator));
        group.MapGet("/summary", SummaryAsync);
        group.MapGet("/book", BookAsync);
        return group;
    }

    /// <summary>Figures per main unit and report column, for the dashboard's charts.</summary>
    private static async Task<Results<Ok<TaskSummary>, ValidationProblem>> SummaryAsync(DateOnly from, DateOnly to, string? unit, TaskReport report,
        CancellationToken cancellationToken)
    {
        if (to < from)
            return PeriodInvalid();
        return TypedResults.Ok(await report.SummaryAsync(new ReportPeriod(from, to, unit), cancellationToken));
    }

    private static async Task<Results<Ok<IReadOnlyList<BookLine>>, ValidationProblem>> BookAsync(DateOnly from, DateOnly to, string? unit,
        TaskReport report, CancellationToken cancellationToken)
    {
        if (to < from)
            return PeriodInvalid();
        return TypedResults.Ok(await report.BookAsync(new ReportPeriod(from, to, unit), cancellationToken));
    }

    private static ValidationProblem PeriodInvalid() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["to"] = ["Ngày kết thúc kỳ báo cáo phải sau ngày bắt đầu."] },
            title: "Kỳ báo cáo không hợp lệ");
}
