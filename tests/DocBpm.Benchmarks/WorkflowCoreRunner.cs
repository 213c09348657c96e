using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace DocBpm.Benchmarks;

/// <summary>
/// workflow-core 3.22 with its default in-memory persistence: all instances started, then awaited, on a fresh host each
/// round, because its in-memory store keeps every finished instance and a reused host slows down round after round.
/// </summary>
public sealed class WorkflowCoreRunner : IShapeRunner
{
    public string Name => "workflow-core 3.22 (in memory)";
    public IReadOnlyDictionary<string, string> Notes { get; } = new Dictionary<string, string>();

    public async Task<double> RunAsync(string shape, int instances, CancellationToken cancellationToken)
    {
        await using var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddWorkflow()
            .BuildServiceProvider();
        var host = services.GetRequiredService<IWorkflowHost>();
        host.RegisterWorkflow<ServiceFlow, BenchData>();
        host.RegisterWorkflow<UserTaskFlow, BenchData>();
        host.Start();
        try
        {
            return await DrainAsync(host, shape, instances, cancellationToken);
        }
        finally
        {
            host.Stop();
        }
    }

    private static async Task<double> DrainAsync(IWorkflowHost host, string shape, int instances, CancellationToken cancellationToken)
    {
        using var done = new CountdownEvent(instances);
        Completion.Current = done;
        var watch = Stopwatch.StartNew();
        var keys = new List<string>(instances);
        for (var i = 0; i < instances; i++)
        {
            var key = Guid.NewGuid().ToString("N");
            keys.Add(key);
            await host.StartWorkflow(shape, 1, new BenchData { Key = key });
        }

        if (shape == Shapes.UserTask)
            foreach (var key in keys)
                await host.PublishEvent("approve", key, true);

        if (!done.Wait(TimeSpan.FromMinutes(5), cancellationToken))
            throw new TimeoutException($"workflow-core did not finish {shape}");
        return instances / watch.Elapsed.TotalSeconds;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public sealed class BenchData
    {
        public string Key { get; set; } = "";
    }

    private sealed class Step : StepBody
    {
        public override ExecutionResult Run(IStepExecutionContext context) => ExecutionResult.Next();
    }

    private sealed class Completion : StepBody
    {
        public static CountdownEvent? Current { get; set; }

        public override ExecutionResult Run(IStepExecutionContext context)
        {
            Current?.Signal();
            return ExecutionResult.Next();
        }
    }

    private sealed class ServiceFlow : IWorkflow<BenchData>
    {
        public string Id => Shapes.Service;
        public int Version => 1;

        public void Build(IWorkflowBuilder<BenchData> builder) =>
            builder.StartWith<Step>().Then<Step>().Then<Step>().Then<Completion>();
    }

    private sealed class UserTaskFlow : IWorkflow<BenchData>
    {
        public string Id => Shapes.UserTask;
        public int Version => 1;

        public void Build(IWorkflowBuilder<BenchData> builder) =>
            builder.StartWith<Step>().WaitFor("approve", data => data.Key).Then<Completion>();
    }
}
