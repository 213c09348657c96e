using System.Text.Json.Nodes;
using DocBpm.Documents.Access;
using DocBpm.Engine;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.Records;

/// <summary>Where a plan's approval stands: the steps waiting (the diagram's names) and the reason of the last return.</summary>
public sealed record FilePlanReview(IReadOnlyList<BookmarkRecord> Waiting, string? ReturnReason)
{
    public static FilePlanReview None { get; } = new([], null);

    /// <summary>The review step <paramref name="reader"/> may decide now, if any.</summary>
    public BookmarkRecord? ReviewFor(Reader reader) => Waiting.FirstOrDefault(t => t.FormKey == FilePlanProcess.ReviewForm && reader.MayWork(t));
}

/// <summary>
/// NĐ30 Article 28 through the <c>file-plan</c> process: the office submits the plan (the first time starts the plan's
/// instance, whose id is the plan's, so two first submissions cannot both start one), a reviewer approves or returns it
/// with a reason, the office resubmits. The rules are checked here first, so a refusal says why in Vietnamese rather
/// than failing the step; the diagram's <see cref="FilePlanStage"/> steps then change the plan in the same SaveChanges.
/// </summary>
public sealed class FilePlanApproval(DbContext db, WorkflowRuntime runtime)
{
    public const int ReasonLength = 2000;

    /// <param name="revision">The plan's revision the office read and submits; none is refused (428).</param>
    public async Task SubmitAsync(Guid planId, int? revision, Reader reader, CancellationToken cancellationToken)
    {
        if (!reader.MayPlan())
            throw RecordsRefusedException.Forbidden("not-office", "Danh mục hồ sơ do Văn phòng lập và trình Giám đốc phê duyệt.",
                $"{reader.UserName} may not submit the file plan.");
        var plan = await PlanAsync(planId, cancellationToken);
        // The revision first: a submitter who read a plan someone has emptied or submitted since must be told that it
        // changed (409, reload), not that it is empty or no longer a draft, which is no longer the plan they read.
        plan.ExpectRevision(revision);
        // The rule checked here for a Vietnamese refusal; the diagram's Submitted step applies it to the same tracked plan.
        plan.ExpectSubmittable(await db.Set<RecordFile>().CountAsync(f => f.PlanId == planId, cancellationToken));
        if (!await db.Set<InstanceRecord>().AnyAsync(i => i.Id == planId, cancellationToken))
        {
            await StepAsync(plan, () => runtime.StartAsync(new StartRequest(FilePlanProcess.Key, new Dictionary<string, JsonNode?>
            {
                [FilePlanProcess.PlanId] = planId.ToString(),
                ["year"] = plan.Year,
                [FilePlanProcess.Approved] = false,
                [FilePlanProcess.ReturnReason] = null,
                [FilePlanProcess.Decision] = null,
            }, planId.ToString(), reader.UserName, InstanceId: planId), cancellationToken));
            return;
        }

        var revise = (await ReviewAsync(planId, cancellationToken)).Waiting.FirstOrDefault(t => t.FormKey == FilePlanProcess.ReviseForm)
            ?? throw new RecordsRefusedException(RefusalKind.Conflict, "not-returned",
                $"Quy trình duyệt danh mục hồ sơ năm {plan.Year} không chờ Văn phòng trình lại.", $"Plan {planId} waits for no resubmission.");
        await StepAsync(plan, () => runtime.CompleteTaskAsync(revise.Id, null, reader.Actor, cancellationToken));
    }

    /// <summary>
    /// Approves (with the approving decision's number) or returns the plan (with a reason) at the reviewer's step, the plan
    /// as the reviewer read it (<paramref name="revision"/>; none is refused).
    /// </summary>
    public async Task DecideAsync(Guid planId, bool approve, string? reason, string? decision, int? revision, Reader reader,
        CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(planId, cancellationToken);
        plan.ExpectSubmitted();
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        decision = string.IsNullOrWhiteSpace(decision) ? null : decision.Trim();
        if (!approve && reason is null)
            throw RecordsRefusedException.Invalid("reason-required", "Trả lại danh mục hồ sơ cần nêu lý do để Văn phòng sửa.", "A return needs a reason.");
        if (reason?.Length > ReasonLength || decision?.Length > FilePlan.DecisionLength)
            throw RecordsRefusedException.Invalid("too-long",
                $"Lý do trả lại tối đa {ReasonLength} ký tự, số quyết định tối đa {FilePlan.DecisionLength} ký tự.", "Reason or decision too long.");
        var review = await ReviewAsync(planId, cancellationToken);
        if (!review.Waiting.Any(t => t.FormKey == FilePlanProcess.ReviewForm))
            throw plan.NotSubmitted();
        var step = review.ReviewFor(reader)
            ?? throw RecordsRefusedException.Forbidden("not-reviewer",
                $"Danh mục hồ sơ năm {plan.Year} đang chờ bước \"{string.Join("\", \"", review.Waiting.Select(t => t.TaskName))}\"; bạn không được giao bước này.",
                $"{reader.UserName} may not review plan {planId}.");
        plan.ExpectRevision(revision);
        await StepAsync(plan, () => runtime.CompleteTaskAsync(step.Id, new Dictionary<string, JsonNode?>
        {
            [FilePlanProcess.Approved] = approve,
            [FilePlanProcess.ReturnReason] = approve ? null : reason,
            [FilePlanProcess.Decision] = decision,
        }, reader.Actor, cancellationToken));
    }

    /// <summary>
    /// Runs the plan's process step; a step that lost its race (the plan or its process changed by someone else since this
    /// request checked it) is refused in the plan's words rather than the engine's.
    /// </summary>
    private static async Task StepAsync(FilePlan plan, Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (ConcurrencyConflictException)
        {
            throw plan.LostRace();
        }
    }

    public async Task<FilePlanReview> ReviewAsync(Guid planId, CancellationToken cancellationToken)
    {
        var instance = await db.Set<InstanceRecord>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == planId, cancellationToken);
        if (instance is null)
            return FilePlanReview.None;
        var waiting = await db.Set<BookmarkRecord>().AsNoTracking()
            .Where(b => b.InstanceId == planId && b.Kind == BookmarkKind.UserTask && b.Status == BookmarkStatus.Active)
            .OrderBy(b => b.CreatedAt).ToListAsync(cancellationToken);
        var state = InstanceState.Deserialize(instance.State);
        var reason = state.Scopes.Count > 0 && state.Root.Variables.GetValueOrDefault(FilePlanProcess.ReturnReason) is JsonValue value
            && value.TryGetValue<string>(out var text) ? text : null;
        return new FilePlanReview(waiting, reason);
    }

    /// <summary>
    /// The plan tracked as it was read here: the diagram's <see cref="FilePlanStage"/> step, in the same unit of work, gets
    /// this very object, so the run's update of the plan row is checked against this revision and an edit committed in
    /// between makes the step a lost race (409) instead of submitting or approving a plan nobody read.
    /// </summary>
    private async Task<FilePlan> PlanAsync(Guid planId, CancellationToken cancellationToken) =>
        await db.Set<FilePlan>().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken)
        ?? throw RecordsRefusedException.NotFound("danh mục hồ sơ", planId);
}
