using DocBpm.Engine.Activities;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.Records;

/// <summary>What a step of the file-plan process does to the plan.</summary>
public enum FilePlanStep
{
    Submitted,
    Returned,
    Approved,
}

/// <summary>
/// Sets the plan's state from its process, in the step's own SaveChanges: the process is the only way a plan is
/// submitted, returned or approved. The approver is whoever completed the step before it (the run's actor).
/// </summary>
[Activity(Type, Category = "Hồ sơ, lưu trữ", DisplayName = "Ghi nhận bước duyệt danh mục hồ sơ",
    Description = "Submitted: đã trình; Returned: trả lại Văn phòng; Approved: Giám đốc phê duyệt (danh mục không sửa được nữa).")]
public sealed class FilePlanStage(DbContext db) : IActivity
{
    public const string Type = "FilePlanStage";

    [Input(DisplayName = "Danh mục hồ sơ")]
    public required Input<Guid> PlanId { get; init; }

    [Input(DisplayName = "Bước", Description = "Submitted, Returned, Approved")]
    public required Input<FilePlanStep> Step { get; init; }

    [Input(DisplayName = "Số quyết định phê duyệt")]
    public Input<string>? Decision { get; init; }

    public async ValueTask<Outcome> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var planId = context.Get(PlanId);
        var plan = await db.Set<FilePlan>().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken)
            ?? throw new InvalidOperationException($"File plan {planId} does not exist.");
        switch (context.Get(Step))
        {
            case FilePlanStep.Submitted:
                plan.Submit(await db.Set<RecordFile>().CountAsync(f => f.PlanId == planId, cancellationToken));
                break;
            case FilePlanStep.Returned:
                plan.Return();
                break;
            default:
                plan.Approve(context.Actor ?? "", context.Get(Decision), context.Now);
                break;
        }

        return Outcome.Done;
    }
}
