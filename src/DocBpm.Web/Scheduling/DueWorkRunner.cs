using DocBpm.Engine.Messages;
using DocBpm.Engine.Runtime;

namespace DocBpm.Web.Scheduling;

/// <summary>
/// Runs what is due: timers and asynchronous jobs of the engine, then the outbox. Each bookmark runs in its own scope
/// (its own DbContext) so that one failing instance never spoils another's unit of work.
/// </summary>
public sealed class DueWorkRunner(IServiceScopeFactory scopes)
{
    public const int BatchSize = 100;

    /// <summary>One pass; returns how many bookmarks and outbox messages were handled.</summary>
    public async Task<int> RunOnceAsync(string node, CancellationToken cancellationToken)
    {
        IReadOnlyList<Guid> due, starts;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var runtime = scope.ServiceProvider.GetRequiredService<WorkflowRuntime>();
            starts = await runtime.FindDueStartsAsync(BatchSize, cancellationToken);
            due = await runtime.FindDueAsync(BatchSize, cancellationToken);
        }

        var handled = 0;
        foreach (var startTimerId in starts)
        {
            await using var scope = scopes.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().FireStartTimerAsync(startTimerId, cancellationToken) is not null)
                handled++;
        }

        foreach (var bookmarkId in due)
        {
            if (await FireAsync(bookmarkId, cancellationToken))
                handled++;
        }

        await using (var scope = scopes.CreateAsyncScope())
            handled += await scope.ServiceProvider.GetRequiredService<OutboxProcessor>().DeliverDueAsync(node, BatchSize, cancellationToken);
        return handled;
    }

    public async Task<bool> FireAsync(Guid bookmarkId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().FireDueAsync(bookmarkId, cancellationToken);
    }
}
