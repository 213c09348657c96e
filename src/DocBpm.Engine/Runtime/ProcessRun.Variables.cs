using System.Text.Json.Nodes;
using DocBpm.Engine.Expressions;

namespace DocBpm.Engine.Runtime;

internal sealed partial class ProcessRun
{
    /// <summary>Variables seen from a scope: the process's, overridden by each enclosing scope's own.</summary>
    private Dictionary<string, JsonNode?> VisibleVariables(Guid scopeId)
    {
        var chain = new List<ScopeState>();
        for (ScopeState? scope = State.Scope(scopeId); scope is not null; scope = scope.ParentId is { } p ? State.Scope(p) : null)
            chain.Add(scope);
        var variables = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        for (var i = chain.Count - 1; i >= 0; i--)
            foreach (var (name, value) in chain[i].Variables)
                variables[name] = value;
        if (execution.BusinessKey is not null)
            variables.TryAdd("businessKey", JsonValue.Create(execution.BusinessKey));
        return variables;
    }

    /// <summary>Sets a variable where it already lives (nearest scope first), or on the process.</summary>
    private void SetVariable(Guid scopeId, string name, JsonNode? value)
    {
        variablesChanged = true;
        for (ScopeState? scope = State.Scope(scopeId); scope is not null; scope = scope.ParentId is { } p ? State.Scope(p) : null)
        {
            if (scope.Variables.ContainsKey(name))
            {
                scope.Variables[name] = value?.DeepClone();
                return;
            }
        }

        State.Root.Variables[name] = value?.DeepClone();
    }

    private void SetVariables(Guid scopeId, IReadOnlyDictionary<string, JsonNode?>? variables)
    {
        if (variables is null)
            return;
        foreach (var (name, value) in variables)
            SetVariable(scopeId, name, value);
    }

    /// <summary>Evaluates a BPMN attribute value: JavaScript when it starts with '=', else the literal text.</summary>
    private JsonNode? Value(TokenState token, string elementId, string? text)
    {
        if (text is null)
            return null;
        if (!ExpressionText.IsExpression(text))
            return JsonValue.Create(text);
        return Evaluate(token, elementId, ExpressionText.Body(text));
    }

    private JsonNode? Evaluate(TokenState token, string elementId, string expression)
    {
        try
        {
            return Charged(() => interpreter.JavaScript.Evaluate(expression, VisibleVariables(token.ScopeId)));
        }
        catch (ExpressionException ex)
        {
            throw new ProcessExecutionException(elementId, $"expression failed: {ex.Reason}", ex);
        }
    }

    private string? Text(TokenState token, string elementId, string? text) => Value(token, elementId, text) switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        var other => other.ToJsonString(),
    };

    private static IReadOnlyList<string> List(JsonNode? value) => value switch
    {
        null => [],
        JsonArray array => [.. array.Select(i => i is JsonValue v && v.TryGetValue<string>(out var s) ? s : i?.ToJsonString() ?? "")
            .Where(s => s.Length > 0)],
        JsonValue v when v.TryGetValue<string>(out var s) =>
            [.. s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        var other => [other.ToJsonString()],
    };
}
