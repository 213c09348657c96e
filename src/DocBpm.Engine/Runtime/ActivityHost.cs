using System.Text.Json.Nodes;
using DocBpm.Engine.Activities;
using DocBpm.Engine.Model;

namespace DocBpm.Engine.Runtime;

internal sealed partial class ProcessRun
{
    /// <summary>Binds an activity to the token it runs for: inputs from the task's expressions, outputs to variables.</summary>
    private sealed class ActivityHost(ProcessRun run, TokenState token, TaskNode task, ActivityBinding binding) : IActivityHost
    {
        private readonly Dictionary<string, JsonNode?> outputs = new(StringComparer.Ordinal);
        private readonly Dictionary<string, JsonNode?> inputs = new(StringComparer.Ordinal);

        public Guid InstanceId => run.execution.InstanceId;
        public string DefinitionKey => run.execution.DefinitionKey;
        public string ElementId => task.Id;
        public string? BusinessKey => run.execution.BusinessKey;
        public string? Actor => run.actor;
        public DateTimeOffset Now => run.interpreter.Time.GetUtcNow();
        public IServiceProvider Services => run.execution.Services;

        public JsonNode? EvaluateInput(string name)
        {
            if (inputs.TryGetValue(name, out var cached))
                return cached;
            if (!binding.Inputs.TryGetValue(name, out var expression))
                return null;
            var value = run.Evaluate(token, task.Id, Expressions.ExpressionText.Body(expression));
            inputs[name] = value;
            return value;
        }

        public void SetOutput(string name, JsonNode? value) => outputs[name] = value;

        public JsonNode? GetVariable(string name) =>
            run.VisibleVariables(token.ScopeId).GetValueOrDefault(name)?.DeepClone();

        public void SetVariable(string name, JsonNode? value) => run.SetVariable(token.ScopeId, name, value);

        public void Enqueue(string topic, JsonNode payload) => run.Output.Outbox.Add(new OutboxEntry(topic, payload));

        /// <summary>Maps outputs to the variables the task names; an unmapped output keeps its own name.</summary>
        public void ApplyOutputs()
        {
            foreach (var (name, value) in outputs)
                run.SetVariable(token.ScopeId, binding.Outputs.GetValueOrDefault(name, name), value);
        }
    }
}
