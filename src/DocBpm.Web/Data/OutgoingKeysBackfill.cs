using DocBpm.Documents.Outgoing;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Data;

/// <summary>
/// Keys the outgoing documents stored before their search keys (migration <c>OutgoingSearchKeys</c>), so that a search
/// finds them as soon as the upgraded application serves. The fold is <see cref="OutgoingSearchKeys.Of"/> in C#, which
/// SQL cannot reproduce (Unicode decomposition), so it runs after migrating rather than inside the migration. A batch
/// at a time by id, each in its own transaction: memory stays bounded on a database of millions of rows, and a start
/// that stopped half way leaves the rest to the next one.
/// </summary>
public static partial class OutgoingKeysBackfill
{
    public const int BatchSize = 1_000;

    /// <summary>
    /// Keys every unkeyed row; returns how many it read, a row it cannot key included. Nothing to key is one read of the
    /// index of unkeyed rows.
    /// </summary>
    public static async Task<int> RunAsync(DbContext db, ILogger logger, int batchSize, CancellationToken cancellationToken)
    {
        var keyed = 0;
        // Rows that got a subject key: what the statistics must learn. A row that cannot be keyed is read again at every
        // start, and must not make every start log a backfill and analyse the table.
        var written = 0;
        // By id past the last batch, not "the unkeyed rows" again: a row whose subject folds to nothing (combining marks
        // only, stored before drafts refused that) stays unkeyed, and would be read again for ever.
        var after = Guid.Empty;
        while (true)
        {
            var from = after;
            var batch = await db.Set<OutgoingDocument>().AsNoTracking()
                .Where(d => d.SubjectKey == "" && d.Id.CompareTo(from) > 0)
                .OrderBy(d => d.Id).Take(batchSize)
                .Select(d => new { d.Id, d.Subject, d.NumberAndNotation, d.SignerName })
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
                break;
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                foreach (var row in batch)
                {
                    var keys = OutgoingSearchKeys.Of(row.Subject, row.NumberAndNotation, row.SignerName);
                    if (keys.Subject.Length > 0)
                        written++;
                    await db.Set<OutgoingDocument>().Where(d => d.Id == row.Id).ExecuteUpdateAsync(s => s
                        .SetProperty(d => d.SubjectKey, keys.Subject)
                        .SetProperty(d => d.NotationKey, keys.Notation)
                        .SetProperty(d => d.SignerKey, keys.Signer), cancellationToken);
                }
                await transaction.CommitAsync(cancellationToken);
            }
            keyed += batch.Count;
            after = batch[^1].Id;
            LogBatch(logger, keyed);
        }

        if (written > 0)
        {
            LogKeyed(logger, written);
            // PostgreSQL's statistics still say every key is empty until autovacuum gets round to the table: a search
            // planned on them expects no match, reads every match through the trigram index and asks each about the
            // reader's tasks (a deputy's search at 100,000 outgoing documents: 173 ms p50 in the first minutes after the
            // upgrade, 30 ms once the table had been analysed).
            if (db.Database.IsNpgsql())
            {
                var analyze = $"ANALYZE \"{db.Model.FindEntityType(typeof(OutgoingDocument))!.GetTableName()}\"";
                await db.Database.ExecuteSqlRawAsync(analyze, cancellationToken);
            }
        }
        return keyed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search keys written for {Count} outgoing documents stored before them so far")]
    private static partial void LogBatch(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search keys written for all {Count} outgoing documents stored before them")]
    private static partial void LogKeyed(ILogger logger, int count);
}
