using System.Security.Claims;
using DocBpm.Documents.Registers;
using DocBpm.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocBpm.Web.Reports;

/// <summary>
/// The reports of NĐ30 Phụ lục VI I.V (Articles 14.3–14.4, 15.3) over a period (dates dd/MM/yyyy) and optionally one
/// unit: JSON, or printed with <c>format=Pdf|Xlsx</c>. Who may see which units is the statistics' rule.
/// </summary>
public static class ReportsEndpoints
{
    public static RouteGroupBuilder MapReports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reports").WithTags("Báo cáo");
        group.MapGet("/incoming", IncomingAsync);
        group.MapGet("/outgoing", OutgoingAsync);
        group.MapGet("/usage", UsageAsync);
        group.MapGet("/files", FilesAsync);
        return group;
    }

    private static async Task<Results<Ok<IncomingHandlingReport>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> IncomingAsync(
        string? from, string? to, string? unit, RegisterFileFormat? format, ClaimsPrincipal user, HandlingReports reports,
        CancellationToken cancellationToken) =>
        Answer(await reports.IncomingAsync(user.ToReader(), from, to, unit, cancellationToken), format, ReportSheets.Incoming);

    private static async Task<Results<Ok<OutgoingHandlingReport>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> OutgoingAsync(
        string? from, string? to, string? unit, RegisterFileFormat? format, ClaimsPrincipal user, HandlingReports reports,
        CancellationToken cancellationToken) =>
        Answer(await reports.OutgoingAsync(user.ToReader(), from, to, unit, cancellationToken), format, ReportSheets.Outgoing);

    private static async Task<Results<Ok<UsageReport>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> UsageAsync(
        string? from, string? to, string? unit, RegisterFileFormat? format, ClaimsPrincipal user, UsageReports reports,
        CancellationToken cancellationToken) =>
        Answer(await reports.UsageAsync(user.ToReader(), from, to, unit, cancellationToken), format, ReportSheets.Usage);

    private static async Task<Results<Ok<FileStatisticsReport>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> FilesAsync(
        string? from, string? to, string? unit, RegisterFileFormat? format, ClaimsPrincipal user, FileReports reports,
        CancellationToken cancellationToken) =>
        Answer(await reports.FilesAsync(user.ToReader(), from, to, unit, cancellationToken), format, ReportSheets.Files);

    private static Results<Ok<T>, FileContentHttpResult, ValidationProblem, ProblemHttpResult> Answer<T>(ReportOutcome<T> outcome,
        RegisterFileFormat? format, Func<T, RegisterFileFormat, RegisterFile> print) where T : class
    {
        if (outcome.Access.Forbidden is { } forbidden)
            return TypedResults.Problem(title: "Không có quyền xem báo cáo", detail: forbidden, statusCode: StatusCodes.Status403Forbidden);
        if (outcome.Report is not { } report)
            return TypedResults.ValidationProblem(outcome.Access.Errors ?? [], title: "Kỳ báo cáo không hợp lệ");
        if (format is not { } printed)
            return TypedResults.Ok(report);
        var file = print(report, printed);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }
}
