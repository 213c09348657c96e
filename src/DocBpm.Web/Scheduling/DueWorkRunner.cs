using DocBpm.Engine.Messages;
using DocBpm.Engine.Runtime;

namespace DocBpm.Web.Scheduling;

/// <summary>
/// Runs what is due: timer start events, the engine's timers and asynchronous jobs (claimed in batches by
/// <see cref="DueWorkSweep"/>), then the outbox; when one read finds none of them due, nothing more. Each runs in its own scope (its own DbContext), so that one failing
/// instance never spoils another's unit of work.
/// </summary>
public sealed class DueWorkRunner(IServiceScopeFactory scopes, DueWorkSweep sweep)
{
    public const int BatchSize = 100;

    /// <summary>One pass; returns how many start timers, bookmarks and outbox messages were handled.</summary>
    public async Task<int> RunOnceAsync(string node, CancellationToken cancellationToken)
    {
        IReadOnlyList<Guid> starts;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var runtime = scope.ServiceProvider.GetRequiredService<WorkflowRuntime>();
            // An idle host asks once per pass instead of once per kind of work, and claims nothing.
            if (!await runtime.AnyDueAsync(cancellationToken))
                return 0;
            starts = await runtime.FindDueStartsAsync(BatchSize, cancellationToken);
        }

        var handled = 0;
        foreach (var startTimerId in starts)
        {
            await using var scope = scopes.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().FireStartTimerAsync(startTimerId, cancellationToken) is not null)
                handled++;
        }

        handled += await sweep.RunOnceAsync(node, cancellationToken);
        await using (var scope = scopes.CreateAsyncScope())
            handled += await scope.ServiceProvider.GetRequiredService<OutboxProcessor>().DeliverDueAsync(node, BatchSize, cancellationToken);
        return handled;
    }
}
