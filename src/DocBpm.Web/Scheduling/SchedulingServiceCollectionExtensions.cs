using DocBpm.Engine.Runtime;
using DocBpm.Engine.Timers.Quartz;
using DocBpm.Web.Data;
using DocBpm.Web.Exchange;
using DocBpm.Web.Notifications;
using DocBpm.Web.Records;
using Quartz;

namespace DocBpm.Web.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Quartz on DocBpm's own database, clustered, for the scheduled jobs; and on every host its own sweep of due timers
    /// and jobs (<see cref="DueWorkSweeper"/>). <c>Scheduling:SweepSeconds</c> sets the sweep interval,
    /// <c>Scheduling:TimerBatch</c>, <c>Scheduling:TimerWorkers</c> and <c>Scheduling:ClaimSeconds</c> how a host claims
    /// and runs due timers; <c>Scheduling:Enabled=false</c> keeps both from starting (tools and tests that drive due work
    /// themselves).
    /// </summary>
    public static IServiceCollection AddDocBpmScheduling(this IServiceCollection services, IConfiguration configuration,
        DatabaseSettings database)
    {
        services.AddSingleton<DueWorkRunner>();
        services.AddSingleton<LocalDueWorkSignal>();
        services.AddSingleton<IDueWorkSignal>(sp => sp.GetRequiredService<LocalDueWorkSignal>());
        var defaults = new DueWorkSweepOptions();
        services.AddSingleton(new DueWorkSweepOptions(
            configuration.GetValue("Scheduling:TimerBatch", defaults.BatchSize),
            configuration.GetValue("Scheduling:TimerWorkers", defaults.Workers),
            TimeSpan.FromSeconds(configuration.GetValue("Scheduling:ClaimSeconds", defaults.Lease.TotalSeconds))));
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o => o.InstanceName = "DocBpm");
            q.UseDocBpmJobStore(database.Provider, database.ConnectionString, DocBpmDbContext.QuartzTablePrefix);
            q.AddNotificationJob(configuration);
            q.AddHandoverWarningJob();
            if (configuration["Exchange:AxisUrl"] is { Length: > 0 })
            {
                var intake = TimeSpan.FromSeconds(configuration.GetValue("Exchange:IntakeSeconds", 30));
                q.AddJob<IntakeJob>(j => j.WithIdentity(IntakeJob.Key).StoreDurably());
                q.AddTrigger(t => t.ForJob(IntakeJob.Key).WithIdentity("axis-intake", "docbpm").StartNow()
                    .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(intake).RepeatForever()));
            }
        });
        if (configuration.GetValue("Scheduling:Enabled", true))
        {
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
            services.AddHostedService<DueWorkSweeper>();
        }

        return services;
    }
}
