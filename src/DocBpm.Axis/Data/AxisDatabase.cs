using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace DocBpm.Axis.Data;

public static class AxisDatabase
{
    public const string DefaultSqlite = "Data Source=App_Data/axis.db";

    /// <summary><c>Axis:Database:Provider</c> = Sqlite (default) or PostgreSql; <c>ConnectionStrings:Axis</c>.</summary>
    public static IServiceCollection AddAxisDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration["Axis:Database:Provider"] ?? "Sqlite";
        var connectionString = configuration.GetConnectionString("Axis") ?? DefaultSqlite;
        services.AddDbContext<AxisDbContext>(options =>
        {
            if (provider.Equals("PostgreSql", StringComparison.OrdinalIgnoreCase))
            {
                options.UseNpgsql(connectionString);
            }
            else if (provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
            {
                var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
                options.UseSqlite(connectionString);
            }
            else
            {
                throw new InvalidOperationException($"Axis:Database:Provider '{provider}' is not Sqlite or PostgreSql.");
            }

            options.ReplaceService<IModelCacheKeyFactory, ProviderModelCacheKey>();
        });
        return services;
    }

    /// <summary>The model differs per provider (value conversions), so it is cached per provider.</summary>
    private sealed class ProviderModelCacheKey : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) => (context.GetType(), context.Database.ProviderName, designTime);
    }
}
