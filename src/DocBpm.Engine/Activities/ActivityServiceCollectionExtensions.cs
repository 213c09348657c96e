using Microsoft.Extensions.DependencyInjection;

namespace DocBpm.Engine.Activities;

public static class ActivityServiceCollectionExtensions
{
    /// <summary>Registers an activity type: it appears in the designer and BPMN tasks can be bound to it.</summary>
    public static IServiceCollection AddActivity<TActivity>(this IServiceCollection services)
        where TActivity : class, IActivity
    {
        services.AddSingleton(new ActivityTypeRegistration(typeof(TActivity)));
        return services;
    }
}
