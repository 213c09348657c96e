using DocBpm.Documents.Coordination;
using DocBpm.Engine.Runtime;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.ProvincialTasks;

/// <summary>
/// Coordinating units of a task line (chủ trì, phối hợp: NĐ30 Điều 23.4): each gets the work item "Đơn vị phối hợp tham
/// gia ý kiến" of the task's process, whose opinion the main handler reads on the task; the Director may change the units
/// while the task is handled, which changes the items. The items never hold up the main handler's reply.
/// </summary>
public sealed class ProvincialCoordination(DbContext db, WorkflowRuntime runtime, CoordinationOpinions opinions)
{
    public static CoordinationPlace Place(Guid taskId) =>
        new(ProvincialTaskProcess.Key, taskId, ProvincialTaskProcess.Coordinate);

    public async Task<CoordinationOpinion> GiveOpinionAsync(Guid taskId, string? text, OpinionFile? file, TaskActor actor,
        CancellationToken cancellationToken)
    {
        if (!await db.Set<ProvincialTask>().AnyAsync(t => t.Id == taskId, cancellationToken))
            throw new TaskNotFoundException(taskId);
        return await opinions.GiveAsync(Place(taskId), text, file, actor, cancellationToken);
    }

    public async Task ChangeCoordinatorsAsync(Guid taskId, IReadOnlyList<string> coordinatingUnits, TaskActor director,
        CancellationToken cancellationToken)
    {
        await ProvincialTaskFlow.EnsureUnitsExistAsync(db, coordinatingUnits, cancellationToken);
        var task = await db.Set<ProvincialTask>().Include(t => t.Document).FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken)
            ?? throw new TaskNotFoundException(taskId);
        task.ChangeCoordinators(coordinatingUnits);
        var result = await runtime.CorrelateAsync(new MessageRequest(ProvincialTaskProcess.CoordinationChangedMessage, task.Id.ToString(), null, Actor: director.UserName),
            cancellationToken);
        if (result.Kind == CorrelationKind.NotCorrelated)
            throw new TaskRuleException("wrong-stage", $"Nhiệm vụ đang ở bước \"{task.Stage.Vietnamese()}\", không điều chỉnh được đơn vị phối hợp.",
                $"Task {taskId} takes no change of coordinating units now.");
    }
}
