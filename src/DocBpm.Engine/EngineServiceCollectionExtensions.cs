using DocBpm.Engine.Activities;
using DocBpm.Engine.Expressions;
using DocBpm.Engine.Messages;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Engine.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DocBpm.Engine;

public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// Adds the BPMN engine on the host's DbContext <typeparamref name="TContext"/> (whose model must call
    /// <c>ApplyEngine()</c>). A business calendar registered before or after replaces the 24x7 default.
    /// </summary>
    public static IServiceCollection AddDocBpmEngine<TContext>(this IServiceCollection services)
        where TContext : DbContext
    {
        services.AddDocBpmInterpreter();
        services.TryAddSingleton<IDueWorkSignal, PollingOnlySignal>();
        services.TryAddSingleton<DefinitionStore>();
        services.TryAddSingleton<DecisionStore>();
        services.TryAddScoped<Decisions.IDecisionSource, DeployedDecisions>();
        services.TryAddScoped(sp => new EngineDb(sp.GetRequiredService<TContext>()));
        services.TryAddScoped<WorkflowRuntime>();
        services.TryAddSingleton(new DueWorkSweepOptions());
        services.TryAddSingleton<DueWorkSweep>();
        services.TryAddScoped<OutboxProcessor>();
        services.AddScoped<IOutboxHandler, PublishedMessageHandler>();
        services.AddScoped<IOutboxHandler, SignalHandler>();
        services.AddScoped<IOutboxHandler, CalledInstanceHandler>();
        services.AddScoped<IOutboxHandler, CalledInstanceEscalationHandler>();
        return services;
    }

    /// <summary>The interpreter alone, without persistence: for <see cref="InMemoryWorkflowHost"/> and tools.</summary>
    public static IServiceCollection AddDocBpmInterpreter(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IBusinessCalendar, AlwaysOpenCalendar>();
        services.TryAddSingleton<SandboxLimits>(SandboxLimits.Default);
        services.TryAddSingleton<JavaScriptSandbox>(sp => new JavaScriptSandbox(sp.GetRequiredService<SandboxLimits>()));
        services.TryAddSingleton<ActivityRegistry>();
        services.TryAddSingleton<ProcessInterpreter>();
        services.TryAddSingleton<InMemoryWorkflowHost>();
        services.AddActivity<PublishMessage>();
        return services;
    }
}

/// <summary>For hosts without a scheduler nudge: due work is found by the periodic sweep alone.</summary>
public sealed class PollingOnlySignal : IDueWorkSignal
{
    public ValueTask NotifyAsync(IReadOnlyList<DueWork> due, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
