using System.Security.Claims;
using DocBpm.Documents.Exchange;
using DocBpm.Documents.Records;
using DocBpm.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DocBpm.Web.Records;

public sealed record SubmitRequest(List<Guid>? FileIds);

public sealed record ReturnRequest(string? Reason);

public sealed record KeepBackRequest(string? Reason, DateOnly? Until);

public sealed record DueFileView(FileSummary File, DateOnly DueDate, int DaysLeft, HandoverState? State, string? Reason, DateOnly? KeptBackUntil);

public sealed record HandedOverView(FileSummary File, HandoverState State, Guid SubmissionId, string SubmittedBy, DateTimeOffset SubmittedAt,
    string? DecidedBy, DateTimeOffset? DecidedAt, string? Reason, bool InPlan);

public sealed record SubmissionView(Guid Id, string SubmittedBy, string? UnitCode, DateTimeOffset SubmittedAt, IReadOnlyList<HandedOverView> Files);

public sealed record HandoverEventView(HandoverAction Action, string Actor, string? Reason, DateTimeOffset At);

public sealed record KeepBackView(Guid Id, Guid FileId, KeepBackState State, string Reason, DateOnly DueDate, DateOnly Until, string RequestedBy,
    string? DecidedBy);

public sealed record HandoverFileView(FileView File, HandoverState? State, string? Reason, IReadOnlyList<HandoverEventView> Trail);

/// <summary>
/// The handover to the agency archive (NĐ30 Articles 30–31; docs/records.md): keepers see their due files and submit
/// them, the archivist accepts or returns each, the Director lets a file be kept back. Rules live in <see cref="Handovers"/>.
/// </summary>
public static class HandoverEndpoints
{
    public static RouteGroupBuilder MapHandover(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/records/handover").WithTags("Hồ sơ, lưu trữ");
        group.MapGet("/due", DueAsync);
        group.MapPost("/submissions", SubmitAsync);
        group.MapGet("/submissions/{id:guid}", SubmissionAsync);
        group.MapGet("/submissions/{id:guid}/list.pdf", (Guid id, HandoverPapers papers, ClaimsPrincipal user, CancellationToken ct) =>
            PrintAsync(id, record: false, papers, user, ct));
        group.MapGet("/submissions/{id:guid}/record.pdf", (Guid id, HandoverPapers papers, ClaimsPrincipal user, CancellationToken ct) =>
            PrintAsync(id, record: true, papers, user, ct));
        group.MapGet("/submissions/{id:guid}/package.zip", PackageAsync);
        group.MapGet("/files", HandedOverAsync);
        group.MapGet("/files/{id:guid}", FileAsync);
        group.MapPost("/files/{id:guid}/withdraw", WithdrawAsync);
        group.MapPost("/files/{id:guid}/accept", AcceptAsync);
        group.MapPost("/files/{id:guid}/return", ReturnAsync);
        group.MapPost("/files/{id:guid}/keep-back", KeepBackAsync);
        group.MapPost("/keep-backs/{id:guid}/approve", (Guid id, Handovers h, ClaimsPrincipal user, CancellationToken ct) => DecideAsync(id, true, h, user, ct));
        group.MapPost("/keep-backs/{id:guid}/refuse", (Guid id, Handovers h, ClaimsPrincipal user, CancellationToken ct) => DecideAsync(id, false, h, user, ct));
        return group;
    }

    private static async Task<Ok<List<DueFileView>>> DueAsync(Handovers handovers, RecordFiles records, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var today = handovers.Today;
        var due = await handovers.DueAsync(user.ToReader(), cancellationToken);
        return TypedResults.Ok(due.Select(d => new DueFileView(d.File.Summary(records.OrganId), d.DueDate, d.DueDate.DayNumber - today.DayNumber,
            d.Handover?.State, d.Handover?.Reason, d.KeepBack?.Until)).ToList());
    }

    private static async Task<Created<SubmissionView>> SubmitAsync(SubmitRequest request, Handovers handovers, RecordFiles records, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var (submission, _) = await handovers.SubmitAsync(request.FileIds ?? [], user.ToReader(), cancellationToken);
        var view = await ViewAsync(submission, handovers, records, user, cancellationToken);
        return TypedResults.Created($"/api/records/handover/submissions/{submission.Id}", view);
    }

    private static async Task<Ok<SubmissionView>> SubmissionAsync(Guid id, Handovers handovers, RecordFiles records, ClaimsPrincipal user,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await ViewAsync(await handovers.SubmissionAsync(id, user.ToReader(), cancellationToken), handovers, records, user, cancellationToken));

    private static async Task<Ok<List<HandedOverView>>> HandedOverAsync(HandoverState? state, Handovers handovers, RecordFiles records, ClaimsPrincipal user,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(Views(await handovers.HandedOverAsync(state, null, user.ToReader(), cancellationToken), records.OrganId));

    private static async Task<Ok<HandoverFileView>> FileAsync(Guid id, Handovers handovers, RecordFiles records, DbContext db, IOptions<AxisConnection> agency,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (file, handover, trail) = await handovers.FileAsync(id, user.ToReader(), cancellationToken);
        var view = await RecordViews.ViewAsync(file, records.OrganId, agency.Value.AgencyName, db, cancellationToken);
        return TypedResults.Ok(new HandoverFileView(view, handover?.State, handover?.Reason,
            [.. trail.Select(e => new HandoverEventView(e.Action, e.Actor, e.Reason, e.At))]));
    }

    private static async Task<Ok<HandoverState>> WithdrawAsync(Guid id, Handovers handovers, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok((await handovers.WithdrawAsync(id, user.ToReader(), cancellationToken)).State);

    private static async Task<Ok<HandoverState>> AcceptAsync(Guid id, Handovers handovers, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok((await handovers.AcceptAsync(id, user.ToReader(), cancellationToken)).State);

    private static async Task<Ok<HandoverState>> ReturnAsync(Guid id, ReturnRequest request, Handovers handovers, ClaimsPrincipal user,
        CancellationToken cancellationToken) =>
        TypedResults.Ok((await handovers.ReturnAsync(id, request.Reason, user.ToReader(), cancellationToken)).State);

    private static async Task<Created<KeepBackView>> KeepBackAsync(Guid id, KeepBackRequest request, Handovers handovers, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var k = await handovers.RequestKeepBackAsync(id, request.Reason, request.Until, user.ToReader(), cancellationToken);
        return TypedResults.Created($"/api/records/handover/files/{id}", View(k));
    }

    private static async Task<Ok<KeepBackView>> DecideAsync(Guid id, bool approve, Handovers handovers, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(View(await handovers.DecideKeepBackAsync(id, approve, user.ToReader(), cancellationToken)));

    /// <summary>The submission list (every file handed in with the submission) or the receipt record (the files accepted).</summary>
    private static async Task<FileContentHttpResult> PrintAsync(Guid id, bool record, HandoverPapers papers, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var (print, _) = await papers.LoadAsync(id, acceptedOnly: record, user.ToReader(), cancellationToken);
        return record
            ? TypedResults.File(HandoverPdf.Record(print), "application/pdf", $"bien-ban-giao-nhan-{print.Date:yyyyMMdd}.pdf")
            : TypedResults.File(HandoverPdf.List(print), "application/pdf", $"muc-luc-ho-so-nop-luu-{print.Date:yyyyMMdd}.pdf");
    }

    /// <summary>The submission information package of the accepted files, for another archive system (archival.md §3).</summary>
    private static async Task<FileContentHttpResult> PackageAsync(Guid id, HandoverPapers papers, HandoverPackage package, RecordFiles records,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (print, files) = await papers.LoadAsync(id, acceptedOnly: true, user.ToReader(), cancellationToken);
        return TypedResults.File(await package.WriteAsync(id, records.OrganId, print, files, cancellationToken), "application/zip",
            $"goi-tin-nop-luu-{print.Date:yyyyMMdd}.zip");
    }

    private static KeepBackView View(KeepBack k) => new(k.Id, k.FileId, k.State, k.Reason, k.DueDate, k.Until, k.RequestedBy, k.DecidedBy);

    private static async Task<SubmissionView> ViewAsync(HandoverSubmission submission, Handovers handovers, RecordFiles records, ClaimsPrincipal user,
        CancellationToken cancellationToken) =>
        new(submission.Id, submission.SubmittedBy, submission.UnitCode, submission.SubmittedAt,
            Views(await handovers.HandedOverAsync(null, submission.Id, user.ToReader(), cancellationToken), records.OrganId));

    private static List<HandedOverView> Views(List<(RecordHandover Handover, RecordFile File)> rows, string organId) =>
        [.. rows.Select(r => new HandedOverView(r.File.Summary(organId), r.Handover.State, r.Handover.SubmissionId, r.Handover.SubmittedBy,
            r.Handover.SubmittedAt, r.Handover.DecidedBy, r.Handover.DecidedAt, r.Handover.Reason, r.File.PlanId is not null))];
}
