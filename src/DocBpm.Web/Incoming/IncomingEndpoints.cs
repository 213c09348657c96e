using DocBpm.Web.AccessLog;
using System.Security.Claims;
using DocBpm.Documents.Access;
using DocBpm.Documents.Files;
using DocBpm.Documents.Incoming;
using DocBpm.Documents.Signatures;
using DocBpm.Web.Accounts;
using DocBpm.Web.Signatures;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using DocBpm.Web.Idempotency;
using DocBpm.Web.Components;

namespace DocBpm.Web.Incoming;

/// <summary>
/// Incoming documents over HTTP. Every route reads through <see cref="IncomingVisibility"/>: a document the person may not
/// see is reported as missing. Refusals are problem details (see <see cref="RefusalExceptionHandler"/>).
/// </summary>
public static class IncomingEndpoints
{
    public static RouteGroupBuilder MapIncoming(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/incoming").WithTags("Văn bản đến");
        group.MapGet("/", SearchAsync);
        group.MapPost("/", UploadAsync).RequireAuthorization(IncomingPolicies.Clerk).DisableAntiforgery().Idempotent();
        group.MapGet("/{id:guid}", GetAsync).RecordsAccess(AccessedKind.Incoming);
        group.MapGet("/{id:guid}/files/{fileId:guid}", FileAsync);
        group.MapGet("/{id:guid}/files/{fileId:guid}/" + SignedRevisionFile.Segment, SignedRevisionAsync);
        group.MapPost("/{id:guid}/register", RegisterAsync).RequireAuthorization(IncomingPolicies.Clerk).Idempotent();
        group.MapPost("/{id:guid}/return", ReturnAsync).RequireAuthorization(IncomingPolicies.Clerk);
        group.MapPost("/{id:guid}/paper-delivered", PaperDeliveredAsync).RequireAuthorization(IncomingPolicies.Clerk);
        group.MapPost("/{id:guid}/recall", RecallAsync).RequireAuthorization(IncomingPolicies.Clerk);
        group.MapPost("/{id:guid}/forward", ForwardAsync).RequireAuthorization(IncomingPolicies.DirectorOnly);
        group.MapPost("/{id:guid}/assign", AssignAsync).RequireAuthorization(IncomingPolicies.Director);
        group.MapPost("/{id:guid}/reassign", ReassignAsync).RequireAuthorization(IncomingPolicies.Reassign);
        group.MapPost("/{id:guid}/complete", CompleteAsync);
        return group;
    }

    private static async Task<Ok<PageOf<IncomingSummary>>> SearchAsync([AsParameters] IncomingSearch search, ClaimsPrincipal user,
        IncomingQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.SearchAsync(search, user.ToReader(), cancellationToken));

    /// <summary>A digitised paper document: the Appendix VI fields as form fields, and its files.</summary>
    private static async Task<Created<IncomingSummary>> UploadAsync([FromForm] FieldsForm form, IFormFileCollection files,
        ClaimsPrincipal user, IncomingRegistry registry, TimeProvider time, CancellationToken cancellationToken)
    {
        var uploaded = new List<UploadedFile>();
        foreach (var file in files)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            uploaded.Add(new UploadedFile(Path.GetFileName(file.FileName), file.ContentType, buffer.ToArray()));
        }

        var document = await registry.UploadAsync(form.ToFields(), uploaded, user.ToTaskActor(), cancellationToken);
        return TypedResults.Created($"/api/incoming/{document.Id}", IncomingSummary.Of(document, time.GetUtcNow()));
    }

    private static async Task<Results<Ok<IncomingDetail>, NotFound>> GetAsync(Guid id, ClaimsPrincipal user, IncomingQueries queries,
        CancellationToken cancellationToken) =>
        await queries.DetailAsync(id, user.ToReader(), user.ToTaskActor(), cancellationToken) is { } detail
            ? TypedResults.Ok(detail) : TypedResults.NotFound();

    /// <summary>The stored file, checked against its SHA-256 (a mismatch is a problem, never the bytes).</summary>
    private static async Task<Results<FileContentHttpResult, NotFound>> FileAsync(Guid id, Guid fileId, ClaimsPrincipal user,
        IncomingQueries queries, FileStore files, CancellationToken cancellationToken)
    {
        var document = await queries.FindAsync(id, user.ToReader(), cancellationToken);
        if (document is null || !document.Files.Contains(fileId))
            return TypedResults.NotFound();
        var file = await files.ReadAsync(fileId, cancellationToken);
        // Only a PDF is shown inline (the document page previews it in a frame); anything else is a download, so a file
        // from another agency is never rendered by the browser as a page of this site.
        return TypedResults.File(file.Content, file.ContentType, file.ContentType == "application/pdf" ? null : file.Name,
            enableRangeProcessing: true);
    }

    /// <summary>The revision signature <paramref name="number"/> of the file covers: what was signed, to compare with what the file shows now.</summary>
    private static async Task<Results<FileContentHttpResult, NotFound>> SignedRevisionAsync(Guid id, Guid fileId, int number, ClaimsPrincipal user,
        IncomingQueries queries, FileStore files, SignedRevisions revisions, CancellationToken cancellationToken)
    {
        var document = await queries.FindAsync(id, user.ToReader(), cancellationToken);
        if (document is null || !document.Files.Contains(fileId))
            return TypedResults.NotFound();
        return await SignedRevisionFile.ServeAsync(fileId, number, files, revisions, cancellationToken);
    }

    private static async Task<Results<Ok<IncomingSummary>, NotFound>> RegisterAsync(Guid id, IncomingFields fields, ClaimsPrincipal user,
        IncomingRegistry registry, TimeProvider time, CancellationToken cancellationToken)
    {
        var document = await registry.RegisterAsync(id, fields, user.ToTaskActor(), cancellationToken);
        return TypedResults.Ok(IncomingSummary.Of(document, time.GetUtcNow()));
    }

    private static async Task<NoContent> ReturnAsync(Guid id, ReturnRequest request, ClaimsPrincipal user, IncomingRegistry registry,
        CancellationToken cancellationToken)
    {
        await registry.ReturnAsync(id, request.Reason, user.ToTaskActor(), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> PaperDeliveredAsync(Guid id, ClaimsPrincipal user, IncomingRegistry registry,
        CancellationToken cancellationToken)
    {
        await registry.MarkPaperDeliveredAsync(id, user.Identity!.Name!, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> RecallAsync(Guid id, ClaimsPrincipal user, IncomingRegistry registry, CancellationToken cancellationToken)
    {
        await registry.ConfirmRecallAsync(id, user.ToTaskActor(), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> ForwardAsync(Guid id, ForwardRequest request, ClaimsPrincipal user, IncomingHandling handling,
        CancellationToken cancellationToken)
    {
        await handling.ForwardAsync(id, new ForwardOrder(request.Deputy, request.Note), user.ToTaskActor(), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> AssignAsync(Guid id, AssignmentOrder order, ClaimsPrincipal user, IncomingHandling handling,
        CancellationToken cancellationToken)
    {
        await handling.AssignAsync(id, order, user.ToTaskActor(), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, NotFound>> ReassignAsync(Guid id, AssignmentOrder order, ClaimsPrincipal user,
        IncomingQueries queries, IncomingHandling handling, CancellationToken cancellationToken)
    {
        var access = user.ToReader();
        if (await queries.FindAsync(id, access, cancellationToken) is null)
            return TypedResults.NotFound();
        await handling.ReassignAsync(id, order, new Reassigner(user.ToTaskActor(), access.UnitCode, access.IsDeputy, access.IsUnitHead),
            cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, NotFound>> CompleteAsync(Guid id, CompleteRequest request, ClaimsPrincipal user,
        IncomingQueries queries, IncomingHandling handling, CancellationToken cancellationToken)
    {
        if (await queries.FindAsync(id, user.ToReader(), cancellationToken) is null)
            return TypedResults.NotFound();
        await handling.CompleteAsync(id, new CompletionReport(request.Result, request.ReplyDocumentId), user.ToTaskActor(), cancellationToken);
        return TypedResults.NoContent();
    }
}
