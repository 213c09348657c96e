using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using DocBpm.Engine.Model;

namespace DocBpm.Engine.Runtime;

/// <summary>
/// Runs instances in memory only: for simulations in the designer, benchmarks of the interpreter alone, and hosts
/// that do not need durability. Each instance is serialised between runs exactly like a stored one, so behaviour is the same.
/// </summary>
public sealed class InMemoryWorkflowHost(ProcessInterpreter interpreter, IServiceProvider services)
{
    private readonly ConcurrentDictionary<Guid, (ProcessModel Model, string State)> instances = new();

    public async Task<InMemoryInstance> StartAsync(ProcessModel model, IReadOnlyDictionary<string, JsonNode?>? variables,
        CancellationToken cancellationToken)
    {
        var start = model.NoneStart ?? throw new ProcessExecutionException(model.Id, "the process has no none start event");
        var id = Guid.CreateVersion7();
        var state = InstanceState.New(Guid.CreateVersion7(), variables);
        var output = await interpreter.StartAsync(Execution(id, model, state), start, cancellationToken);
        return Store(id, model, state, output);
    }

    public async Task<InMemoryInstance> ResumeAsync(Guid instanceId, Guid bookmarkId, ResumeInput input, CancellationToken cancellationToken)
    {
        if (!instances.TryGetValue(instanceId, out var stored))
            throw new InstanceNotFoundException(instanceId);
        var state = InstanceState.Deserialize(stored.State);
        var output = await interpreter.ResumeAsync(Execution(instanceId, stored.Model, state), bookmarkId, input, cancellationToken);
        return Store(instanceId, stored.Model, state, output);
    }

    private Execution Execution(Guid id, ProcessModel model, InstanceState state) => new()
    {
        InstanceId = id,
        DefinitionKey = model.Id,
        Model = model,
        State = state,
        Services = services,
    };

    private InMemoryInstance Store(Guid id, ProcessModel model, InstanceState state, RunOutput output)
    {
        if (output.Result == RunResult.Waiting)
            instances[id] = (model, state.Serialize());
        else
            instances.TryRemove(id, out _);
        return new InMemoryInstance(id, output.Result, state, output);
    }
}

public sealed record InMemoryInstance(Guid Id, RunResult Result, InstanceState State, RunOutput Output)
{
    public IReadOnlyList<Bookmark> Bookmarks => State.Bookmarks;
}
