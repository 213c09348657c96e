using DocBpm.Engine.Persistence;
using DocBpm.Engine.Timers.Quartz;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace DocBpm.Engine.Tests.Quartz;

/// <summary>A context holding only Quartz's tables, as a host's context holds them beside its own.</summary>
public sealed class QuartzTestContext : DbContext
{
    private QuartzTestContext(DbContextOptions<QuartzTestContext> options, DatabaseProvider provider, string tablePrefix)
        : base(options)
    {
        Provider = provider;
        TablePrefix = tablePrefix;
    }

    public DatabaseProvider Provider { get; }
    public string TablePrefix { get; }

    /// <summary>A context on the given database; for SQL Server only DDL generation works, since no server runs here.</summary>
    public static QuartzTestContext Create(DatabaseProvider provider, string connectionString,
        string tablePrefix = QuartzModel.DefaultTablePrefix)
    {
        var options = new DbContextOptionsBuilder<QuartzTestContext>();
        _ = provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString),
            DatabaseProvider.PostgreSql => options.UseNpgsql(connectionString),
            _ => options.UseSqlServer(connectionString),
        };
        options.ReplaceService<IModelCacheKeyFactory, ProviderAndPrefixCacheKey>();
        return new QuartzTestContext(options.Options, provider, tablePrefix);
    }

    /// <summary>A context that is only asked for its model or its DDL.</summary>
    public static QuartzTestContext ForModel(DatabaseProvider provider, string tablePrefix = QuartzModel.DefaultTablePrefix) =>
        Create(provider, provider switch
        {
            DatabaseProvider.Sqlite => "Data Source=:memory:",
            DatabaseProvider.PostgreSql => "Host=127.0.0.1;Database=unused",
            _ => "Server=127.0.0.1;Database=unused",
        }, tablePrefix);

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyQuartzSchema(Provider, TablePrefix);

    /// <summary>EF caches one model per context type; this one's model depends on the provider and the prefix.</summary>
    private sealed class ProviderAndPrefixCacheKey : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) =>
            context is QuartzTestContext quartz ? (quartz.Provider, quartz.TablePrefix, designTime) : context.GetType();
    }
}
