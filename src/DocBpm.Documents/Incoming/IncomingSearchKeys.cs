using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.Incoming;

/// <summary>
/// Keys the incoming documents stored before their search keys existed. SQL cannot fold Vietnamese diacritics the same
/// way on SQLite, PostgreSQL and SQL Server, so the SearchKeys migration only adds the columns and this runs at start-up,
/// after the migrations, in C#: the one folding every search uses.
/// </summary>
public static class IncomingSearchKeys
{
    private const int BatchSize = 500;

    /// <summary>Fills the keys of rows that have none (an empty notation key: a keyed row has at least "/"); none left, nothing done.</summary>
    public static async Task<int> FillMissingAsync(DbContext db, CancellationToken cancellationToken)
    {
        var keyed = 0;
        while (true)
        {
            var batch = await db.Set<IncomingDocument>().Where(d => d.NotationKey == "").OrderBy(d => d.Id).Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
                return keyed;
            foreach (var document in batch)
            {
                document.Rekey();
                // Marked outright: were the keys already folded while loading, a snapshot comparison would see no change and loop.
                var entry = db.Entry(document);
                entry.Property(d => d.SubjectKey).IsModified = true;
                entry.Property(d => d.SenderKey).IsModified = true;
                entry.Property(d => d.NotationKey).IsModified = true;
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            keyed += batch.Count;
        }
    }
}
