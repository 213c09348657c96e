using DocBpm.Engine.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Data;

public static class DatabaseServiceCollectionExtensions
{
    private static readonly ColumnLimits Limits = new();

    /// <summary>
    /// The options depend on configuration alone, so they are built once rather than for every request's context:
    /// that building was the largest allocation of a start and a completion after the strings (about 30 KB of 350 KB
    /// an instance, issue 19).
    /// </summary>
    private const ServiceLifetime OptionsLifetime = ServiceLifetime.Singleton;

    /// <summary>Registers <see cref="DocBpmDbContext"/> on the configured database product.</summary>
    public static IServiceCollection AddDocBpmDatabase(this IServiceCollection services, DatabaseSettings settings)
    {
        services.AddSingleton(settings);
        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                EnsureSqliteFolder(settings.ConnectionString);
                services.AddDbContext<SqliteDocBpmDbContext>(o => o.UseSqlite(settings.ConnectionString).AddInterceptors(Limits), optionsLifetime: OptionsLifetime);
                services.AddScoped<DocBpmDbContext>(sp => sp.GetRequiredService<SqliteDocBpmDbContext>());
                break;
            case DatabaseProvider.PostgreSql:
                services.AddDbContext<PostgreSqlDocBpmDbContext>(o => o.UseNpgsql(PostgresSessions.ForApplication(settings.ConnectionString)).AddInterceptors(Limits), optionsLifetime: OptionsLifetime);
                services.AddScoped<DocBpmDbContext>(sp => sp.GetRequiredService<PostgreSqlDocBpmDbContext>());
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContext<SqlServerDocBpmDbContext>(o => o.UseSqlServer(settings.ConnectionString).AddInterceptors(Limits), optionsLifetime: OptionsLifetime);
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
