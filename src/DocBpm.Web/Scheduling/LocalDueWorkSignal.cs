using DocBpm.Engine.Runtime;

namespace DocBpm.Web.Scheduling;

/// <summary>
/// Wakes this host's sweep when a step of this host makes a timer or job due sooner than the next sweep, so that it fires
/// on time; nothing is written anywhere. Work another host creates is found by that host's wake-up or by any sweep.
/// </summary>
public sealed class LocalDueWorkSignal(TimeProvider time) : IDueWorkSignal
{
    private readonly Lock gate = new();
    private DateTimeOffset? earliest;
    private TaskCompletionSource nudge = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ValueTask NotifyAsync(IReadOnlyList<DueWork> due, CancellationToken cancellationToken)
    {
        if (due.Count == 0)
            return ValueTask.CompletedTask;
        var soonest = due.Min(d => d.DueAt);
        lock (gate)
        {
            if (earliest is null || soonest < earliest)
            {
                earliest = soonest;
                nudge.TrySetResult();
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Waits <paramref name="interval"/>, or less when something signalled becomes due before then.</summary>
    public async Task WaitAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow() + interval;
        while (true)
        {
            DateTimeOffset wake;
            Task nudged;
            lock (gate)
            {
                var now = time.GetUtcNow();
                if (earliest is { } due && due <= now)
                {
                    earliest = null;
                    return;
                }

                wake = earliest is { } next && next < until ? next : until;
                if (wake <= now)
                    return;
                if (nudge.Task.IsCompleted)
                    nudge = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                nudged = nudge.Task;
            }

            using var sleeping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var left = wake - time.GetUtcNow();
            var slept = Task.Delay(left > TimeSpan.Zero ? left : TimeSpan.Zero, time, sleeping.Token);
            var first = await Task.WhenAny(slept, nudged);
            await sleeping.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
            if (first == slept && wake == until)
                return;
        }
    }
}
