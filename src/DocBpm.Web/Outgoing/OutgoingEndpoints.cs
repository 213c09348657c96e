using System.Security.Claims;
using System.Text.Json.Nodes;
using DocBpm.Documents.Files;
using DocBpm.Documents.Organisation;
using DocBpm.Documents.Outgoing;
using DocBpm.Documents.Registers;
using DocBpm.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DocBpm.Web.Outgoing;

/// <summary>Article 9: drafting, review, signing and issue of outgoing documents, one route per person's step.</summary>
public static class OutgoingEndpoints
{
    public static RouteGroupBuilder MapOutgoing(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/outgoing").WithTags("Văn bản đi").RequireAuthorization();
        group.MapGet("/", MineAsync);
        group.MapGet("/types", TypesAsync);
        group.MapPost("/", CreateAsync);
        group.MapGet("/{id:guid}", OutgoingPages.GetAsync);
        group.MapGet("/{id:guid}/versions", OutgoingPages.VersionsAsync);
        group.MapGet("/{id:guid}/files/{fileId:guid}", OutgoingPages.FileAsync);
        group.MapPost("/{id:guid}/versions", UploadAsync);
        group.MapPut("/{id:guid}/recipients", RecipientsAsync);
        group.MapPost("/{id:guid}/submit", SubmitAsync);
        group.MapPost("/{id:guid}/opinion", OpinionAsync);
        group.MapPost("/{id:guid}/approve", ApproveAsync);
        group.MapPost("/{id:guid}/return", ReturnAsync);
        group.MapPost("/{id:guid}/sign", SignAsync);
        group.MapPost("/{id:guid}/issue", IssueAsync);
        group.MapPost("/{id:guid}/corrections", CorrectAsync);
        return group;
    }

    private static async Task<Ok<List<OutgoingSummary>>> MineAsync(ClaimsPrincipal user, DbContext db, CancellationToken cancellationToken)
    {
        var me = user.Identity?.Name;
        return TypedResults.Ok(await db.Set<OutgoingDocument>().AsNoTracking().Where(d => d.Drafter == me)
            .OrderByDescending(d => d.CreatedAt).Take(500)
            .Select(d => new OutgoingSummary(d.Id, d.TypeName, d.Subject, d.Stage, d.Urgency, d.NumberAndNotation, d.DocumentDate))
            .ToListAsync(cancellationToken));
    }

    private static async Task<Ok<List<DocumentType>>> TypesAsync(DbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Set<DocumentType>().AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(cancellationToken));

    private static async Task<Created<OutgoingCreated>> CreateAsync(NewDraft request, ClaimsPrincipal user, OutgoingDrafts drafts,
        OutgoingWorkflow workflow, CancellationToken cancellationToken)
    {
        var draft = request with { Recipients = await workflow.ResolvePeopleAsync(request.Recipients ?? []) };
        var document = await drafts.CreateAsync(draft, OutgoingWorkflow.DrafterOf(user), cancellationToken);
        await workflow.StartAsync(document, user.Identity?.Name ?? "", cancellationToken);
        return TypedResults.Created($"/api/outgoing/{document.Id}", new OutgoingCreated(document.Id));
    }

    /// <summary>The file is the request body (its content type as sent); every upload becomes a new version.</summary>
    private static async Task<Ok<VersionView>> UploadAsync(Guid id, DraftFileKind kind, string fileName, string? note, HttpRequest request,
        ClaimsPrincipal user, OutgoingDrafts drafts, DbContext db, IOptions<FileIntakeOptions> limits, CancellationToken cancellationToken)
    {
        var document = await drafts.FindAsync(id, cancellationToken);
        var content = await ReadBodyAsync(request, limits.Value.MaxBytes, cancellationToken);
        var version = await drafts.AddVersionAsync(document, kind, fileName, request.ContentType, content,
            user.Identity?.Name ?? "", note, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(OutgoingPages.View(version));
    }

    private static async Task<NoContent> RecipientsAsync(Guid id, List<RecipientChoice> recipients, ClaimsPrincipal user,
        OutgoingDrafts drafts, OutgoingWorkflow workflow, DbContext db, CancellationToken cancellationToken)
    {
        var document = await drafts.FindAsync(id, cancellationToken);
        EnsureStage(document, OutgoingStage.Drafting);
        if (document.Drafter != user.Identity?.Name)
            throw new OutgoingRefusedException(Documents.RefusalKind.Forbidden, "Chỉ người soạn thảo chọn nơi nhận.", "Only the drafter sets recipients.");
        await drafts.SetRecipientsAsync(document, await workflow.ResolvePeopleAsync(recipients), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> SubmitAsync(Guid id, SubmitRequest request, ClaimsPrincipal user, OutgoingDrafts drafts,
        OutgoingWorkflow workflow, DbContext db, CancellationToken cancellationToken)
    {
        var document = await drafts.FindAsync(id, cancellationToken);
        EnsureStage(document, OutgoingStage.Drafting);
        await drafts.EnsureCompleteAsync(document, cancellationToken);
        var reviewers = (request.Reviewers ?? []).Distinct(StringComparer.Ordinal).ToList();
        var known = await db.Set<Unit>().AsNoTracking().Where(u => reviewers.Contains(u.Code)).Select(u => u.Code).ToListAsync(cancellationToken);
        if (known.Count != reviewers.Count)
            throw OutgoingRefusedException.Invalid($"Đơn vị cho ý kiến không tồn tại: {string.Join(", ", reviewers.Except(known))}.", "Unknown reviewer units.");
        document.Stage = OutgoingStage.Reviewing;
        drafts.Record(document, user.Identity?.Name ?? "", OutgoingAction.Submitted, request.Comment);
        await workflow.CompleteAsync(document, "Draft", user, new()
        {
            ["reviewers"] = new JsonArray([.. reviewers.Select(r => JsonValue.Create(r))]),
            ["decision"] = "submit",
        }, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> OpinionAsync(Guid id, CommentRequest request, ClaimsPrincipal user, OutgoingDrafts drafts,
        OutgoingWorkflow workflow, CancellationToken cancellationToken)
    {
        var document = await drafts.FindAsync(id, cancellationToken);
        drafts.Record(document, user.Identity?.Name ?? "", OutgoingAction.Opinion, Required(request.Comment, "Ý kiến"));
        await workflow.CompleteAsync(document, "Review", user, [], cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> ApproveAsync(Guid id, CommentRequest request, ClaimsPrincipal user, OutgoingDrafts drafts,
        OutgoingWorkflow workflow, CancellationToken cancellationToken)
    {
        var document = await drafts.FindAsync(id, cancellationToken);
        EnsureStage(document, OutgoingStage.Reviewing);
        document.Stage = OutgoingStage.AwaitingSignature;
        drafts.Record(document, user.Identity?.Name ?? "", OutgoingAction.Approved, request.Comment);
        await workflow.CompleteAsync(document, "UnitHeadCheck", user, new() { ["decision"] = "approve" }, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Back to the drafter with the reason, from whichever check the document is at (Articles 9.2a, 9.2b).</summary>
    private static async Task<NoContent> ReturnAsync(Guid id, OutgoingReturnRequest request, ClaimsPrincipal user, OutgoingDrafts drafts,
        OutgoingWorkflow workflow, CancellationToken cancellationToken)
    {
        var document = await drafts.FindAsync(id, cancellationToken);
        var (step, action) = document.Stage switch
        {
            OutgoingStage.Reviewing => ("UnitHeadCheck", OutgoingAction.Returned),
            OutgoingStage.AwaitingSignature => ("Sign", OutgoingAction.SignatureRefused),
            OutgoingStage.AwaitingIssue => ("ClerkCheck", OutgoingAction.ReturnedByClerk),
            _ => throw OutgoingRefusedException.Conflict("Văn bản không ở bước có thể trả lại.", $"Document {id} at {document.Stage} cannot be returned."),
        };
        var reason = Required(request.Reason, "Lý do trả lại");
        document.Stage = OutgoingStage.Drafting;
        drafts.Record(document, user.Identity?.Name ?? "", action, reason);
        await workflow.CompleteAsync(document, step, user, new() { ["decision"] = "return", ["returnReason"] = reason }, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> SignAsync(Guid id, CommentRequest request, ClaimsPrincipal user, OutgoingDrafts drafts,
        OutgoingWorkflow workflow, OutgoingSigner signer, CancellationToken cancellationToken)
    {
        var document = await drafts.FindAsync(id, cancellationToken);
        EnsureStage(document, OutgoingStage.AwaitingSignature);
        var signature = await signer.SignAsync(document, user, cancellationToken);
        drafts.Record(document, user.Identity?.Name ?? "", OutgoingAction.SignedByLeader, request.Comment);
        await workflow.CompleteAsync(document, "Sign", user, new()
        {
            ["decision"] = "sign",
            ["issueWarnAt"] = signature.Due.WarnAt.ToString("O"),
            ["issueDeadline"] = signature.Due.Deadline.ToString("O"),
            ["mainFileId"] = signature.MainFileId.ToString(),
            ["signerKey"] = signature.SignerKey,
            ["signerName"] = signature.SignerName,
        }, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The number is taken inside the step's transaction: it exists only if the issue (and the dispatch) commits.</summary>
    private static async Task<Ok<OutgoingPage>> IssueAsync(Guid id, ClaimsPrincipal user, OutgoingDrafts drafts, OutgoingWorkflow workflow,
        RegisterNumbers numbers, OutgoingPages pages, CancellationToken cancellationToken)
    {
        await numbers.RetryOnConflictAsync(async ct =>
        {
            var document = await drafts.FindAsync(id, ct);
            EnsureStage(document, OutgoingStage.AwaitingIssue);
            await workflow.CompleteAsync(document, "ClerkCheck", user, new() { ["decision"] = "issue" }, ct);
            return true;
        }, cancellationToken);
        return TypedResults.Ok(await pages.BuildAsync(id, user, cancellationToken));
    }

    private static async Task<Created<OutgoingCreated>> CorrectAsync(Guid id, CorrectionRequest request, ClaimsPrincipal user,
        OutgoingDrafts drafts, OutgoingWorkflow workflow, CancellationToken cancellationToken)
    {
        var original = await drafts.FindAsync(id, cancellationToken);
        var drafter = OutgoingWorkflow.DrafterOf(user);
        if (drafter.UnitCode != original.DraftingUnit)
            throw new OutgoingRefusedException(Documents.RefusalKind.Forbidden, "Chỉ đơn vị soạn thảo văn bản được đính chính hoặc thay thế văn bản.",
                $"{drafter.UserName} is not in the drafting unit {original.DraftingUnit}.");
        var correction = await drafts.CorrectAsync(original, request.Kind, request.Subject, drafter, cancellationToken);
        await workflow.StartAsync(correction, drafter.UserName, cancellationToken);
        return TypedResults.Created($"/api/outgoing/{correction.Id}", new OutgoingCreated(correction.Id));
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

    private static void EnsureStage(OutgoingDocument document, OutgoingStage stage)
    {
        if (document.Stage != stage)
            throw OutgoingRefusedException.Conflict("Văn bản không ở bước này; không có thay đổi nào được lưu.",
                $"Outgoing document {document.Id} is at {document.Stage}, not {stage}.");
    }

    private static string Required(string? text, string what) => string.IsNullOrWhiteSpace(text)
        ? throw OutgoingRefusedException.Invalid($"{what} không được để trống.", "A required comment or reason is empty.")
        : text;
}
