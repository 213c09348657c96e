using System.Text.Json.Nodes;
using DocBpm.Documents.Organisation;
using DocBpm.Documents.Registers;
using DocBpm.Documents.Authorisations;
using DocBpm.Engine;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DocBpm.Documents.Outgoing;

/// <summary>
/// Each person's step on an outgoing document (Article 9), the same for the API and the pages: the document's rule
/// changes it and the person's task of its <c>outgoing</c> process is completed in one SaveChanges, so a refused step
/// leaves both as they were.
/// </summary>
public sealed class OutgoingFlow(OutgoingDrafts drafts, SigningLeaders leaders, SigningAuthorisations authorities, IPeopleDirectory people,
    WorkflowRuntime runtime, RegisterNumbers numbers, IssueDeadline deadlines, IOptions<OutgoingOptions> options, DbContext db, TimeProvider time)
{
    public async Task<Guid> CreateAsync(NewDraft request, TaskActor actor, CancellationToken cancellationToken)
    {
        var draft = request with { Recipients = await ResolvePeopleAsync(request.Recipients ?? [], cancellationToken) };
        var document = await drafts.CreateAsync(draft, await DrafterAsync(actor, cancellationToken), cancellationToken);
        await StartAsync(document, actor.UserName, cancellationToken);
        return document.Id;
    }

    public async Task<DraftVersion> UploadAsync(Guid id, DraftFileKind kind, string fileName, string? contentType, byte[] content, string? note,
        TaskActor actor, CancellationToken cancellationToken)
    {
        var document = await drafts.FindAsync(id, cancellationToken);
        var version = await drafts.AddVersionAsync(document, kind, fileName, contentType, content, actor.UserName, note, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return version;
    }

    public async Task SetRecipientsAsync(Guid id, IReadOnlyList<RecipientChoice> recipients, TaskActor actor, CancellationToken cancellationToken)
    {
        var document = await drafts.FindAsync(id, cancellationToken);
        document.ExpectDrafter(actor.UserName);
        await drafts.SetRecipientsAsync(document, await ResolvePeopleAsync(recipients, cancellationToken), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <param name="capacity">Thẩm quyền ký (NĐ30 Art. 13); null: the one the signer's rank or authorisation gives.</param>
    public async Task SubmitAsync(Guid id, IReadOnlyList<string>? reviewerUnits, string? comment, SigningCapacity? capacity, TaskActor actor,
        CancellationToken cancellationToken)
    {
        var document = await drafts.FindAsync(id, cancellationToken);
        document.Submit(capacity);
        await drafts.EnsureCompleteAsync(document, cancellationToken);
        var reviewers = (reviewerUnits ?? []).Distinct(StringComparer.Ordinal).ToList();
        var known = await db.Set<Unit>().AsNoTracking().Where(u => reviewers.Contains(u.Code)).Select(u => u.Code).ToListAsync(cancellationToken);
        if (known.Count != reviewers.Count)
            throw OutgoingRefusedException.Invalid($"Đơn vị cho ý kiến không tồn tại: {string.Join(", ", reviewers.Except(known))}.", "Unknown reviewer units.");
        drafts.Record(document, actor.UserName, OutgoingAction.Submitted, comment);
        await CompleteAsync(document, OutgoingProcess.Draft, actor, new()
        {
            ["reviewers"] = new JsonArray([.. reviewers.Select(r => JsonValue.Create(r))]),
            ["decision"] = "submit",
        }, cancellationToken);
    }

    public async Task OpinionAsync(Guid id, string? comment, TaskActor actor, CancellationToken cancellationToken)
    {
        var document = await drafts.FindAsync(id, cancellationToken);
        drafts.Record(document, actor.UserName, OutgoingAction.Opinion, Required(comment, "Ý kiến"));
        await CompleteAsync(document, OutgoingProcess.Review, actor, [], cancellationToken);
    }

    /// <summary>The unit head's final check presents the draft to one leader, by default the unit's supervisor (Article 9.2a).</summary>
    public async Task ApproveAsync(Guid id, string? comment, string? leader, TaskActor actor, CancellationToken cancellationToken)
    {
        var document = await drafts.FindAsync(id, cancellationToken);
        await OpenTaskAsync(document, OutgoingProcess.UnitHeadCheck, actor, cancellationToken);
        var chosen = await leaders.ChooseAsync(document.DraftingUnit, document.TypeCode, leader, cancellationToken);
        await CapacityAsync(document, chosen, cancellationToken);
        document.Approve(chosen);
        drafts.Record(document, actor.UserName, OutgoingAction.Approved, comment);
        await CompleteAsync(document, OutgoingProcess.UnitHeadCheck, actor, new() { ["decision"] = "approve", ["signingLeader"] = chosen },
            cancellationToken);
    }

    /// <summary>Back to the drafter with the reason, from whichever check the document is at (Articles 9.2a, 9.2b).</summary>
    public async Task ReturnAsync(Guid id, string? reason, TaskActor actor, CancellationToken cancellationToken)
    {
        var document = await drafts.FindAsync(id, cancellationToken);
        var (step, action) = document.Return();
        var text = Required(reason, "Lý do trả lại");
        drafts.Record(document, actor.UserName, action, text);
        await CompleteAsync(document, step, actor, new() { ["decision"] = "return", ["returnReason"] = text }, cancellationToken);
    }

    /// <summary>
    /// The leader signs: the process signs the last version of the main file with the leader's key (configured under the
    /// leader's user name), and the issue deadline of Article 6.2 runs from now.
    /// </summary>
    public Task SignAsync(Guid id, string? comment, TaskActor actor, CancellationToken cancellationToken) =>
        SignAsync(id, comment, actor, null, cancellationToken);

    /// <param name="signerKey">The key the personal signature step signs with: by default the leader's configured key; the
    /// <see cref="Signatures.SignerHeldKey"/> id when the leader signed on their own token (<see cref="TokenSigning"/>).</param>
    public async Task SignAsync(Guid id, string? comment, TaskActor actor, string? signerKey, CancellationToken cancellationToken)
    {
        var document = await drafts.FindAsync(id, cancellationToken);
        var leader = await people.FindAsync(actor.UserName, cancellationToken) ?? throw new OutgoingRefusedException(
            RefusalKind.Forbidden, "Tài khoản ký không tồn tại.", "The signer's account does not exist.");
        var now = time.GetUtcNow();
        document.ExpectSigner(leader.UserName);
        // Checked again now: an authorisation may have expired or been revoked since the draft was presented.
        var capacity = await authorities.ResolveAsync(leader, document.TypeCode, document.RequestedCapacity, now, cancellationToken);
        document.Sign(leader, capacity, now);
        var main = await MainFileAsync(document.Id, cancellationToken);
        var due = deadlines.For(now, document.Urgency);
        drafts.Record(document, actor.UserName, OutgoingAction.SignedByLeader, comment);
        await CompleteAsync(document, OutgoingProcess.Sign, actor, new()
        {
            ["decision"] = "sign",
            ["issueWarnAt"] = due.WarnAt.ToString("O"),
            ["issueDeadline"] = due.Deadline.ToString("O"),
            ["mainFileId"] = main.ToString(),
            ["signerKey"] = signerKey ?? leader.UserName,
            ["signerName"] = leader.FullName,
            ["signerAuthority"] = SignerCapacity.Block(capacity.Competence, leader.Position),
        }, cancellationToken);
    }

    /// <summary>
    /// A leader who is away, or the office chief for him, hands the waiting signature to another leader who may sign the
    /// document (Article 9.2a, NĐ30 Art. 13); the history keeps both names and the reason.
    /// </summary>
    public async Task HandOverSigningAsync(Guid id, string? toLeader, string? reason, TaskActor actor, CancellationToken cancellationToken)
    {
        var document = await drafts.FindAsync(id, cancellationToken);
        if (document.Stage != OutgoingStage.AwaitingSignature)
            throw OutgoingRefusedException.Conflict("Văn bản không còn chờ ký; không có thay đổi nào được lưu.", $"Outgoing document {id} is at {document.Stage}.");
        if (!actor.IsAdministrator && !actor.Groups.Contains(Access.StaffRole.OfficeChief)
            && !string.Equals(document.SigningLeader, actor.UserName, StringComparison.OrdinalIgnoreCase))
            throw new OutgoingRefusedException(RefusalKind.Forbidden, "Chỉ lãnh đạo được trình ký hoặc Chánh Văn phòng chuyển văn bản cho lãnh đạo khác ký.",
                $"{actor.UserName} may not hand over the signature of {id}.");
        var text = Required(reason, "Lý do chuyển ký");
        var target = await leaders.ChooseAsync(document.DraftingUnit, document.TypeCode, Required(toLeader, "Lãnh đạo nhận ký"), cancellationToken);
        await CapacityAsync(document, target, cancellationToken);
        var open = await OwnInstance.OpenTasks(runtime.Db.Context,
            await OwnInstance.FindAsync(runtime.Db.Context, OutgoingProcess.Key, document.Id.ToString(), null, cancellationToken), OutgoingProcess.Sign)
            .FirstOrDefaultAsync(cancellationToken) ?? throw OutgoingRefusedException.Conflict("Bước ký đã được xử lý; không có thay đổi nào được lưu.",
                $"No open Sign task of {id}.");
        var from = document.HandOverSigning(target);
        drafts.Record(document, actor.UserName, OutgoingAction.SigningHandedOver,
            $"{await NameAsync(from, cancellationToken)} → {await NameAsync(target, cancellationToken)}: {text}");
        await runtime.HandOverTaskAsync(open.Id, [target], open.TaskDueDate, actor.UserName, cancellationToken);
    }

    /// <summary>The leader may sign the document in its requested capacity now (NĐ30 Art. 13), else 422.</summary>
    private async Task CapacityAsync(OutgoingDocument document, string leader, CancellationToken cancellationToken) =>
        await authorities.ResolveAsync(await people.FindAsync(leader, cancellationToken) ?? throw OutgoingRefusedException.Invalid(
                $"Tài khoản '{leader}' không tồn tại.", $"Unknown leader {leader}."),
            document.TypeCode, document.RequestedCapacity, time.GetUtcNow(), cancellationToken);

    private async Task<string> NameAsync(string userName, CancellationToken cancellationToken) =>
        await people.FindAsync(userName, cancellationToken) is { } person ? $"{person.FullName} ({person.UserName})" : userName;

    /// <summary>The last version of the main file: what the leader signs.</summary>
    public Task<Guid> MainFileAsync(Guid documentId, CancellationToken cancellationToken) =>
        db.Set<DraftVersion>().AsNoTracking().Where(v => v.DocumentId == documentId && v.Kind == DraftFileKind.Main)
            .OrderByDescending(v => v.Version).Select(v => v.FileId).FirstAsync(cancellationToken);

    /// <summary>The number is taken inside the step's transaction: it exists only if the issue (and the dispatch) commits.</summary>
    public Task IssueAsync(Guid id, TaskActor actor, CancellationToken cancellationToken) =>
        numbers.RetryOnConflictAsync(async ct =>
        {
            var document = await drafts.FindAsync(id, ct);
            document.ExpectIssue();
            await CompleteAsync(document, OutgoingProcess.ClerkCheck, actor, new() { ["decision"] = "issue" }, ct);
            return true;
        }, cancellationToken);

    /// <summary>A replacement or correction notice of an issued document, drafted in the drafting unit (Article 9.5).</summary>
    public async Task<Guid> CorrectAsync(Guid id, CorrectionKind kind, string subject, TaskActor actor, CancellationToken cancellationToken)
    {
        var original = await drafts.FindAsync(id, cancellationToken);
        var drafter = await DrafterAsync(actor, cancellationToken);
        original.ExpectCorrectionBy(drafter);
        var correction = await drafts.CorrectAsync(original, kind, subject, drafter, cancellationToken);
        await StartAsync(correction, drafter.UserName, cancellationToken);
        return correction.Id;
    }

    /// <summary>
    /// The person's open task at <paramref name="step"/> of the document's own instance; refused when there is none or it
    /// is someone else's. Any other instance carrying the document's id as business key was not started by this flow and
    /// moves nothing.
    /// </summary>
    public async Task<BookmarkRecord> OpenTaskAsync(OutgoingDocument document, string step, TaskActor actor, CancellationToken cancellationToken)
    {
        // A draft records no instance id: its key is its own new id, stored with its instance in one SaveChanges.
        var own = await OwnInstance.FindAsync(runtime.Db.Context, OutgoingProcess.Key, document.Id.ToString(), null, cancellationToken);
        var open = await OwnInstance.OpenTasks(runtime.Db.Context, own, step).ToListAsync(cancellationToken);
        return open.FirstOrDefault(t => TaskAccess.MayWork(t, actor)) ?? throw new OutgoingRefusedException(
            open.Count == 0 ? RefusalKind.Conflict : RefusalKind.Forbidden,
            open.Count == 0 ? "Văn bản không ở bước này; không có thay đổi nào được lưu." : "Bạn không được giao xử lý bước này của văn bản.",
            $"No open task {step} of outgoing document {document.Id} for {actor.UserName}.");
    }

    /// <summary>Stores the new document together with the start of its process; its unit heads do the final check (Article 9.2a).</summary>
    private async Task StartAsync(OutgoingDocument document, string actor, CancellationToken cancellationToken)
    {
        var heads = await people.UnitHeadsAsync(document.DraftingUnit, cancellationToken);
        if (heads.Count == 0)
            throw OutgoingRefusedException.Invalid($"Đơn vị {document.DraftingUnit} chưa có trưởng đơn vị để kiểm duyệt văn bản (Điều 9.2a).",
                $"Unit {document.DraftingUnit} has no unit head.");
        var variables = new Dictionary<string, JsonNode?>
        {
            ["documentId"] = document.Id.ToString(),
            ["drafter"] = document.Drafter,
            ["unitHeads"] = new JsonArray([.. heads.Select(h => JsonValue.Create(h.UserName))]),
            ["reviewers"] = new JsonArray(),
            ["priority"] = (int)document.Urgency,
            ["agencyKey"] = options.Value.AgencyKeyId,
        };
        await runtime.StartAsync(new StartRequest(OutgoingProcess.Key, variables, document.Id.ToString(), actor), cancellationToken);
    }

    private async Task CompleteAsync(OutgoingDocument document, string step, TaskActor actor, Dictionary<string, JsonNode?> variables,
        CancellationToken cancellationToken)
    {
        var task = await OpenTaskAsync(document, step, actor, cancellationToken);
        await runtime.CompleteTaskAsync(task.Id, variables, actor, cancellationToken);
    }

    /// <summary>The person drafts for their own unit, whose notation suffix the document carries.</summary>
    private async Task<Drafter> DrafterAsync(TaskActor actor, CancellationToken cancellationToken) =>
        await people.FindAsync(actor.UserName, cancellationToken) is { UnitCode: { } unit }
            ? new Drafter(actor.UserName, unit)
            : throw OutgoingRefusedException.Invalid("Tài khoản chưa thuộc đơn vị nào nên không soạn thảo được văn bản.", "The drafter has no unit.");

    /// <summary>People chosen as recipients must have an unlocked account; their printed name is their full name.</summary>
    private async Task<List<RecipientChoice>> ResolvePeopleAsync(IReadOnlyList<RecipientChoice> choices, CancellationToken cancellationToken)
    {
        var resolved = new List<RecipientChoice>();
        foreach (var choice in choices)
        {
            if (choice.Kind != RecipientKind.Person)
            {
                resolved.Add(choice);
                continue;
            }

            var person = await people.FindAsync(choice.Code, cancellationToken) ?? throw OutgoingRefusedException.Invalid(
                $"Người nhận '{choice.Code}' không có tài khoản trong hệ thống.", $"Unknown person recipient '{choice.Code}'.");
            if (person.IsLocked)
                throw OutgoingRefusedException.Invalid($"Tài khoản của người nhận '{person.FullName}' ({person.UserName}) đang bị khóa nên không nhận được văn bản.",
                    $"Person recipient '{person.UserName}' is locked out.");
            resolved.Add(choice with { Code = person.UserName, Name = person.FullName });
        }

        return resolved;
    }

    private static string Required(string? text, string what) => string.IsNullOrWhiteSpace(text)
        ? throw OutgoingRefusedException.Invalid($"{what} không được để trống.", "A required comment or reason is empty.")
        : text;
}
