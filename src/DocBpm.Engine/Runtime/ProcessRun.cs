using System.Text.Json.Nodes;
using DocBpm.Engine.Activities;
using DocBpm.Engine.Model;

namespace DocBpm.Engine.Runtime;

/// <summary>One run of one instance: an agenda of token steps worked off until every token waits.</summary>
internal sealed partial class ProcessRun
{
    /// <summary>Guards against a model that loops without ever waiting (e.g. a gateway cycle).</summary>
    private const int MaxStepsPerRun = 10_000;

    private readonly ProcessInterpreter interpreter;
    private readonly Execution execution;
    private readonly Queue<(Guid TokenId, Func<TokenState, ValueTask> Step)> agenda = new();
    private int steps;

    public ProcessRun(ProcessInterpreter interpreter, Execution execution)
    {
        this.interpreter = interpreter;
        this.execution = execution;
    }

    public RunOutput Output { get; } = new();

    private InstanceState State => execution.State;
    private ProcessModel Model => execution.Model;
    private string? actor;

    public void Begin(StartEvent start)
    {
        actor = execution.Actor;
        var token = NewToken(State.Root.Id, start.Id);
        Schedule(token, t => Enter(t, start));
        Listen(State.Root, Model.EventStarts);
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        do
        {
            while (agenda.TryDequeue(out var item))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (++steps > MaxStepsPerRun)
                    throw new ProcessExecutionException(Model.Id, $"more than {MaxStepsPerRun} steps without a wait state; the model loops");
                var token = State.Tokens.Find(t => t.Id == item.TokenId);
                if (token is not null)
                    await item.Step(token);
            }
        }
        while (await FireConditionsAsync(cancellationToken));

        if (!State.Tokens.Exists(t => !t.Listener) && Output.Result == RunResult.Waiting)
        {
            StopListening(State.Root);
            Output.Result = RunResult.Completed;
        }
    }

    private void Schedule(TokenState token, Func<TokenState, ValueTask> step)
    {
        token.Status = TokenStatus.Active;
        agenda.Enqueue((token.Id, step));
    }

    private TokenState NewToken(Guid scopeId, string elementId)
    {
        var token = new TokenState { Id = Guid.CreateVersion7(), ScopeId = scopeId, ElementId = elementId };
        State.Tokens.Add(token);
        return token;
    }

    private void Journal(FlowNode node, string @event, string? outcome = null, string? detail = null) =>
        Output.Journal.Add(new JournalEntry(interpreter.Time.GetUtcNow(), node.Id, node.Kind, @event, actor, outcome, detail));

    private ValueTask Enter(TokenState token, FlowNode node)
    {
        if (StoppedByScriptBudget(token, node))
            return ValueTask.CompletedTask;
        token.ElementId = node.Id;
        Journal(node, "started");
        switch (node)
        {
            case IntermediateThrowEvent { Trigger: not null } throwEvent:
                return PassThrowEvent(token, throwEvent);
            case StartEvent or IntermediateThrowEvent:
                return Leave(token, node, null);
            case EndEvent end:
                return End(token, end);
            case IntermediateCatchEvent { Trigger: ConditionalTrigger conditional } catchEvent
                when Holds(catchEvent.Id, conditional.Condition, VisibleVariables(token.ScopeId), "condition"):
                Journal(catchEvent, "completed", detail: "condition already true");
                return Leave(token, catchEvent, null);
            case IntermediateCatchEvent catchEvent:
                Subscribe(token, catchEvent.Id, catchEvent.Trigger);
                token.Status = TokenStatus.Waiting;
                return ValueTask.CompletedTask;
            case Gateway gateway:
                return PassGateway(token, gateway);
            case Activity { Loop.TestBefore: true } activity when !LoopGoesOn(token, activity):
                Journal(activity, "completed", detail: "loop condition false before the first run");
                return Leave(token, activity, Outcome.Done);
            case Activity { MultiInstance: not null } activity when !IsMultiInstanceItem(token, activity):
                return StartMultiInstance(token, activity);
            case Activity activity:
                return EnterActivity(token, activity);
            default:
                throw new ProcessExecutionException(node.Id, $"{node.Kind} is not executable");
        }
    }

    /// <summary>
    /// Leaves a node by its outgoing flows: conditional flows whose condition holds and every unconditional one; the
    /// default flow only when none of those is taken.
    /// </summary>
    private ValueTask Leave(TokenState token, FlowNode node, Outcome? outcome)
    {
        if (node is not Gateway)
            State.Path.Add(node.Id);
        token.LoopCounter = 0;
        if (node.Outgoing.Count == 0)
        {
            EndToken(token);
            return ValueTask.CompletedTask;
        }

        var taken = node.Outgoing
            .Where(f => f != node.DefaultFlow && (f.Condition is null || Condition(token, f, outcome)))
            .ToList();
        if (taken.Count == 0 && node.DefaultFlow is { } fallback)
            taken.Add(fallback);
        if (taken.Count == 0)
            throw new ProcessExecutionException(node.Id, "no outgoing sequence flow can be taken: every condition is false");
        Move(token, taken);
        return ValueTask.CompletedTask;
    }

    private void Move(TokenState token, List<SequenceFlow> flows)
    {
        for (var i = 0; i < flows.Count; i++)
        {
            var flow = flows[i];
            var moving = i == 0 ? token : NewToken(token.ScopeId, flow.Source.Id);
            moving.ArrivedVia = flow.Id;
            moving.ElementId = flow.Target.Id;
            Schedule(moving, t => Enter(t, flow.Target));
        }
    }

    /// <summary>A token reached the end of its path; its scope completes when no token is left in it.</summary>
    private void EndToken(TokenState token)
    {
        RemoveBookmarks(token);
        State.Tokens.Remove(token);
        CompleteScopeIfIdle(State.Scope(token.ScopeId));
    }

    private bool Condition(TokenState token, SequenceFlow flow, Outcome? outcome)
    {
        var variables = VisibleVariables(token.ScopeId);
        if (outcome is not null)
            variables["outcome"] = JsonValue.Create(outcome.Name);
        return Holds(flow.Id, flow.Condition!, variables, "condition");
    }

    /// <summary>Evaluates a condition of the model; a failing one stops the step, naming where it is.</summary>
    private bool Holds(string elementId, string condition, Dictionary<string, JsonNode?> variables, string what)
    {
        try
        {
            return Charged(() => interpreter.JavaScript.EvaluateCondition(condition, variables));
        }
        catch (Expressions.ExpressionException ex)
        {
            throw new ProcessExecutionException(elementId, $"{what} failed: {ex.Reason}", ex);
        }
    }
}
