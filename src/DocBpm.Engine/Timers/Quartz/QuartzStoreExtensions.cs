using DocBpm.Engine.Persistence;
using global::Quartz;

namespace DocBpm.Engine.Timers.Quartz;

public static class QuartzStoreExtensions
{
    /// <summary>
    /// Quartz on DocBpm's own database, with tables from DocBpm's migrations (Quartz only validates them). On
    /// PostgreSQL and SQL Server the store is clustered: several hosts share the triggers and each fires once. SQLite
    /// is the single-host embedded mode, and Quartz refuses to cluster on it (its file locking cannot arbitrate).
    /// </summary>
    public static IQuartzBuilder UseDocBpmJobStore(this IQuartzBuilder quartz, DatabaseProvider provider, string connectionString,
        string tablePrefix)
    {
        quartz.UsePersistentStore(store =>
        {
            if (provider != DatabaseProvider.Sqlite)
            {
                store.UseClustering(c =>
                {
                    c.CheckinInterval = TimeSpan.FromSeconds(10);
                    c.CheckinMisfireThreshold = TimeSpan.FromSeconds(30);
                });
            }

            switch (provider)
            {
                case DatabaseProvider.Sqlite:
                    store.UseSqlite(connectionString);
                    break;
                case DatabaseProvider.PostgreSql:
                    store.UsePostgres(connectionString);
                    break;
                default:
                    store.UseSqlServer(connectionString);
                    break;
            }

            store.ConfigureStore(o =>
            {
                o.TablePrefix = tablePrefix;
                o.SchemaProvisioning = SchemaProvisioning.Validate;
            });
        });
        return quartz;
    }
}
