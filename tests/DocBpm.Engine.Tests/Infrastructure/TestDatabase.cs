using DocBpm.Engine.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DocBpm.Engine.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database for one test: a SQLite file in a temp folder, or a new PostgreSQL database on the server
/// named by DOCBPM_TEST_POSTGRES. Dropped on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "DOCBPM_TEST_POSTGRES";

    private readonly Func<ValueTask> drop;

    private TestDatabase(DatabaseProvider provider, string connectionString, Func<ValueTask> drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.drop = drop;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    /// <summary>
    /// SQLite always; PostgreSQL when DOCBPM_TEST_POSTGRES is set. On CI it must be set: a CI run without PostgreSQL
    /// fails here instead of passing with half the tests silently missing.
    /// </summary>
    public static IEnumerable<object[]> Providers
    {
        get
        {
            yield return [DatabaseProvider.Sqlite];
            if (PostgresServer is not null)
                yield return [DatabaseProvider.PostgreSql];
            else if (OnCi)
                throw new InvalidOperationException($"{PostgresVariable} is not set on CI; PostgreSQL tests must run there.");
        }
    }

    /// <summary>Whether tests on <paramref name="provider"/> run here (on CI, a missing PostgreSQL fails as <see cref="Providers"/> does).</summary>
    public static bool Has(DatabaseProvider provider) => Providers.Any(p => (DatabaseProvider)p[0] == provider);

    /// <summary>
    /// Leaves a test that only PostgreSQL can answer inconclusive where no PostgreSQL is set (a local run), rather than
    /// letting it pass having checked nothing; on CI a missing PostgreSQL fails, as <see cref="Providers"/> does.
    /// </summary>
    public static void RequirePostgres()
    {
        if (!Has(DatabaseProvider.PostgreSql))
            Assert.Inconclusive($"{PostgresVariable} is not set.");
    }

    /// <summary>
    /// The databases Quartz runs clustered on: PostgreSQL here (SQL Server cannot run on this machine, and Quartz refuses
    /// to cluster on SQLite). Empty without DOCBPM_TEST_POSTGRES outside CI.
    /// </summary>
    public static IEnumerable<object[]> ClusterProviders => Providers.Where(p => (DatabaseProvider)p[0] != DatabaseProvider.Sqlite);

    /// <summary>On CI (CI=true, as .ci/run sets): a test missing its database server, browser or tool fails instead of being skipped.</summary>
    public static bool OnCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    public static Task<TestDatabase> CreateAsync(DatabaseProvider provider) => CreateAsync(provider, template: null);

    /// <summary>
    /// A new database holding what <paramref name="template"/> holds: a file copy on SQLite, CREATE DATABASE … TEMPLATE
    /// on PostgreSQL. Much cheaper than migrating each test's database; nothing may be connected to the template.
    /// </summary>
    public static Task<TestDatabase> CopyAsync(TestDatabase template) => CreateAsync(template.Provider, template);

    private static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, TestDatabase? template)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("docbpm-test-");
            var file = Path.Combine(folder.FullName, "test.db");
            if (template is not null)
                File.Copy(new SqliteConnectionStringBuilder(template.ConnectionString).DataSource, file);
            return new TestDatabase(provider, $"Data Source={file};Pooling=False",
                () =>
                {
                    folder.Delete(recursive: true);
                    return ValueTask.CompletedTask;
                });
        }

        var server = PostgresServer ?? throw new InvalidOperationException($"{PostgresVariable} is not set.");
        var name = "docbpm_test_" + Guid.NewGuid().ToString("N")[..16];
        var source = template is null ? "" : $" TEMPLATE {new NpgsqlConnectionStringBuilder(template.ConnectionString).Database}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}{source}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new TestDatabase(provider, builder.ConnectionString, async () =>
        {
            // Only this database's pool: tests running in parallel keep theirs.
            using (var own = new NpgsqlConnection(builder.ConnectionString))
                NpgsqlConnection.ClearPool(own);
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var dropCommand = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await dropCommand.ExecuteNonQueryAsync();
        });
    }

    public ValueTask DisposeAsync() => drop();
}
