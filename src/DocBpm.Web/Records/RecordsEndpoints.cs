using DocBpm.Web.AccessLog;
using System.Security.Claims;
using System.Text;
using System.Xml.Linq;
using DocBpm.Documents.Exchange;
using DocBpm.Documents.Records;
using DocBpm.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DocBpm.Web.Records;

/// <summary>
/// The file plan and the files (NĐ30 Articles 28–30; docs/records.md): the office plans, the Director approves through
/// the file-plan process, each person keeps their files. Rules live in <see cref="RecordFiles"/> and
/// <see cref="FilePlanApproval"/>; here only who is asking and what they may read. Every change of a plan takes the
/// <c>revision</c> its client read (query string; the plan's view carries it): refused with 409 if the plan moved on, 428 if
/// the revision is missing.
/// </summary>
public static class RecordsEndpoints
{
    public static RouteGroupBuilder MapRecords(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/records").WithTags("Hồ sơ, lưu trữ");
        group.MapGet("/retention", async (RecordFiles records, CancellationToken ct) => TypedResults.Ok(await records.RetentionAsync(ct)));
        group.MapPost("/retention", ImportAsync).RequireAuthorization(p => p.RequireRole(Roles.Administrator, Roles.OfficeChief));
        group.MapGet("/plans", async (RecordFiles records, CancellationToken ct) => TypedResults.Ok(await records.PlansAsync(ct)));
        group.MapPost("/plans", CreatePlanAsync);
        group.MapGet("/plans/{id:guid}", PlanAsync);
        group.MapPost("/plans/{id:guid}/headings", AddHeadingAsync);
        group.MapPut("/plans/{id:guid}/headings/{headingId:guid}", RenameHeadingAsync);
        group.MapPost("/plans/{id:guid}/headings/{headingId:guid}/move", MoveHeadingAsync);
        group.MapDelete("/plans/{id:guid}/headings/{headingId:guid}", RemoveHeadingAsync);
        group.MapPost("/plans/{id:guid}/files", PlanFileAsync);
        group.MapPut("/plans/{id:guid}/files/{fileId:guid}", ReplanFileAsync);
        group.MapDelete("/plans/{id:guid}/files/{fileId:guid}", UnplanFileAsync);
        group.MapPost("/plans/{id:guid}/submit", SubmitAsync);
        group.MapPost("/plans/{id:guid}/approve", ApproveAsync);
        group.MapPost("/plans/{id:guid}/return", ReturnAsync);
        group.MapGet("/files", ListAsync);
        group.MapPost("/files", OpenOutsideAsync);
        group.MapGet("/files/{id:guid}", FileAsync).RecordsAccess(AccessedKind.RecordFile);
        group.MapPost("/files/{id:guid}/open", OpenAsync);
        group.MapPost("/files/{id:guid}/documents", AddDocumentAsync);
        group.MapDelete("/files/{id:guid}/documents/{filedId:guid}", RemoveDocumentAsync);
        group.MapPost("/files/{id:guid}/close", CloseAsync);
        group.MapGet("/files/{id:guid}/metadata", MetadataAsync);
        group.MapGet("/documents/{kind}/{documentId:guid}/files", ContainingAsync);
        return group;
    }

    private static async Task<Ok<int>> ImportAsync(List<RetentionRuleInput> rows, RecordFiles records, CancellationToken cancellationToken) =>
        TypedResults.Ok(await records.ImportRetentionAsync(rows, cancellationToken));

    private static async Task<Created<PlanView>> CreatePlanAsync(PlanRequest request, RecordFiles records, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var plan = await records.CreatePlanAsync(request.Year, request.SerialPerHeading, user.ToReader(), cancellationToken);
        return TypedResults.Created($"/api/records/plans/{plan.Id}", RecordViews.View(plan, [], records.OrganId));
    }

    private static async Task<Ok<PlanView>> PlanAsync(Guid id, RecordFiles records, FilePlanApproval approval, CancellationToken cancellationToken)
    {
        var (plan, files) = await records.PlanWithFilesAsync(id, cancellationToken);
        return TypedResults.Ok(RecordViews.View(plan, files, records.OrganId, await approval.ReviewAsync(id, cancellationToken)));
    }

    private static async Task<Ok<HeadingView>> AddHeadingAsync(Guid id, HeadingRequest request, int? revision, RecordFiles records, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var h = await records.AddHeadingAsync(id, request.Title ?? "", request.Abbreviation ?? "", revision, user.ToReader(), cancellationToken);
        return TypedResults.Ok(RecordViews.View(h));
    }

    private static async Task<Ok<HeadingView>> RenameHeadingAsync(Guid id, Guid headingId, HeadingRequest request, int? revision, RecordFiles records,
        ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(RecordViews.View(await records.RenameHeadingAsync(id, headingId, request.Title, request.Abbreviation, revision, user.ToReader(),
            cancellationToken)));

    private static async Task<NoContent> MoveHeadingAsync(Guid id, Guid headingId, MoveRequest request, int? revision, RecordFiles records,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await records.MoveHeadingAsync(id, headingId, request.Ordinal, revision, user.ToReader(), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> RemoveHeadingAsync(Guid id, Guid headingId, int? revision, RecordFiles records, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        await records.RemoveHeadingAsync(id, headingId, revision, user.ToReader(), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<FileSummary>> ReplanFileAsync(Guid id, Guid fileId, PlannedFileInput request, int? revision, RecordFiles records,
        ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok((await records.ReplanFileAsync(id, fileId, request, revision, user.ToReader(), cancellationToken)).Summary(records.OrganId));

    private static async Task<NoContent> UnplanFileAsync(Guid id, Guid fileId, int? revision, RecordFiles records, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        await records.UnplanFileAsync(id, fileId, revision, user.ToReader(), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<FileSummary>> PlanFileAsync(Guid id, PlannedFileInput request, int? revision, RecordFiles records, ClaimsPrincipal user,
        CancellationToken cancellationToken) =>
        TypedResults.Ok((await records.PlanFileAsync(id, request, revision, user.ToReader(), cancellationToken)).Summary(records.OrganId));

    /// <summary>The office hands the plan to its approval process (workflows/file-plan.bpmn): the first time, or again after a return.</summary>
    private static async Task<NoContent> SubmitAsync(Guid id, int? revision, FilePlanApproval approval, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await approval.SubmitAsync(id, revision, user.ToReader(), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Completes the caller's review step of the plan ("Đồng ý"); after the Director's, the plan is approved and fixed.</summary>
    private static async Task<NoContent> ApproveAsync(Guid id, ApproveRequest request, int? revision, FilePlanApproval approval, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        await approval.DecideAsync(id, approve: true, null, request.Decision, revision, user.ToReader(), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> ReturnAsync(Guid id, ReturnRequest request, int? revision, FilePlanApproval approval, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        await approval.DecideAsync(id, approve: false, request.Reason, null, revision, user.ToReader(), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<FileListView>> ListAsync(int? year, int? page, int? pageSize, RecordFiles records, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var files = await records.ListAsync(user.ToReader(), year, page ?? 1, pageSize ?? 50, cancellationToken);
        return TypedResults.Ok(new FileListView(files.Total, files.Page, files.PageSize, [.. files.Items.Select(f => f.Summary(records.OrganId))]));
    }

    private static async Task<Created<FileSummary>> OpenOutsideAsync(OutsideFileInput request, RecordFiles records, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var file = await records.OpenOutsideAsync(request, user.ToReader(), cancellationToken);
        return TypedResults.Created($"/api/records/files/{file.Id}", file.Summary(records.OrganId));
    }

    private static async Task<Ok<FileView>> FileAsync(Guid id, RecordFiles records, DbContext db, IOptions<AxisConnection> agency, ClaimsPrincipal user,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await RecordViews.ViewAsync(await records.VisibleAsync(id, user.ToReader(), cancellationToken), records.OrganId,
            agency.Value.AgencyName, db, cancellationToken));

    private static async Task<Ok<FileSummary>> OpenAsync(Guid id, RecordFiles records, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok((await records.OpenPlannedAsync(id, user.ToReader(), cancellationToken)).Summary(records.OrganId));

    private static async Task<Ok<FileView>> AddDocumentAsync(Guid id, FileDocumentRequest request, Filing filing, RecordFiles records, DbContext db,
        IOptions<AxisConnection> agency, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await filing.AddAsync(id, request.Kind, request.DocumentId, user, cancellationToken);
        return await FileAsync(id, records, db, agency, user, cancellationToken);
    }

    private static async Task<NoContent> RemoveDocumentAsync(Guid id, Guid filedId, RecordFiles records, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        await records.RemoveAsync(id, filedId, user.ToReader(), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<FileSummary>> CloseAsync(Guid id, CloseRequest request, RecordFiles records, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var file = await records.CloseAsync(id, request.Permanent, request.RetentionYears, request.Title, user.ToReader(), cancellationToken);
        return TypedResults.Ok(file.Summary(records.OrganId));
    }

    /// <summary>The file's metadata (NĐ30 Phụ lục VI II.III) and its document list in order, as XML for another system.</summary>
    private static async Task<FileContentHttpResult> MetadataAsync(Guid id, RecordFiles records, DbContext db, IOptions<AxisConnection> agency,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var view = (await FileAsync(id, records, db, agency, user, cancellationToken)).Value!;
        var xml = RecordMetadata.Write(view, records.OrganId);
        return TypedResults.File(Encoding.UTF8.GetBytes(xml.ToString(SaveOptions.None)), "application/xml", $"{view.File.Code}.xml");
    }

    private static async Task<Ok<List<FileSummary>>> ContainingAsync(FiledKind kind, Guid documentId, RecordFiles records, ClaimsPrincipal user,
        CancellationToken cancellationToken) =>
        TypedResults.Ok((await records.ContainingAsync(kind, documentId, user.ToReader(), cancellationToken)).Select(f => f.Summary(records.OrganId)).ToList());
}
