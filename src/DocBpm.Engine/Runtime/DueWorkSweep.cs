using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DocBpm.Engine.Runtime;

/// <summary>How one host sweeps due timers and jobs.</summary>
/// <param name="BatchSize">Bookmarks claimed per statement.</param>
/// <param name="Workers">Bookmarks run at once, each in its own scope and transaction; SQLite runs one at a time whatever this says.</param>
/// <param name="ClaimLease">How long a claim keeps other hosts off; longer than a batch takes to run.</param>
public sealed record DueWorkSweepOptions(int BatchSize = 250, int Workers = 8, TimeSpan? ClaimLease = null)
{
    public TimeSpan Lease => ClaimLease ?? TimeSpan.FromMinutes(2);
}

/// <summary>
/// One host's pass over due timers and jobs: claims them in batches from the engine's own tables and runs each in its
/// own scope (its own DbContext and transaction), so that one failing instance never spoils another's unit of work.
/// Hosts sharing a database each run their own sweep; the claims split the work between them.
/// </summary>
public sealed partial class DueWorkSweep(IServiceScopeFactory scopes, DueWorkSweepOptions options, ILogger<DueWorkSweep> logger)
{
    /// <summary>Claims and runs batches until a batch comes back short; returns how many bookmarks ran.</summary>
    public async Task<int> RunOnceAsync(string owner, CancellationToken cancellationToken)
    {
        var fired = 0;
        int claimed;
        do
        {
            IReadOnlyList<Guid> batch;
            int workers;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var runtime = scope.ServiceProvider.GetRequiredService<WorkflowRuntime>();
                batch = await runtime.ClaimDueAsync(owner, options.BatchSize, options.Lease, cancellationToken);
                // SQLite has one writer at a time: parallel runs would only queue on its lock.
                workers = runtime.Db.Provider == Persistence.DatabaseProvider.Sqlite ? 1 : options.Workers;
            }

            claimed = batch.Count;
            await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken },
                async (bookmarkId, ct) =>
                {
                    if (await FireAsync(bookmarkId, ct))
                        Interlocked.Increment(ref fired);
                });
        }
        while (claimed == options.BatchSize);

        if (fired > 0)
            LogSwept(owner, fired);
        return fired;
    }

    private async Task<bool> FireAsync(Guid bookmarkId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().FireDueAsync(bookmarkId, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Owner} ran {Count} due timers and jobs")]
    private partial void LogSwept(string owner, int count);
}
