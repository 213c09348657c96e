using DocBpm.Documents.ProvincialTasks;
using DocBpm.Documents.Registers;
using DocBpm.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocBpm.Web.ProvincialTasks;

/// <summary>Article 13: the tracking book and the status reports for the office chief and the Department's leaders.</summary>
public static class ProvincialTaskReportEndpoints
{
    public static RouteGroupBuilder MapProvincialTaskReports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/provincial-tasks/reports").WithTags("Nhiệm vụ UBND tỉnh giao")
            .RequireAuthorization(p => p.RequireRole(Roles.OfficeChief, Roles.Director, Roles.Deputy));
        group.MapGet("/summary", SummaryAsync);
        group.MapGet("/book", BookAsync);
        return group;
    }

    /// <summary>Figures per main unit and report column: JSON for the dashboard's charts, or printed (format=Pdf|Xlsx).</summary>
    private static async Task<Results<Ok<TaskSummary>, FileContentHttpResult, ValidationProblem>> SummaryAsync(DateOnly from, DateOnly to,
        string? unit, RegisterFileFormat? format, TaskReport report, CancellationToken cancellationToken)
    {
        if (to < from)
            return PeriodInvalid();
        var summary = await report.SummaryAsync(new ReportPeriod(from, to, unit), cancellationToken);
        return format is { } printed ? File(TaskSheets.Summary(summary, printed)) : TypedResults.Ok(summary);
    }

    /// <summary>The tracking book (sổ theo dõi): JSON, or printed (format=Pdf|Xlsx).</summary>
    private static async Task<Results<Ok<IReadOnlyList<BookLine>>, FileContentHttpResult, ValidationProblem>> BookAsync(DateOnly from,
        DateOnly to, string? unit, RegisterFileFormat? format, TaskReport report, CancellationToken cancellationToken)
    {
        if (to < from)
            return PeriodInvalid();
        var period = new ReportPeriod(from, to, unit);
        var lines = await report.BookAsync(period, cancellationToken);
        return format is { } printed ? File(TaskSheets.Book(period, lines, printed)) : TypedResults.Ok(lines);
    }

    private static FileContentHttpResult File(RegisterFile file) => TypedResults.File(file.Content, file.ContentType, file.FileName);

    private static ValidationProblem PeriodInvalid() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["to"] = ["Ngày kết thúc kỳ báo cáo phải sau ngày bắt đầu."] },
            title: "Kỳ báo cáo không hợp lệ");
}
