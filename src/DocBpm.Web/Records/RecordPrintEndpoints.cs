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

    private static FileContentHttpResult Answer(RegisterFile file) => TypedResults.File(file.Content, file.ContentType, file.FileName);
}
