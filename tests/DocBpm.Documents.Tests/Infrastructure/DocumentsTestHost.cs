using DocBpm.Documents.Files;
using DocBpm.Documents.Registers;
using DocBpm.Engine;
using DocBpm.Engine.Activities;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DocBpm.Documents.Tests.Infrastructure;

/// <summary>A caller's record that takes a register number: what an incoming or outgoing document does.</summary>
public sealed class NumberedRecord
{
    public Guid Id { get; set; }
    public Guid BookId { get; set; }
    public int Year { get; set; }
    public int Number { get; set; }
}

public abstract class DocumentsTestContext(DbContextOptions options, DatabaseProvider provider) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyEngine().ApplyDocuments();
        modelBuilder.Entity<NumberedRecord>(e =>
        {
            e.ToTable("test_numbered");
            e.HasIndex(r => new { r.BookId, r.Year, r.Number }).IsUnique();
        });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.ApplyEngineConventions(provider);
}

// One context type per provider: EF caches a model per context type, and the conventions differ.
public sealed class SqliteDocumentsTestContext(DbContextOptions<SqliteDocumentsTestContext> options)
    : DocumentsTestContext(options, DatabaseProvider.Sqlite);

public sealed class PostgreSqlDocumentsTestContext(DbContextOptions<PostgreSqlDocumentsTestContext> options)
    : DocumentsTestContext(options, DatabaseProvider.PostgreSql);

/// <summary>
/// The registers and files services on a real, fresh database (SQLite file or PostgreSQL) with fake time. Each
/// <see cref="Scope"/> is one request: its own DbContext and connection.
/// </summary>
public sealed class DocumentsTestHost : IAsyncDisposable
{
    private readonly TestDatabase database;
    private readonly ServiceProvider services;

    private DocumentsTestHost(TestDatabase database, ServiceProvider services)
    {
        this.database = database;
        this.services = services;
    }

    public FakeTimeProvider Clock => (FakeTimeProvider)services.GetRequiredService<TimeProvider>();

    /// <param name="configure">Adds what the test's feature needs beyond files and registers, e.g. all the domain's services
    /// (<see cref="DocumentsServiceCollectionExtensions.AddDocBpmDocuments{TContext}"/>) and the host's ports.</param>
    public static async Task<DocumentsTestHost> StartAsync(DatabaseProvider provider, long maxFileBytes = 1024 * 1024,
        Action<IServiceCollection, IConfiguration>? configure = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero)));
        if (provider == DatabaseProvider.Sqlite)
        {
            services.AddDbContext<SqliteDocumentsTestContext>(o => o.UseSqlite(database.ConnectionString));
            services.AddScoped<DbContext>(sp => sp.GetRequiredService<SqliteDocumentsTestContext>());
        }
        else
        {
            services.AddDbContext<PostgreSqlDocumentsTestContext>(o => o.UseNpgsql(database.ConnectionString));
            services.AddScoped<DbContext>(sp => sp.GetRequiredService<PostgreSqlDocumentsTestContext>());
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{FileIntakeOptions.Section}:{nameof(FileIntakeOptions.MaxBytes)}"] = maxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        if (configure is null)
        {
            services.AddDocBpmFiles(configuration);
            services.AddDocBpmRegisters();
        }
        else
        {
            configure(services, configuration);
        }

        services.AddDocBpmEngine<DbContext>();
        services.AddActivity<TakeRegisterNumber>();
        var built = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await using (var scope = built.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DbContext>().Database.EnsureCreatedAsync();
        return new DocumentsTestHost(database, built);
    }

    public AsyncServiceScope Scope() => services.CreateAsyncScope();

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Scope();
        return await action(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await database.DisposeAsync();
    }
}
