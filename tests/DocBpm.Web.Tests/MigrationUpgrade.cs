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

    public async ValueTask DisposeAsync()
    {
        await scope.DisposeAsync();
        await services.DisposeAsync();
    }
}
