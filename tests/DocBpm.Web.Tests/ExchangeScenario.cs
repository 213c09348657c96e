using DocBpm.Documents.Exchange;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace DocBpm.Web.Tests;

/// <summary>The Department's DocBpm connected to a running axis, with the Provincial People's Committee on the other end.</summary>
public sealed class ExchangeScenario : IAsyncDisposable
{
    private readonly TestDatabase axisDatabase;

    private ExchangeScenario(TestDatabase axisDatabase, AxisServer axis, DocBpmWebFactory host, HttpClient clerk)
    {
        this.axisDatabase = axisDatabase;
        Axis = axis;
        Host = host;
        Clerk = clerk;
        Province = axis.ClientFor(AxisServer.Province);
    }

    public AxisServer Axis { get; private set; }
    public DocBpmWebFactory Host { get; }
    public AxisClient Province { get; }
    public HttpClient Clerk { get; }

    /// <summary>Starts the axis and the host; <paramref name="configure"/> adds the host's settings before it starts.</summary>
    public static async Task<ExchangeScenario> StartAsync(DatabaseProvider provider, DateTimeOffset axisTime, Action<DocBpmWebFactory>? configure = null)
    {
        var axisDatabase = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var axis = AxisServer.Start(axisDatabase, new FakeTimeProvider(axisTime));
        var host = await DocBpmWebFactory.CreateAsync(provider);
        axis.Connect(host);
        configure?.Invoke(host);
        return new ExchangeScenario(axisDatabase, axis, host, await host.LoginAsync("vanthu"));
    }

    /// <summary>
    /// A person's step, a minute later than the previous one on both clocks, followed by the delivery of what it queued
    /// (as the scheduler's sweep would), so that the axis records the statuses in the order they happened.
    /// </summary>
    public async Task StepAsync(Func<Task> step)
    {
        Host.Clock.Advance(TimeSpan.FromMinutes(1));
        Axis.Clock.Advance(TimeSpan.FromMinutes(1));
        await step();
        await Host.RunDueWorkAsync();
    }

    /// <summary>Stops the axis, as in an outage; <see cref="RestartAxis"/> brings it back on the same port and database.</summary>
    public void StopAxis() => Axis.Dispose();

    public void RestartAxis() => Axis = AxisServer.Start(axisDatabase, Axis.Clock, Axis.Port);

    /// <summary>The clerk takes in what the axis holds, as the scheduled intake would.</summary>
    public Task PullAsync() => Clerk.PostAsync("/api/exchange/pull", null);

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Axis.DisposeAsync();
        await axisDatabase.DisposeAsync();
    }
}
