using DocBpm.Documents.Coordination;
using DocBpm.Documents.Incoming;
using DocBpm.Engine.Activities;
using DocBpm.Engine.Messages;
using Microsoft.Extensions.DependencyInjection;

namespace DocBpm.Documents.ProvincialTasks;

public static class ProvincialTaskServiceCollectionExtensions
{
    /// <summary>Tasks assigned by the Provincial People's Committee: the flow of people's actions, the status rules and the activities.</summary>
    public static IServiceCollection AddDocBpmProvincialTasks(this IServiceCollection services)
    {
        services.AddSingleton(ProvincialTaskProcess.Contract);
        services.AddSingleton<TaskStanding>();
        services.AddScoped<ProvincialTaskFlow>();
        services.AddScoped<ProvincialCoordination>();
        services.AddScoped<ICoordinatedRecords, CoordinatedTasks>();
        services.AddScoped<TaskReport>();
        services.AddScoped<IOutboxHandler, ReplyIssuedHandler>();
        services.AddScoped<IIncomingCompletionRule, TaskDocumentClosing>();
        services.AddActivity<ExtendDeadline>();
        services.AddActivity<RecordTaskEvent>();
        services.AddActivity<PendingCoordinators>();
        return services;
    }
}
