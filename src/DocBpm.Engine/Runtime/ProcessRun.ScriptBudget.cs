using DocBpm.Engine.Model;

namespace DocBpm.Engine.Runtime;

/// <summary>
/// The JavaScript budget of one step (<see cref="Expressions.SandboxLimits.MaxScriptsPerStep"/>,
/// <see cref="Expressions.SandboxLimits.ScriptTimePerStep"/>): each script is bounded on its own, but a model that cycles
/// through script tasks would run thousands of them in one step. Once the budget is spent, the next script task, gateway
/// or event a token enters stops with an incident naming the cause; the rest of the step is stored, and an
/// administrator's retry runs that element again in a step of its own.
/// </summary>
internal sealed partial class ProcessRun
{
    private int scriptsRun;
    private TimeSpan scriptTime;

    /// <summary>Runs one piece of the model's JavaScript, charged to the step's budget (a script task counts as a script).</summary>
    private T Charged<T>(Func<T> evaluate, bool isScript = false)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            return evaluate();
        }
        finally
        {
            scriptTime += System.Diagnostics.Stopwatch.GetElapsedTime(started);
            if (isScript)
                scriptsRun++;
        }
    }

    /// <summary>
    /// Stops the token at <paramref name="node"/> with an incident when the budget is spent. Only where a retry enters the
    /// element again: a script task, or a node that is no activity (a user or service task resumes differently).
    /// </summary>
    private bool StoppedByScriptBudget(TokenState token, FlowNode node)
    {
        if (node is Activity and not TaskNode { TaskKind: TaskKind.Script })
            return false;
        var limits = interpreter.JavaScript.Limits;
        var cause = scriptsRun >= limits.MaxScriptsPerStep
            ? $"script budget spent: {scriptsRun} script tasks ran in one step without a wait state (at most {limits.MaxScriptsPerStep}); the model loops through scripts"
            : scriptTime >= limits.ScriptTimePerStep
                ? $"script budget spent: JavaScript ran {scriptTime.TotalSeconds:0.0} s in one step (at most {limits.ScriptTimePerStep.TotalSeconds:0.0} s)"
                : null;
        if (cause is null)
            return false;
        RaiseIncident(token, node, cause);
        return true;
    }
}
