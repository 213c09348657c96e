using DocBpm.Engine.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Data;

public static class DatabaseServiceCollectionExtensions
{
    private static readonly ColumnLimits Limits = new();

    /// <summary>
    /// Contexts are pooled: a request leases one whose EF Core services are already built (a new context built them
    /// for each request, about 7 % of a host's CPU over HTTP, issue 19), and the pool resets its tracked rows, its
    /// transaction and its change-tracking and transaction settings when the request's scope ends. The options depend
    /// on configuration alone and are built once.
    /// </summary>
    private const int PoolSize = 256;

    /// <summary>Registers <see cref="DocBpmDbContext"/> on the configured database product.</summary>
    public static IServiceCollection AddDocBpmDatabase(this IServiceCollection services, DatabaseSettings settings)
    {
        services.AddSingleton(settings);
        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                EnsureSqliteFolder(settings.ConnectionString);
                services.AddDbContextPool<SqliteDocBpmDbContext>(o => o.UseSqlite(settings.ConnectionString).AddInterceptors(Limits), PoolSize);
                services.AddScoped<DocBpmDbContext>(sp => sp.GetRequiredService<SqliteDocBpmDbContext>());
                break;
            case DatabaseProvider.PostgreSql:
                services.AddDbContextPool<PostgreSqlDocBpmDbContext>(o => o.UseNpgsql(PostgresSessions.ForApplication(settings.ConnectionString)).AddInterceptors(Limits), PoolSize);
                services.AddScoped<DocBpmDbContext>(sp => sp.GetRequiredService<PostgreSqlDocBpmDbContext>());
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContextPool<SqlServerDocBpmDbContext>(o => o.UseSqlServer(settings.ConnectionString).AddInterceptors(Limits), PoolSize);
                services.AddScoped<DocBpmDbContext>(sp => sp.GetRequiredService<SqlServerDocBpmDbContext>());
                break;
        }

        return services;
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder))
            Directory.CreateDirectory(folder);
    }
}
