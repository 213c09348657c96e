using DocBpm.Web.AccessLog;
using System.Security.Claims;
using DocBpm.Documents.Files;
using DocBpm.Documents.Outgoing;
using DocBpm.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using DocBpm.Web.Idempotency;
using DocBpm.Web.Components;

namespace DocBpm.Web.Outgoing;

/// <summary>Article 9: drafting, review, signing and issue of outgoing documents, one route per person's step.</summary>
public static class OutgoingEndpoints
{
    public static RouteGroupBuilder MapOutgoing(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/outgoing").WithTags("Văn bản đi").RequireAuthorization();
        group.MapGet("/", SearchAsync);
        group.MapGet("/types", TypesAsync);
        group.MapPost("/", CreateAsync).Idempotent();
        group.MapGet("/{id:guid}", OutgoingPages.GetAsync).RecordsAccess(AccessedKind.Outgoing);
        group.MapGet("/{id:guid}/versions", OutgoingPages.VersionsAsync);
        group.MapGet("/{id:guid}/files/{fileId:guid}", OutgoingPages.FileAsync);
        group.MapGet("/{id:guid}/files/{fileId:guid}/" + Signatures.SignedRevisionFile.Segment, OutgoingPages.SignedRevisionAsync);
        group.MapPost("/{id:guid}/versions", UploadAsync).Idempotent();
        group.MapPut("/{id:guid}/recipients", RecipientsAsync);
        group.MapPost("/{id:guid}/submit", SubmitAsync);
        group.MapPost("/{id:guid}/opinion", OpinionAsync);
        group.MapGet("/{id:guid}/leaders", LeadersAsync);
        group.MapPost("/{id:guid}/approve", ApproveAsync);
        group.MapPost("/{id:guid}/return", ReturnAsync);
        group.MapPost("/{id:guid}/sign", SignAsync);
        group.MapPost("/{id:guid}/sign/handover", HandOverSigningAsync);
        group.MapPost("/{id:guid}/issue", IssueAsync);
        group.MapPost("/{id:guid}/corrections", CorrectAsync).Idempotent();
        group.MapPost("/{id:guid}/retry", RetryAsync);
        return group;
    }

    /// <summary>The documents the person may read (the document page's rule), filtered and paged; see <see cref="OutgoingFilter"/>.</summary>
    private static async Task<Results<Ok<PageOf<OutgoingRow>>, ValidationProblem>> SearchAsync([AsParameters] OutgoingFilter filter, ClaimsPrincipal user,
        OutgoingSearch search, CancellationToken cancellationToken)
    {
        var (criteria, errors) = filter.Parse();
        if (criteria is null)
            return TypedResults.ValidationProblem(errors, title: "Bộ lọc văn bản đi không hợp lệ");
        return TypedResults.Ok(await search.FindAsync(user.ToReader(), criteria, cancellationToken));
    }

    private static async Task<Ok<List<DocumentType>>> TypesAsync(DbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Set<DocumentType>().AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(cancellationToken));

    private static async Task<Created<OutgoingCreated>> CreateAsync(NewDraft request, ClaimsPrincipal user, OutgoingFlow steps,
        CancellationToken cancellationToken)
    {
        var id = await steps.CreateAsync(request, user.ToTaskActor(), cancellationToken);
        return TypedResults.Created($"/api/outgoing/{id}", new OutgoingCreated(id));
    }

    /// <summary>The file is the request body (its content type as sent); every upload becomes a new version.</summary>
    private static async Task<Ok<VersionView>> UploadAsync(Guid id, DraftFileKind kind, string fileName, string? note, HttpRequest request,
        ClaimsPrincipal user, OutgoingFlow steps, IOptions<FileIntakeOptions> limits, CancellationToken cancellationToken)
    {
        var content = await ReadBodyAsync(request, limits.Value.MaxBytes, cancellationToken);
        return TypedResults.Ok(OutgoingPages.View(await steps.UploadAsync(id, kind, fileName, request.ContentType, content, note, user.ToTaskActor(), cancellationToken)));
    }

    private static async Task<NoContent> RecipientsAsync(Guid id, List<RecipientChoice> recipients, ClaimsPrincipal user, OutgoingFlow steps,
        CancellationToken cancellationToken)
    {
        await steps.SetRecipientsAsync(id, recipients, user.ToTaskActor(), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> SubmitAsync(Guid id, SubmitRequest request, ClaimsPrincipal user, OutgoingFlow steps,
        CancellationToken cancellationToken)
    {
        await steps.SubmitAsync(id, request.Reviewers, request.Comment, request.Capacity, user.ToTaskActor(), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> OpinionAsync(Guid id, CommentRequest request, ClaimsPrincipal user, OutgoingFlow steps,
        CancellationToken cancellationToken)
    {
        await steps.OpinionAsync(id, request.Comment, user.ToTaskActor(), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The pick-list of the unit head's approval: the leaders the draft may be presented to, the default first.</summary>
    private static async Task<Ok<List<LeaderChoice>>> LeadersAsync(Guid id, ClaimsPrincipal user, OutgoingPages pages, SigningLeaders leaders,
        CancellationToken cancellationToken)
    {
        var page = await pages.BuildAsync(id, user, cancellationToken);
        return TypedResults.Ok(await leaders.AllowedAsync(page.DraftingUnit, page.TypeCode, cancellationToken));
    }

    private static async Task<NoContent> ApproveAsync(Guid id, ApproveRequest request, ClaimsPrincipal user, OutgoingFlow steps,
        CancellationToken cancellationToken)
    {
        await steps.ApproveAsync(id, request.Comment, request.Leader, user.ToTaskActor(), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> ReturnAsync(Guid id, OutgoingReturnRequest request, ClaimsPrincipal user, OutgoingFlow steps,
        CancellationToken cancellationToken)
    {
        await steps.ReturnAsync(id, request.Reason, user.ToTaskActor(), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> SignAsync(Guid id, CommentRequest request, ClaimsPrincipal user, OutgoingFlow steps,
        CancellationToken cancellationToken)
    {
        await steps.SignAsync(id, request.Comment, user.ToTaskActor(), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The leader who is away, or the office chief, gives the waiting signature to another leader who may sign it.</summary>
    private static async Task<NoContent> HandOverSigningAsync(Guid id, SigningHandOverRequest request, ClaimsPrincipal user, OutgoingFlow steps,
        CancellationToken cancellationToken)
    {
        await steps.HandOverSigningAsync(id, request.Leader, request.Reason, user.ToTaskActor(), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<OutgoingPage>> IssueAsync(Guid id, ClaimsPrincipal user, OutgoingFlow steps, OutgoingPages pages,
        CancellationToken cancellationToken)
    {
        await steps.IssueAsync(id, user.ToTaskActor(), cancellationToken);
        return TypedResults.Ok(await pages.BuildAsync(id, user, cancellationToken));
    }

    private static async Task<Created<OutgoingCreated>> CorrectAsync(Guid id, CorrectionRequest request, ClaimsPrincipal user, OutgoingFlow steps,
        CancellationToken cancellationToken)
    {
        var correction = await steps.CorrectAsync(id, request.Kind, request.Subject, user.ToTaskActor(), cancellationToken);
        return TypedResults.Created($"/api/outgoing/{correction}", new OutgoingCreated(correction));
    }

    /// <summary>Re-runs the failed steps of the document the caller can act on (the signing leader, the clerks).</summary>
    private static async Task<Ok<RetryOutcome>> RetryAsync(Guid id, ClaimsPrincipal user, OutgoingPages pages, OutgoingFailures failures,
        CancellationToken cancellationToken)
    {
        await pages.BuildAsync(id, user, cancellationToken);
        return TypedResults.Ok(await failures.RetryAsync(id, user.ToTaskActor(), cancellationToken));
    }

    /// <summary>Reads at most one byte over the limit: enough for the intake to refuse the file with its size.</summary>
    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length <= maxBytes && (read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            buffer.Write(chunk, 0, read);
        return buffer.ToArray();
    }
}
