using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DocBpm.Engine.Runtime;

/// <summary>How one host sweeps due timers and jobs.</summary>
/// <param name="BatchSize">Bookmarks claimed per statement, and fired with one read and one write.</param>
/// <param name="Workers">Batches run at once, each in its own scope; SQLite runs one at a time whatever this says.</param>
/// <param name="ClaimLease">How long a claim keeps other hosts off; longer than a batch takes to run.</param>
public sealed record DueWorkSweepOptions(int BatchSize = 250, int Workers = 4, TimeSpan? ClaimLease = null)
{
    public TimeSpan Lease => ClaimLease ?? TimeSpan.FromMinutes(2);
}

/// <summary>
/// One host's pass over due timers and jobs: claims them in batches from the engine's own tables and fires each batch in
/// its own scope with one read and one write (<see cref="WorkflowRuntime.FireDueBatchAsync"/>), which keeps each
/// instance its own unit of work. Hosts sharing a database each run their own sweep; the claims split the work between
/// them.
/// </summary>
public sealed partial class DueWorkSweep(IServiceScopeFactory scopes, DueWorkSweepOptions options, ILogger<DueWorkSweep> logger)
{
    /// <summary>
    /// Claims and fires batches until every worker's last claim comes back short; returns how many bookmarks ran. One
    /// worker claims first and the others join only when its claim comes back full: an idle host's pass is then one
    /// claim, not one per worker, and a burst still gets every worker from its second batch on.
    /// </summary>
    public async Task<int> RunOnceAsync(string owner, CancellationToken cancellationToken)
    {
        var (fired, claimed, workers) = await FirstBatchAsync(owner, cancellationToken);
        if (claimed == options.BatchSize)
        {
            fired += (await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(() => WorkAsync(owner, cancellationToken), cancellationToken))))
                .Sum();
        }

        if (fired > 0)
            LogSwept(owner, fired);
        return fired;
    }

    /// <summary>The pass's first claim and its firing, and how many workers the rest of the pass may use.</summary>
    private async Task<(int Fired, int Claimed, int Workers)> FirstBatchAsync(string owner, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var runtime = scope.ServiceProvider.GetRequiredService<WorkflowRuntime>();
        // SQLite has one writer at a time: parallel batches would only queue on its lock.
        var workers = runtime.Db.Provider == Persistence.DatabaseProvider.Sqlite ? 1 : options.Workers;
        var (fired, claimed) = await ClaimAndFireAsync(runtime, owner, cancellationToken);
        return (fired, claimed, workers);
    }

    /// <summary>One worker: claims a batch and fires it, until a claim comes back short.</summary>
    private async Task<int> WorkAsync(string owner, CancellationToken cancellationToken)
    {
        var fired = 0;
        int claimed;
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            (var batchFired, claimed) = await ClaimAndFireAsync(scope.ServiceProvider.GetRequiredService<WorkflowRuntime>(), owner, cancellationToken);
            fired += batchFired;
        }
        while (claimed == options.BatchSize);
        return fired;
    }

    private async Task<(int Fired, int Claimed)> ClaimAndFireAsync(WorkflowRuntime runtime, string owner, CancellationToken cancellationToken)
    {
        var batch = await runtime.ClaimDueAsync(owner, options.BatchSize, options.Lease, cancellationToken);
        return (batch.Count > 0 ? await runtime.FireDueBatchAsync(batch, cancellationToken) : 0, batch.Count);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Owner} ran {Count} due timers and jobs")]
    private partial void LogSwept(string owner, int count);
}
