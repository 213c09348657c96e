using Quartz;

namespace DocBpm.Web.Notifications;

/// <summary>Raises new notifications, then sends the e-mail of those not yet sent; one host at a time in a cluster.</summary>
[DisallowConcurrentExecution]
public sealed class NotificationJob(IServiceScopeFactory scopes) : IJob
{
    public static readonly JobKey Key = new("notifications", "docbpm");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<NotificationSweep>().RunOnceAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<NotificationMailer>().SendPendingAsync(cancellationToken);
    }
}
