using DocBpm.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Inbox;

/// <summary>
/// Runs the reads of a tray on PostgreSQL with a plan made for the person who asks (<c>plan_cache_mode =
/// force_custom_plan</c> for their transaction). Sessions prepare the statements they repeat (<c>PostgresSessions</c>),
/// and after five calls PostgreSQL keeps one generic plan for a prepared statement when it estimates it cheaper, the same
/// plan for everybody. Which side of "offered to me" to drive from depends on whom: the clerks have a million candidate
/// rows (read the open work in order and probe), the Director none (read the candidates, find nothing). The generic plan
/// walks the open work, so the Director's continuation page read and probed every open unassigned task of the Department
/// (4,768 rows, 17,243 buffers, 41 ms at 1,000,000 documents, against 0.2 ms planned for him; docs/benchmarks.md).
/// Planning a page costs about a millisecond; the transaction, two round trips.
/// </summary>
internal static class PlannedPerCall
{
    public static async Task<T> ReadAsync<T>(EngineDb engine, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        if (engine.Provider != DatabaseProvider.PostgreSql)
            return await read(cancellationToken);
        var database = engine.Context.Database;
        await using var transaction = database.CurrentTransaction is null ? await database.BeginTransactionAsync(cancellationToken) : null;
        await database.ExecuteSqlRawAsync("SET LOCAL plan_cache_mode = force_custom_plan", cancellationToken);
        var result = await read(cancellationToken);
        if (transaction is not null)
            await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
