using Quartz;

namespace DocBpm.Web.Scheduling;

/// <summary>
/// This host's recurring sweep of due work (<see cref="DueWorkRunner"/>): every <c>Scheduling:SweepSeconds</c>, or
/// sooner when this host made something due sooner. Every host runs its own; the engine's claims split the timers
/// between them, so a burst of thousands is spread over the hosts rather than fired by one Quartz trigger each.
/// </summary>
public sealed partial class DueWorkSweeper(DueWorkRunner runner, LocalDueWorkSignal signal, ISchedulerFactory schedulers,
    IConfiguration configuration, ILogger<DueWorkSweeper> logger) : BackgroundService
{
    /// <summary>
    /// Jobs of earlier versions, whose stored triggers would otherwise fire a job class that no longer exists: one trigger
    /// per bookmark, and the sweep that ran on one host at a time.
    /// </summary>
    private static readonly JobKey[] Retired = [new("fire-bookmark", "docbpm"), new("due-work-sweep", "docbpm")];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(configuration.GetValue("Scheduling:SweepSeconds", 5));
        var scheduler = await schedulers.GetScheduler(stoppingToken);
        await scheduler.DeleteJobs(Retired, stoppingToken);
        var node = scheduler.SchedulerInstanceId;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await runner.RunOnceAsync(node, stoppingToken);
                await signal.WaitAsync(interval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be away for a moment; claims of the failed pass expire and the next pass retries.
                LogSweepFailed(ex.Message);
                await signal.WaitAsync(interval, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The due-work sweep failed; it runs again at its next interval: {Error}")]
    private partial void LogSweepFailed(string error);
}
