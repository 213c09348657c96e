using DocBpm.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DocBpm.Web.Data;

public static class DatabaseMigrator
{
    /// <summary>
    /// How long one statement of a migration may run. A migration that moves data (a backfill of a column over every row
    /// the Department ever stored) takes minutes on a large database: at the application's 30 seconds a statement, the
    /// upgrade of a deployed database stopped half way and the host with it (OutgoingTaskIndexes over 2,000,000 candidate
    /// rows took 30 s).
    /// </summary>
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromHours(1);

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var context = services.GetRequiredService<DocBpmDbContext>();
        var timeout = context.Database.GetCommandTimeout();
        context.Database.SetCommandTimeout(CommandTimeout);
        try
        {
            if (context.Provider == DatabaseProvider.Sqlite)
            {
                // WAL lets readers (inbox pages) go on while a step writes; it is a property of the file, set once.
                await context.Database.OpenConnectionAsync(cancellationToken);
                await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
                await context.Database.CloseConnectionAsync();
            }

            await context.Database.MigrateAsync(cancellationToken);
            // Before the application serves, so that a search finds the documents stored before their keys.
            var logger = services.GetService<ILoggerFactory>()?.CreateLogger(typeof(OutgoingKeysBackfill)) ?? NullLogger.Instance;
            await OutgoingKeysBackfill.RunAsync(context, logger, OutgoingKeysBackfill.BatchSize, cancellationToken);
        }
        finally
        {
            context.Database.SetCommandTimeout(timeout);
        }

        // The application's sessions prepare what they repeat (PostgresSessions.ForApplication), and a statement prepared
        // before a migration changed its table's columns fails on every session that kept it. Closing the pooled sessions
        // (those in use are closed when they come back) leaves none of them to serve the next request.
        if (context.Database.GetDbConnection() is NpgsqlConnection connection)
            NpgsqlConnection.ClearPool(connection);
    }
}
