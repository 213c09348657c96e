using System.Collections.Concurrent;
using System.Data.Common;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace DocBpm.Web.Tests.Data;

/// <summary>
/// Issue 19: the application's PostgreSQL sessions prepare the statements they repeat. A statement prepared before a
/// migration changed the columns it returns must not be served on a session after it: PostgreSQL refuses it ("cached
/// plan must not change result type") on every session that kept it.
/// </summary>
[TestClass]
public sealed class DatabaseMigratorTests
{
    /// <summary>The migration before <c>TimerClaims</c>, which adds two columns to <c>bpm_bookmarks</c>.</summary>
    private const string BeforeTimerClaims = "20261206161523_ProvincialTaskRecordingForm";

    /// <summary>
    /// A reading whose result type the pending migration changes. The application's own queries name their columns, so a
    /// migration changes their result type by changing a column's type or length (a widened text column); a whole-row
    /// reading meets the same check of the server's plan cache with the migrations this repository already has.
    /// </summary>
    private const string Reading = "SELECT * FROM bpm_bookmarks";

    /// <summary>Sessions open at once, so that some of them hold the prepared reading while another one migrates.</summary>
    private const int Sessions = 3;

    [TestMethod]
    public async Task Issue19_no_session_prepared_before_a_migration_serves_the_application_after_it()
    {
        TestDatabase.RequirePostgres();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        await using var services = new ServiceCollection()
            .AddDocBpmDatabase(new DatabaseSettings(DatabaseProvider.PostgreSql, database.ConnectionString)).BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DocBpmDbContext>().GetService<IMigrator>().MigrateAsync(BeforeTimerClaims);
        await ReadOnSessionsAtOnceAsync(services, times: PostgresSessions.AutoPrepareAfter + 1);

        await using (var scope = services.CreateAsyncScope())
            await DatabaseMigrator.MigrateAsync(scope.ServiceProvider, CancellationToken.None);

        await ReadOnSessionsAtOnceAsync(services, times: 1);
    }

    /// <summary>
    /// A migration that moves data over years of rows runs for minutes on a large database; at the application's 30 seconds
    /// a statement the upgrade stopped half way (OutgoingTaskIndexes' backfill of 2,000,000 candidate rows took 30 s).
    /// Each statement of the upgrade gets <see cref="DatabaseMigrator.CommandTimeout"/>, and the request's sessions their
    /// own limit back after it.
    /// </summary>
    [TestMethod]
    public async Task Issue19_an_upgrade_moving_data_runs_each_statement_under_the_migration_timeout_not_the_requests()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var timeouts = new CommandTimeouts();
        var collection = new ServiceCollection();
        collection.AddDbContext<SqliteDocBpmDbContext>(o => o.UseSqlite(database.ConnectionString).AddInterceptors(timeouts));
        collection.AddScoped<DocBpmDbContext>(sp => sp.GetRequiredService<SqliteDocBpmDbContext>());
        await using var services = collection.BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<DocBpmDbContext>();
        await context.GetService<IMigrator>().MigrateAsync("OpenBookmarkIndexes");
        var requests = context.Database.GetCommandTimeout();
        timeouts.Seen.Clear();

        await DatabaseMigrator.MigrateAsync(scope.ServiceProvider, CancellationToken.None);

        var migration = (int)DatabaseMigrator.CommandTimeout.TotalSeconds;
        Assert.HasCount(1, timeouts.Seen.Where(c => c.Text.Contains("UPDATE bpm_bookmark_candidates", StringComparison.Ordinal) && c.Timeout == migration),
            "the backfill of OutgoingTaskIndexes ran under the migration's timeout");
        Assert.IsTrue(timeouts.Seen.All(c => c.Timeout == migration), "every statement of the upgrade");
        Assert.AreEqual(requests, context.Database.GetCommandTimeout(), "the context's own limit is back");
    }

    /// <summary>The text and timeout of every command the context sends.</summary>
    private sealed class CommandTimeouts : DbCommandInterceptor
    {
        public ConcurrentQueue<(string Text, int Timeout)> Seen { get; } = new();

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Seen.Enqueue((command.CommandText, command.CommandTimeout));
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Seen.Enqueue((command.CommandText, command.CommandTimeout));
            return ValueTask.FromResult(result);
        }
    }

    /// <summary>Each of <see cref="Sessions"/> requests, open at the same time, runs the reading on its pooled session.</summary>
    private static async Task ReadOnSessionsAtOnceAsync(ServiceProvider services, int times)
    {
        var scopes = Enumerable.Range(0, Sessions).Select(_ => services.CreateAsyncScope()).ToList();
        try
        {
            foreach (var scope in scopes)
            {
                var connection = scope.ServiceProvider.GetRequiredService<DocBpmDbContext>().Database.GetDbConnection();
                await connection.OpenAsync();
                for (var i = 0; i < times; i++)
                    await ReadAsync(connection);
            }
        }
        finally
        {
            foreach (var scope in scopes)
                await scope.DisposeAsync();
        }
    }

    private static async Task ReadAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Reading;
        await command.ExecuteNonQueryAsync();
    }
}
