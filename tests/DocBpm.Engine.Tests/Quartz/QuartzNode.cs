using System.Collections.Concurrent;
using System.Threading.Channels;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Engine.Timers.Quartz;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace DocBpm.Engine.Tests.Quartz;

/// <summary>
/// One scheduler node on a test database, configured the way the host configures Quartz (DocBpm's job store and
/// prefix), with its clock handed in so that a test moves time instead of waiting for it.
/// </summary>
internal sealed class QuartzNode : IAsyncDisposable
{
    private const string SchedulerName = "DocBpmTest";

    private readonly StandaloneSchedulerFactory factory;

    private QuartzNode(StandaloneSchedulerFactory factory, IScheduler scheduler)
    {
        this.factory = factory;
        Scheduler = scheduler;
    }

    public IScheduler Scheduler { get; }

    public static async Task<QuartzNode> StartAsync(TestDatabase database, TimeProvider clock, FiringLog log, CancellationToken ct)
    {
        var factory = QuartzSchedulerBuilder.Create(q =>
        {
            q.Services.AddSingleton(log);
            q.ConfigureScheduler(o => o.InstanceName = SchedulerName);
            q.UseTimeProvider(clock);
            q.UseDocBpmJobStore(database.Provider, database.ConnectionString, QuartzModel.DefaultTablePrefix);
        }).Build();
        try
        {
            var scheduler = await factory.GetScheduler(ct);
            await scheduler.Start(ct);
            return new QuartzNode(factory, scheduler);
        }
        catch
        {
            await factory.DisposeAsync();
            throw;
        }
    }

    /// <summary>Schedules <see cref="RecordingJob"/> once at the given time, carrying the payload in its job data.</summary>
    public async Task ScheduleAsync(string name, DateTimeOffset at, string payload, CancellationToken ct)
    {
        var job = JobBuilder.Create<RecordingJob>().WithIdentity(name, "tests").UsingJobData("payload", payload).Build();
        var trigger = TriggerBuilder.Create().WithIdentity(name, "tests").StartAt(at).Build();
        await Scheduler.ScheduleJob(job, trigger, cancellationToken: ct);
    }

    /// <summary>Shuts the scheduler down the way a host stopping does.</summary>
    public ValueTask DisposeAsync() => factory.DisposeAsync();
}

/// <summary>Every firing of <see cref="RecordingJob"/>, across all the nodes of a test.</summary>
internal sealed class FiringLog
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly ConcurrentQueue<Firing> firings = new();
    private readonly Channel<Firing> recorded = Channel.CreateUnbounded<Firing>();
    private int awaited;

    public IReadOnlyCollection<Firing> Firings => firings;

    public void Record(Firing firing)
    {
        firings.Enqueue(firing);
        recorded.Writer.TryWrite(firing);
    }

    public async Task WaitForAsync(int count, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Patience);
        try
        {
            for (; awaited < count; awaited++)
                await recorded.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new AssertFailedException($"{firings.Count} of {count} firings within {Patience.TotalSeconds} s");
        }
    }
}

internal sealed record Firing(string Trigger, string Node, DateTimeOffset ScheduledFor, string? Payload);

internal sealed class RecordingJob(FiringLog log) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        log.Record(new Firing(context.Trigger.Key.Name, context.Scheduler.SchedulerInstanceId,
            context.ScheduledFireTimeUtc ?? context.FireTimeUtc, context.MergedJobDataMap.GetString("payload")));
        return ValueTask.CompletedTask;
    }
}
