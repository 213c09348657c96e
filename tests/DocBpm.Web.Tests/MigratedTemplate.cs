using System.Collections.Concurrent;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Web.Data;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DocBpm.Web.Tests;

/// <summary>
/// One database per provider and test run with every migration applied, copied for each host: migrating a fresh
/// database took a large part of every host's start. The host still migrates its copy (nothing is pending), seeds the
/// demo data and deploys the shipped processes itself, so each test starts from what a new installation holds.
/// </summary>
internal static class MigratedTemplate
{
    private static readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<TestDatabase>>> Templates = new();

    public static async Task<TestDatabase> CopyAsync(DatabaseProvider provider) =>
        await TestDatabase.CopyAsync(await Templates.GetOrAdd(provider, p => new(() => MigrateAsync(p))).Value);

    private static async Task<TestDatabase> MigrateAsync(DatabaseProvider provider)
    {
        var template = await TestDatabase.CreateAsync(provider);
        await using (var services = new ServiceCollection()
            .AddDocBpmDatabase(new DatabaseSettings(provider, template.ConnectionString)).BuildServiceProvider())
        await using (var scope = services.CreateAsyncScope())
            await DatabaseMigrator.MigrateAsync(scope.ServiceProvider, CancellationToken.None);
        // A copy needs the template closed: SQLite (no pooling) folds its WAL back at the last close; PostgreSQL refuses a
        // template anyone is connected to.
        if (provider == DatabaseProvider.PostgreSql)
        {
            using var connection = new NpgsqlConnection(PostgresSessions.ForApplication(template.ConnectionString));
            NpgsqlConnection.ClearPool(connection);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => template.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return template;
    }
}
