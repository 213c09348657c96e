using DocBpm.Engine.Runtime;
using Quartz;

namespace DocBpm.Web.Scheduling;

/// <summary>
/// Gives each new timer or job its own Quartz trigger at its due time, so that it fires on time rather than at the next
/// sweep. Triggers are stored in Quartz's tables; the sweep covers any that could not be scheduled.
/// </summary>
public sealed partial class QuartzDueWorkSignal(ISchedulerFactory schedulers, ILogger<QuartzDueWorkSignal> logger) : IDueWorkSignal
{
    public async ValueTask NotifyAsync(IReadOnlyList<DueWork> due, CancellationToken cancellationToken)
    {
        try
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            foreach (var work in due)
            {
                var trigger = TriggerBuilder.Create()
                    .WithIdentity($"{work.BookmarkId:N}-{work.DueAt.UtcTicks}", "bookmarks")
                    .ForJob(FireBookmarkJob.Key)
                    .UsingJobData(FireBookmarkJob.BookmarkKey, work.BookmarkId.ToString())
                    .StartAt(work.DueAt)
                    .Build();
                await scheduler.ScheduleTrigger(trigger, TriggerConflict.Keep, cancellationToken);
            }
        }
        catch (SchedulerException ex)
        {
            // The step is stored already; the periodic sweep will fire the work, only later.
            LogScheduleFailed(due.Count, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not schedule {Count} due bookmarks; the sweep will pick them up: {Error}")]
    private partial void LogScheduleFailed(int count, string error);
}
