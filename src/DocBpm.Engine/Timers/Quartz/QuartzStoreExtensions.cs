using DocBpm.Engine.Persistence;
using global::Quartz;

namespace DocBpm.Engine.Timers.Quartz;

public static class QuartzStoreExtensions
{
    /// <summary>
    /// Quartz's persistent ADO store on DocBpm's own database, in the tables DocBpm's model creates
    /// (<see cref="QuartzModel.ApplyQuartzSchema"/>, same prefix); Quartz only validates them at start and refuses a
    /// database without them. Works the same under <c>AddQuartz</c> and <c>QuartzSchedulerBuilder.Create</c>.
    /// <list type="bullet">
    /// <item>PostgreSQL and SQL Server run clustered: every host checks in, each trigger fires on one of them, a dead
    /// host's work is recovered by the others; instance ids are generated per host.</item>
    /// <item>SQLite runs as a single host. Quartz 4.7 refuses clustering on SQLite outright ("SQLite cannot be used as
    /// clustered mode due to locking problems"): its SQLite lock handler is an in-process semaphore, so it cannot
    /// arbitrate between two processes, and no lock-handler setting changes that.</item>
    /// <item>Job data is serialised with System.Text.Json, Quartz 4's built-in default.</item>
    /// <item>Time comes from the <see cref="TimeProvider"/> registered in the container, or from
    /// <c>UseTimeProvider</c>: a test with a FakeTimeProvider fires triggers by advancing it.</item>
    /// </list>
    /// </summary>
    public static IQuartzBuilder UseDocBpmJobStore(this IQuartzBuilder quartz, DatabaseProvider provider, string connectionString,
        string tablePrefix = QuartzModel.DefaultTablePrefix)
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
