using DocBpm.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DocBpm.Web.Data;

public static class DatabaseMigrator
{
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var context = services.GetRequiredService<DocBpmDbContext>();
        if (context.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers (inbox pages) go on while a step writes; it is a property of the file, set once.
            await context.Database.OpenConnectionAsync(cancellationToken);
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await context.Database.CloseConnectionAsync();
        }

        await context.Database.MigrateAsync(cancellationToken);
        // The application's sessions prepare what they repeat (PostgresSessions.ForApplication), and a statement prepared
        // before a migration changed its table's columns fails on every session that kept it. Closing the pooled sessions
        // (those in use are closed when they come back) leaves none of them to serve the next request.
        if (context.Database.GetDbConnection() is NpgsqlConnection connection)
            NpgsqlConnection.ClearPool(connection);
    }
}
