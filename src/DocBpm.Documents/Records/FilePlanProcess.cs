using DocBpm.Engine.Model;

namespace DocBpm.Documents.Records;

/// <summary>
/// The names workflows/file-plan.bpmn and this code share. The plan's actions complete the open user task of the plan's
/// instance by its form key, not by its id, so an analyst may add a review step (a deputy's, say) with the
/// <see cref="ReviewForm"/> form key and the candidates he chooses, and the plan page offers it to them; the diagram's
/// <see cref="FilePlanStage"/> steps set the plan's state. The deploy refuses a version of the key that lacks one of these.
/// </summary>
public static class FilePlanProcess
{
    public const string Key = "file-plan";

    /// <summary>The Director's approval, the step the shipped diagram ends the review with.</summary>
    public const string DirectorApproval = "DirectorApproval";

    /// <summary>The office edits the returned plan and submits it again.</summary>
    public const string Revise = "Revise";

    /// <summary>The form key of a review step: approve ("Đồng ý") or return with a reason ("Trả lại").</summary>
    public const string ReviewForm = "file-plan-review";

    /// <summary>The form key of the office's step after a return: resubmit.</summary>
    public const string ReviseForm = "file-plan-revise";

    public const string PlanId = "planId";
    public const string Approved = "approved";
    public const string ReturnReason = "returnReason";
    public const string Decision = "decision";

    public static ProcessContract Contract { get; } = new(Key)
    {
        UserTasks = [DirectorApproval, Revise],
        Variables = [PlanId, Approved, Decision],
        ActivityTypes = [FilePlanStage.Type],
    };
}
