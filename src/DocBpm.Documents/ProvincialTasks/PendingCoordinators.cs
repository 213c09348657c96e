using DocBpm.Documents.Coordination;
using DocBpm.Engine.Activities;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.ProvincialTasks;

/// <summary>
/// The coordinating units of a task line that have not given their opinion yet: each gets a work item. Read from the
/// task line, so that a re-entered deadline scope or a changed list of units offers no item twice.
/// </summary>
[Activity(Topic, Category = "Nhiệm vụ UBND tỉnh giao", DisplayName = "Đơn vị phối hợp chưa cho ý kiến",
    Description = "Danh sách đơn vị phối hợp của nhiệm vụ chưa tham gia ý kiến, để giao việc phối hợp.")]
public sealed class PendingCoordinators(DbContext db) : IActivity
{
    public const string Topic = "ProvincialPendingCoordinators";

    [Input(DisplayName = "Nhiệm vụ")]
    public required Input<Guid> TaskId { get; init; }

    [Output(DisplayName = "Đơn vị phối hợp chưa cho ý kiến")]
    public Output<string[]> Units { get; init; } = new();

    public async ValueTask<Outcome> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var id = context.Get(TaskId);
        // Tracked: the step that assigns or changes the units runs this before it saves them.
        var task = await db.Set<ProvincialTask>().FindAsync([id], cancellationToken)
            ?? throw new InvalidOperationException($"Provincial task {id} does not exist.");
        var answered = await db.Set<CoordinationOpinion>().AsNoTracking()
            .Where(o => o.ProcessKey == ProvincialTaskProcess.Key && o.SubjectId == id && o.UnitCode != null)
            .Select(o => o.UnitCode!).ToListAsync(cancellationToken);
        context.Set(Units, [.. task.Coordinators.Except(answered, StringComparer.Ordinal)]);
        return Outcome.Done;
    }
}
