using DocBpm.Web.Components.Layout;
using Microsoft.AspNetCore.Components.Endpoints;
using Quartz;

namespace DocBpm.Web.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>Section <c>Notifications</c> (<see cref="NotificationOptions"/>); the job is added to the scheduler by <see cref="AddNotificationJob"/>.</summary>
    public static IServiceCollection AddDocBpmNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NotificationOptions>(configuration.GetSection("Notifications"));
        services.AddScoped<NotificationSweep>();
        services.AddScoped<NotificationMailer>();
        services.AddScoped<NotificationInbox>();
        return services;
    }

    /// <summary>The job that raises and e-mails notifications, every <c>Notifications:SweepSeconds</c>.</summary>
    public static IQuartzBuilder AddNotificationJob(this IQuartzBuilder quartz, IConfiguration configuration)
    {
        var every = TimeSpan.FromSeconds(configuration.GetValue("Notifications:SweepSeconds", new NotificationOptions().SweepSeconds));
        quartz.AddJob<NotificationJob>(j => j.WithIdentity(NotificationJob.Key).StoreDurably());
        quartz.AddTrigger(t => t.ForJob(NotificationJob.Key).WithIdentity("notifications", "docbpm").StartNow()
            .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(every).RepeatForever()));
        return quartz;
    }

    /// <summary>
    /// The bell's unread count, read before a page renders like the inbox's tray counts (the layout makes no query of its
    /// own beside the page's).
    /// </summary>
    public static WebApplication UseNotificationBell(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true && context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            {
                context.SetUnreadNotifications(await context.RequestServices.GetRequiredService<NotificationInbox>()
                    .UnreadAsync(context.User.Identity.Name!, context.RequestAborted));
            }
            await next(context);
        });
        return app;
    }
}
