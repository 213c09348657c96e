using Quartz;

namespace DocBpm.Web.Scheduling;

/// <summary>
/// The safety net: every few seconds, whatever is due and was not fired by its own trigger (a node crashed, a trigger
/// was lost) runs. Clustered Quartz runs it on one node at a time.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DueWorkSweepJob(DueWorkRunner runner) : IJob
{
    public static readonly JobKey Key = new("due-work-sweep", "docbpm");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await runner.RunOnceAsync(context.Scheduler.SchedulerInstanceId, cancellationToken);
}

/// <summary>Fires one timer or job at its due time.</summary>
public sealed class FireBookmarkJob(DueWorkRunner runner) : IJob
{
    public static readonly JobKey Key = new("fire-bookmark", "docbpm");
    public const string BookmarkKey = "bookmarkId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await runner.FireAsync(Guid.Parse(context.MergedJobDataMap.GetString(BookmarkKey)!), cancellationToken);
}
