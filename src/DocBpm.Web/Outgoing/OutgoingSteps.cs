using System.Security.Claims;
using System.Text.Json.Nodes;
using DocBpm.Documents.Organisation;
using DocBpm.Documents.Outgoing;
using DocBpm.Documents.Registers;
using DocBpm.Engine;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Outgoing;

/// <summary>Each person's step on an outgoing document, the same for the API and the pages.</summary>
public sealed class OutgoingSteps(OutgoingDrafts drafts, OutgoingWorkflow workflow, OutgoingSigner signer, SigningLeaders leaders,
    RegisterNumbers numbers, DbContext db)
{
    public async Task<Guid> CreateAsync(NewDraft request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var draft = request with { Recipients = await workflow.ResolvePeopleAsync(request.Recipients ?? []) };
        var document = await drafts.CreateAsync(draft, OutgoingWorkflow.DrafterOf(user), cancellationToken);
        await workflow.StartAsync(document, Name(user), cancellationToken);
        return document.Id;
    }

    public async Task<DraftVersion> UploadAsync(Guid id, DraftFileKind kind, string fileName, string? contentType, byte[] content, string? note,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var document = await drafts.FindAsync(id, cancellationToken);
        var version = await drafts.AddVersionAsync(document, kind, fileName, contentType, content, Name(user), note, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return version;
    }

    public async Task SetRecipientsAsync(Guid id, List<RecipientChoice> recipients, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var document = await drafts.FindAsync(id, cancellationToken);
        EnsureStage(document, OutgoingStage.Drafting);
        if (document.Drafter != Name(user))
            throw new OutgoingRefusedException(Engine.RefusalKind.Forbidden, "Chỉ người soạn thảo chọn nơi nhận.", "Only the drafter sets recipients.");
        await drafts.SetRecipientsAsync(document, await workflow.ResolvePeopleAsync(recipients), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task SubmitAsync(Guid id, IReadOnlyList<string>? reviewerUnits, string? comment, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var document = await drafts.FindAsync(id, cancellationToken);
        EnsureStage(document, OutgoingStage.Drafting);
        await drafts.EnsureCompleteAsync(document, cancellationToken);
        var reviewers = (reviewerUnits ?? []).Distinct(StringComparer.Ordinal).ToList();
        var known = await db.Set<Unit>().AsNoTracking().Where(u => reviewers.Contains(u.Code)).Select(u => u.Code).ToListAsync(cancellationToken);
        if (known.Count != reviewers.Count)
            throw OutgoingRefusedException.Invalid($"Đơn vị cho ý kiến không tồn tại: {string.Join(", ", reviewers.Except(known))}.", "Unknown reviewer units.");
        document.Stage = OutgoingStage.Reviewing;
        drafts.Record(document, Name(user), OutgoingAction.Submitted, comment);
        await workflow.CompleteAsync(document, "Draft", user, new()
        {
            ["reviewers"] = new JsonArray([.. reviewers.Select(r => JsonValue.Create(r))]),
            ["decision"] = "submit",
        }, cancellationToken);
    }

    public async Task OpinionAsync(Guid id, string? comment, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var document = await drafts.FindAsync(id, cancellationToken);
        drafts.Record(document, Name(user), OutgoingAction.Opinion, Required(comment, "Ý kiến"));
        await workflow.CompleteAsync(document, "Review", user, [], cancellationToken);
    }

    /// <summary>The unit head's final check presents the draft to one leader, by default the unit's supervisor (Article 9.2a).</summary>
    public async Task ApproveAsync(Guid id, string? comment, string? leader, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var document = await drafts.FindAsync(id, cancellationToken);
        EnsureStage(document, OutgoingStage.Reviewing);
        await workflow.OpenTaskAsync(document, "UnitHeadCheck", user, cancellationToken);
        var chosen = await leaders.ChooseAsync(document.DraftingUnit, leader, cancellationToken);
        document.Stage = OutgoingStage.AwaitingSignature;
        document.SigningLeader = chosen;
        drafts.Record(document, Name(user), OutgoingAction.Approved, comment);
        await workflow.CompleteAsync(document, "UnitHeadCheck", user, new() { ["decision"] = "approve", ["signingLeader"] = chosen }, cancellationToken);
    }

    /// <summary>Back to the drafter with the reason, from whichever check the document is at (Articles 9.2a, 9.2b).</summary>
    public async Task ReturnAsync(Guid id, string? reason, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var document = await drafts.FindAsync(id, cancellationToken);
        var (step, action) = document.Stage switch
        {
            OutgoingStage.Reviewing => ("UnitHeadCheck", OutgoingAction.Returned),
            OutgoingStage.AwaitingSignature => ("Sign", OutgoingAction.SignatureRefused),
            OutgoingStage.AwaitingIssue => ("ClerkCheck", OutgoingAction.ReturnedByClerk),
            _ => throw OutgoingRefusedException.Conflict("Văn bản không ở bước có thể trả lại.", $"Document {id} at {document.Stage} cannot be returned."),
        };
        var text = Required(reason, "Lý do trả lại");
        document.Stage = OutgoingStage.Drafting;
        // The next final check presents the corrected draft afresh.
        document.SigningLeader = null;
        drafts.Record(document, Name(user), action, text);
        await workflow.CompleteAsync(document, step, user, new() { ["decision"] = "return", ["returnReason"] = text }, cancellationToken);
    }

    public async Task SignAsync(Guid id, string? comment, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var document = await drafts.FindAsync(id, cancellationToken);
        EnsureStage(document, OutgoingStage.AwaitingSignature);
        if (!string.Equals(document.SigningLeader, Name(user), StringComparison.OrdinalIgnoreCase))
            throw new OutgoingRefusedException(Engine.RefusalKind.Forbidden, "Văn bản được trình lãnh đạo khác ký; bạn không được ký văn bản này.",
                $"{Name(user)} is not the leader {document.SigningLeader} that document {id} was presented to.");
        var signature = await signer.SignAsync(document, user, cancellationToken);
        drafts.Record(document, Name(user), OutgoingAction.SignedByLeader, comment);
        await workflow.CompleteAsync(document, "Sign", user, new()
        {
            ["decision"] = "sign",
            ["issueWarnAt"] = signature.Due.WarnAt.ToString("O"),
            ["issueDeadline"] = signature.Due.Deadline.ToString("O"),
            ["mainFileId"] = signature.MainFileId.ToString(),
            ["signerKey"] = signature.SignerKey,
            ["signerName"] = signature.SignerName,
        }, cancellationToken);
    }

    /// <summary>The number is taken inside the step's transaction: it exists only if the issue (and the dispatch) commits.</summary>
    public Task IssueAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        numbers.RetryOnConflictAsync(async ct =>
        {
            var document = await drafts.FindAsync(id, ct);
            EnsureStage(document, OutgoingStage.AwaitingIssue);
            await workflow.CompleteAsync(document, "ClerkCheck", user, new() { ["decision"] = "issue" }, ct);
            return true;
        }, cancellationToken);

    public async Task<Guid> CorrectAsync(Guid id, CorrectionKind kind, string subject, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var original = await drafts.FindAsync(id, cancellationToken);
        var drafter = OutgoingWorkflow.DrafterOf(user);
        if (drafter.UnitCode != original.DraftingUnit)
            throw new OutgoingRefusedException(Engine.RefusalKind.Forbidden, "Chỉ đơn vị soạn thảo văn bản được đính chính hoặc thay thế văn bản.",
                $"{drafter.UserName} is not in the drafting unit {original.DraftingUnit}.");
        var correction = await drafts.CorrectAsync(original, kind, subject, drafter, cancellationToken);
        await workflow.StartAsync(correction, drafter.UserName, cancellationToken);
        return correction.Id;
    }

    private static string Name(ClaimsPrincipal user) => user.Identity?.Name ?? "";

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
