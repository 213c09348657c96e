extern alias axis;

using axis::DocBpm.Axis;
using axis::DocBpm.Axis.Agencies;

namespace DocBpm.Web.DemoExchange;

/// <summary>
/// Runs the demo axis (DocBpm.Axis's own WebApplication, on loopback) while the host runs. A port already taken is said in
/// the log and on every page, and the host goes on without it: the documents it issues then wait to be sent.
/// </summary>
public sealed partial class DemoAxisService(DemoAxis demo, IHostEnvironment environment, ILoggerFactory logs, ILogger<DemoAxisService> logger)
    : IHostedService, IAsyncDisposable
{
    private WebApplication? app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var agencies = demo.Peers.Prepend(demo.Department).Select(a => new AgencyOptions { Code = a.Code, Name = a.Name, Key = a.Key }).ToList();
        var built = await AxisHost.BuildAsync(
            new EmbeddedAxis(demo.Url, environment.ContentRootPath, environment.EnvironmentName, demo.SqliteFile, agencies, logs), cancellationToken);
        try
        {
            await built.StartAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            // Kestrel's "address already in use": another DocBpm or DocBpm.Axis holds the port.
            await built.DisposeAsync();
            demo.PortTaken();
            LogPortBusy(demo.Url.Port, ex.Message);
            return;
        }

        app = built;
        demo.Started();
        LogStarted(demo.Url, agencies.Count, demo.SqliteFile);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (app is null)
            return;
        demo.Stopped();
        await app.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
            await app.DisposeAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "DEMO exchange axis listening on {Url} with {Agencies} demo agencies (database {Database}); it is for trying DocBpm out and never starts outside Development")]
    private partial void LogStarted(Uri url, int agencies, string database);

    [LoggerMessage(Level = LogLevel.Error, Message = "The DEMO exchange axis could not start: port {Port} is in use ({Error}). Issued documents will wait to be sent; free the port, or set Exchange:DemoAxis:Port or Exchange:AxisUrl")]
    private partial void LogPortBusy(int port, string error);
}
