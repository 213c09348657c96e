using DocBpm.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DocBpm.Web.Tests;

/// <summary>Every database product has migrations that match the model exactly.</summary>
[TestClass]
public sealed class MigrationTests
{
    public static IEnumerable<object[]> Contexts =>
    [
        [new SqliteDesignTimeFactory()],
        [new PostgreSqlDesignTimeFactory()],
        [new SqlServerDesignTimeFactory()],
    ];

    [TestMethod]
    [DynamicData(nameof(Contexts))]
    public void Model_has_no_changes_without_a_migration(object factory)
    {
        using var context = Create(factory);

        Assert.IsTrue(context.Database.GetMigrations().Any(), $"{context.GetType().Name} has no migrations");
        Assert.IsFalse(context.Database.HasPendingModelChanges(),
            $"{context.GetType().Name}: the model changed; add a migration (see docs/development.md).");
    }

    private static DocBpmDbContext Create(object factory) => factory switch
    {
        IDesignTimeDbContextFactory<SqliteDocBpmDbContext> f => f.CreateDbContext([]),
        IDesignTimeDbContextFactory<PostgreSqlDocBpmDbContext> f => f.CreateDbContext([]),
        IDesignTimeDbContextFactory<SqlServerDocBpmDbContext> f => f.CreateDbContext([]),
        _ => throw new ArgumentException("Unknown factory", nameof(factory)),
    };
}
