using DocBpm.Documents.Exchange;
using Quartz;

namespace DocBpm.Web.Exchange;

/// <summary>Pulls what the axis holds for this agency; one host at a time in a cluster.</summary>
[DisallowConcurrentExecution]
public sealed partial class IntakeJob(IServiceScopeFactory scopes, ILogger<IntakeJob> logger) : IJob
{
    public static readonly JobKey Key = new("axis-intake", "docbpm");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<IntakeService>().PullAsync(cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            // The axis is unreachable; the next run tries again and nothing was acknowledged.
            LogAxisUnreachable(ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The exchange axis could not be reached: {Error}")]
    private partial void LogAxisUnreachable(string error);
}
