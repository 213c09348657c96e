using DocBpm.Documents.Calendar;

namespace DocBpm.Web.Calendar;

/// <summary>
/// Reloads the calendar days every minute, so that an edit made on one host reaches the others (the editing host
/// reloads at once).
/// </summary>
public sealed partial class CalendarRefresher(IServiceScopeFactory scopes, TimeProvider time, ILogger<CalendarRefresher> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            // The tick resumes this loop on the thread that fired the timer. A test's FakeTimeProvider fires every minute a
            // jump skips, in turn, on the thread moving the clock: reloading there (SQLite answers synchronously) reloaded
            // once per skipped minute, 525,600 times for a year, and the jump never ended. Off that thread the skipped
            // ticks coalesce into one, as they do on the system clock.
            await Task.Yield();
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<CalendarDays>().ReloadAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogReloadFailed(ex.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reloading the working calendar failed; the previous one stays in use: {Error}")]
    private partial void LogReloadFailed(string error);
}
