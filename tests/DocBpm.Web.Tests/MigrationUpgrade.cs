using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace DocBpm.Web.Tests;

/// <summary>
/// A database migrated to just before one migration, so that a test stores rows in the schema a deployed database had
/// and then upgrades it: how a migration's backfill is proved.
/// </summary>
internal sealed class MigrationUpgrade : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private readonly AsyncServiceScope scope;
    private readonly IMigrator migrator;
    private readonly string target;
    private readonly string before;

    private MigrationUpgrade(TestDatabase database, string migration)
    {
        services = new ServiceCollection().AddDocBpmDatabase(new DatabaseSettings(database.Provider, database.ConnectionString)).BuildServiceProvider();
        scope = services.CreateAsyncScope();
        Context = scope.ServiceProvider.GetRequiredService<DocBpmDbContext>();
        migrator = Context.GetService<IMigrator>();
        var migrations = Context.Database.GetMigrations().ToList();
        var index = migrations.FindIndex(m => m.EndsWith("_" + migration, StringComparison.Ordinal));
        (target, before) = (migrations[index], migrations[index - 1]);
    }

    public DocBpmDbContext Context { get; }

    public static async Task<MigrationUpgrade> BeforeAsync(TestDatabase database, string migration)
    {
        var upgrade = new MigrationUpgrade(database, migration);
        await upgrade.migrator.MigrateAsync(upgrade.before);
        return upgrade;
    }

    public Task UpgradeAsync() => migrator.MigrateAsync(target);

    /// <summary>Upgrades as the application does before it serves (<see cref="DatabaseMigrator"/>): every migration, then the backfills after them.</summary>
    public Task StartAsync() => DatabaseMigrator.MigrateAsync(scope.ServiceProvider, CancellationToken.None);

    /// <summary>Runs <paramref name="statements"/> in order, in the schema before the migration.</summary>
    public async Task StoreAsync(IEnumerable<string> statements)
    {
        foreach (var statement in statements)
            await Context.Database.ExecuteSqlRawAsync(statement);
    }

    /// <summary>An instant literal of <paramref name="provider"/>, for the rows a test stores (SQLite keeps an instant as binary ticks).</summary>
    public static string At(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite ? "0" : "'2026-11-23T00:00:00Z'";

    /// <summary>A key as SQLite stores a GUID (upper case), which the other providers read alike.</summary>
    public static string Id(Guid id) => id.ToString().ToUpperInvariant();

    /// <summary>
    /// The SQL of a deployed definition and a running instance of it (ids in upper case, as SQLite stores them), written
    /// in columns every schema has had, to hold the rows a backfill test stores; <paramref name="at"/> is an instant
    /// literal of the provider.
    /// </summary>
    public static string[] RunningInstance(string definition, string instance, string at) =>
    [
        "INSERT INTO bpm_definitions (\"Id\", \"Key\", \"Version\", \"ContentHash\", \"Xml\", \"DeployedAt\") VALUES ('" + definition
            + "', 'p', 1, 'h', '<x/>', " + at + ")",
        "INSERT INTO bpm_instances (\"Id\", \"DefinitionId\", \"DefinitionKey\", \"DefinitionVersion\", \"Status\", \"State\", \"StartedAt\", "
            + "\"Revision\", \"OpenIncidents\") VALUES ('" + instance + "', '" + definition + "', 'p', 1, 'Running', 'null', " + at + ", 1, 0)",
    ];

    public async ValueTask DisposeAsync()
    {
        await scope.DisposeAsync();
        await services.DisposeAsync();
    }
}
