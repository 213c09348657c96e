using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocBpm.Web.IncidentReports;

public sealed record IncidentReportRequest(IncidentKind Kind, string? Description);

public sealed record CloseIncidentRequest(string? Note);

/// <summary>Article 16.1: users report what misbehaves; the office chief and the admin close the reports.</summary>
public static class IncidentReportEndpoints
{
    public static RouteGroupBuilder MapIncidentReports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/incident-reports").WithTags("Báo cáo sự cố").RequireAuthorization();
        group.MapPost("/", ReportAsync);
        group.MapGet("/mine", MineAsync);
        group.MapGet("/", ListAsync);
        group.MapPost("/{id:guid}/close", CloseAsync);
        return group;
    }

    private static async Task<Created<IncidentReportView>> ReportAsync(IncidentReportRequest request, ClaimsPrincipal user, IncidentReportDesk reports,
        CancellationToken cancellationToken)
    {
        var report = await reports.ReportAsync(user.Identity!.Name!, request.Kind, request.Description, cancellationToken);
        return TypedResults.Created($"/api/incident-reports/{report.Id}", IncidentReportView.Of(report));
    }

    private static async Task<Ok<List<IncidentReportView>>> MineAsync(ClaimsPrincipal user, IncidentReportDesk reports, CancellationToken cancellationToken) =>
        TypedResults.Ok((await reports.MineAsync(user.Identity!.Name!, cancellationToken)).Select(IncidentReportView.Of).ToList());

    private static async Task<Results<Ok<List<IncidentReportView>>, ForbidHttpResult>> ListAsync(bool? open, ClaimsPrincipal user, IncidentReportDesk reports,
        CancellationToken cancellationToken) =>
        IncidentReportDesk.Handles(user)
            ? TypedResults.Ok((await reports.ListAsync(open ?? true, cancellationToken)).Select(IncidentReportView.Of).ToList())
            : TypedResults.Forbid();

    private static async Task<Results<Ok<IncidentReportView>, ForbidHttpResult>> CloseAsync(Guid id, CloseIncidentRequest request, ClaimsPrincipal user,
        IncidentReportDesk reports, CancellationToken cancellationToken) =>
        IncidentReportDesk.Handles(user)
            ? TypedResults.Ok(IncidentReportView.Of(await reports.CloseAsync(id, request.Note, user.Identity!.Name!, cancellationToken)))
            : TypedResults.Forbid();
}
