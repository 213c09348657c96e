using DocBpm.Engine.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Data;

public static class DatabaseServiceCollectionExtensions
{
    private static readonly ColumnLimits Limits = new();

    /// <summary>
    /// Registers <see cref="DocBpmDbContext"/> on the configured database product. Contexts are pooled: the options depend
    /// on configuration alone and are built once (building them per request was about 30 KB of the 350 KB an instance
    /// allocated, issue 19), and a context returned at the end of a request keeps its internal services (state manager,
    /// update pipeline) for the next one instead of building them again; EF resets what a request changed (tracked rows,
    /// transaction, tracking and transaction settings). The context holds no state of its own.
    /// </summary>
    public static IServiceCollection AddDocBpmDatabase(this IServiceCollection services, DatabaseSettings settings)
    {
        services.AddSingleton(settings);
        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                EnsureSqliteFolder(settings.ConnectionString);
                AddPooled<SqliteDocBpmDbContext>(services, o => o.UseSqlite(settings.ConnectionString));
                break;
            case DatabaseProvider.PostgreSql:
                AddPooled<PostgreSqlDocBpmDbContext>(services, o => o.UseNpgsql(PostgresSessions.ForApplication(settings.ConnectionString)));
                break;
            case DatabaseProvider.SqlServer:
                AddPooled<SqlServerDocBpmDbContext>(services, o => o.UseSqlServer(settings.ConnectionString));
                break;
        }

        return services;
    }

    private static void AddPooled<TContext>(IServiceCollection services, Action<DbContextOptionsBuilder> provider)
        where TContext : DocBpmDbContext
    {
        services.AddDbContextPool<TContext>(o => provider(o.AddInterceptors(Limits)));
        services.AddScoped<DocBpmDbContext>(sp => sp.GetRequiredService<TContext>());
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder))
            Directory.CreateDirectory(folder);
    }
}
