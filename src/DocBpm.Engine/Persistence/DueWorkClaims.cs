using Microsoft.EntityFrameworkCore;

namespace DocBpm.Engine.Persistence;

/// <summary>
/// Takes a batch of due timers and jobs for one host in one statement, so that hosts sharing a database split the work
/// instead of all reading the same rows: PostgreSQL skips the rows another host is claiming (<c>FOR UPDATE SKIP
/// LOCKED</c>), SQL Server reads past them (<c>READPAST</c>, <c>UPDLOCK</c>), and SQLite, which has one writer at a time,
/// claims with a plain update. A claim expires, so the work of a host that dies mid-batch is taken by the next sweep
/// after the lease. The claim spreads work; exactly-once firing rests on the instance revision, as before.
/// </summary>
internal static class DueWorkClaims
{
    private const string Due = """
        "Kind" IN ('Timer', 'Job') AND "Status" = 'Active' AND "DueAt" <= {0}
        AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" <= {0})
        """;

    private static readonly string PostgreSql = $$"""
        UPDATE bpm_bookmarks SET "ClaimedBy" = {1}, "ClaimedUntil" = {2}
        WHERE "Id" IN (SELECT "Id" FROM bpm_bookmarks WHERE {{Due}} ORDER BY "DueAt" LIMIT {3} FOR UPDATE SKIP LOCKED)
        RETURNING "Id" AS "Value"
        """;

    private static readonly string SqlServer = $$"""
        WITH due AS (SELECT TOP ({3}) * FROM bpm_bookmarks WITH (UPDLOCK, READPAST, ROWLOCK) WHERE {{Due}} ORDER BY "DueAt")
        UPDATE due SET "ClaimedBy" = {1}, "ClaimedUntil" = {2} OUTPUT inserted."Id" AS "Value"
        """;

    private static readonly string Sqlite = $$"""
        UPDATE bpm_bookmarks SET "ClaimedBy" = {1}, "ClaimedUntil" = {2}
        WHERE "Id" IN (SELECT "Id" FROM bpm_bookmarks WHERE {{Due}} ORDER BY "DueAt" LIMIT {3})
        RETURNING "Id" AS "Value"
        """;

    public static async Task<IReadOnlyList<Guid>> ClaimAsync(EngineDb db, string owner, DateTimeOffset now, TimeSpan lease, int limit,
        CancellationToken cancellationToken)
    {
        var database = db.Context.Database;
        var sql = db.Provider switch
        {
            DatabaseProvider.PostgreSql => PostgreSql,
            DatabaseProvider.SqlServer => SqlServer,
            _ => Sqlite,
        };
        object[] parameters = [Stored(db, now), owner, Stored(db, now + lease), limit];
        return await database.SqlQueryRaw<Guid>(sql, parameters).ToListAsync(cancellationToken);
    }

    /// <summary>An instant as the provider stores it (SQLite keeps it as binary ticks, see EngineConventions).</summary>
    private static object Stored(EngineDb db, DateTimeOffset instant) =>
        db.Context.Model.FindEntityType(typeof(BookmarkRecord))!.FindProperty(nameof(BookmarkRecord.DueAt))!
            .GetTypeMapping().Converter?.ConvertToProvider(instant) ?? instant;
}
