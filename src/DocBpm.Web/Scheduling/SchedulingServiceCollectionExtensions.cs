using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Web.Data;
using Quartz;

namespace DocBpm.Web.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Quartz on DocBpm's own database, clustered, with the sweep job and the per-bookmark trigger job.
    /// <c>Scheduling:SweepSeconds</c> sets the sweep interval; <c>Scheduling:Enabled=false</c> turns the scheduler off
    /// (tools and tests that drive due work themselves).
    /// </summary>
    public static IServiceCollection AddDocBpmScheduling(this IServiceCollection services, IConfiguration configuration,
        DatabaseSettings database)
    {
        services.AddSingleton<DueWorkRunner>();
        services.AddSingleton<IDueWorkSignal, QuartzDueWorkSignal>();
        var sweepSeconds = configuration.GetValue("Scheduling:SweepSeconds", 5);
        services.AddQuartz(q =>
        {
            q.SchedulerName = "DocBpm";
            q.SchedulerId = "AUTO";
            q.UseDocBpmJobStore(database.Provider, database.ConnectionString, DocBpmDbContext.QuartzTablePrefix);
            q.AddJob<FireBookmarkJob>(FireBookmarkJob.Key, j => j.StoreDurably());
            q.AddJob<DueWorkSweepJob>(DueWorkSweepJob.Key, j => j.StoreDurably());
            q.AddTrigger(t => t.ForJob(DueWorkSweepJob.Key).WithIdentity("due-work-sweep", "docbpm")
                .StartNow().WithSimpleSchedule(s => s.WithIntervalInSeconds(sweepSeconds).RepeatForever()
                    .WithMisfireHandlingInstructionNextWithRemainingCount()));
        });
        if (configuration.GetValue("Scheduling:Enabled", true))
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
