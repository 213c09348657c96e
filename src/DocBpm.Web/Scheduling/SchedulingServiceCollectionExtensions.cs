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
    /// Quartz on DocBpm's own database, clustered, with the sweep job and the per-bookmark trigger job.
    /// <c>Scheduling:SweepSeconds</c> sets the sweep interval; <c>Scheduling:Enabled=false</c> keeps the scheduler from
    /// starting (tools and tests that drive due work themselves).
    /// </summary>
    public static IServiceCollection AddDocBpmScheduling(this IServiceCollection services, IConfiguration configuration,
        DatabaseSettings database)
    {
        services.AddSingleton<DueWorkRunner>();
        services.AddSingleton<IDueWorkSignal, QuartzDueWorkSignal>();
        var sweep = TimeSpan.FromSeconds(configuration.GetValue("Scheduling:SweepSeconds", 5));
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o => o.InstanceName = "DocBpm");
            q.UseDocBpmJobStore(database.Provider, database.ConnectionString, DocBpmDbContext.QuartzTablePrefix);
            q.AddJob<FireBookmarkJob>(j => j.WithIdentity(FireBookmarkJob.Key).StoreDurably());
            q.AddJob<DueWorkSweepJob>(j => j.WithIdentity(DueWorkSweepJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(DueWorkSweepJob.Key).WithIdentity("due-work-sweep", "docbpm").StartNow()
                .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(sweep).RepeatForever()));
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
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
