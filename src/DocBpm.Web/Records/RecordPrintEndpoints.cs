using System.Security.Claims;
using DocBpm.Documents.Exchange;
using DocBpm.Documents.Records;
using DocBpm.Documents.Registers;
using DocBpm.Web.AccessLog;
using DocBpm.Web.Accounts;
using DocBpm.Web.Organisation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DocBpm.Web.Records;

/// <summary>
/// The printouts of the records (NĐ30 Phụ lục V): the file plan as the decree's form, for whoever may read the plan, and a
/// file as one PDF, for whoever may see the file.
/// </summary>
public static class RecordPrintEndpoints
{
    public static RouteGroupBuilder MapRecordPrints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/records").WithTags("Hồ sơ, lưu trữ");
        group.MapGet("/plans/{id:guid}/print", PlanAsync);
        group.MapGet("/files/{id:guid}/pdf", FileAsync).RecordsAccess(AccessedKind.RecordFile);
        group.MapGet("/files/{id:guid}/documents/{filedId:guid}/pdf", DocumentAsync);
        return group;
    }

    /// <summary><c>format=Pdf</c> (the default) or <c>Xlsx</c>.</summary>
    private static async Task<FileContentHttpResult> PlanAsync(Guid id, RegisterFileFormat? format, RecordFiles records, PeopleNames names,
        IOptions<AxisConnection> agency, CancellationToken cancellationToken)
    {
        var (plan, files) = await records.PlanWithFilesAsync(id, cancellationToken);
        await names.LoadAsync(cancellationToken);
        return Answer(PlanSheet.Print(RecordViews.View(plan, files, records.OrganId), agency.Value.AgencyName, names, format ?? RegisterFileFormat.Pdf));
    }

    private static async Task<FileContentHttpResult> FileAsync(Guid id, RecordFiles records, FilePdf pdf, PeopleNames names, DbContext db,
        IOptions<AxisConnection> agency, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var file = await records.VisibleAsync(id, user.ToReader(), cancellationToken);
        var view = await RecordViews.ViewAsync(file, records.OrganId, agency.Value.AgencyName, db, cancellationToken);
        await names.LoadAsync(cancellationToken);
        return Answer(await pdf.WriteAsync(view, names, cancellationToken));
    }

    /// <summary>
    /// One document of the file, read through the file: whoever may see the file reads it (the archivist once the file is
    /// accepted into the archive), and the read goes to the access log as a read of the document itself.
    /// </summary>
    private static async Task<FileContentHttpResult> DocumentAsync(Guid id, Guid filedId, RecordFiles records, FilePdf pdf, DbContext db,
        IOptions<AxisConnection> agency, HttpContext http, CancellationToken cancellationToken)
    {
        var file = await records.VisibleAsync(id, http.User.ToReader(), cancellationToken);
        var view = await RecordViews.ViewAsync(file, records.OrganId, agency.Value.AgencyName, db, cancellationToken);
        var filed = view.Documents.FirstOrDefault(d => d.Id == filedId) ?? throw RecordsRefusedException.NotFound("văn bản trong hồ sơ", filedId);
        var stored = await pdf.ReadAsync(filed, cancellationToken)
            ?? throw RecordsRefusedException.NotFound("bản PDF của văn bản", filed.DocumentId);
        http.RecordRead(filed.Kind == FiledKind.Incoming ? AccessedKind.Incoming : AccessedKind.Outgoing, filed.DocumentId);
        return TypedResults.File(stored.Content, stored.ContentType, stored.Name);
    }

    private static FileContentHttpResult Answer(RegisterFile file) => TypedResults.File(file.Content, file.ContentType, file.FileName);
}
