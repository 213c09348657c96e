using System.Text.Json.Nodes;
using DocBpm.Engine.Activities;
using DocBpm.Engine.Model;

namespace DocBpm.Engine.Runtime;

internal sealed partial class ProcessRun
{
    /// <summary>
    /// A call activity waits on a call bookmark; the runtime starts the child in the same step (the run itself touches
    /// no database) and the child's end resumes the bookmark.
    /// </summary>
    private ValueTask EnterCall(TokenState token, CallActivity call)
    {
        var key = Text(token, call.Id, call.CalledElement);
        if (string.IsNullOrWhiteSpace(key))
            throw new ProcessExecutionException(call.Id, $"the called element '{call.CalledElement}' gave no process key");
        var variables = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var visible = VisibleVariables(token.ScopeId);
        if (call.AllIn)
            foreach (var (name, value) in visible)
                variables[name] = value?.DeepClone();
        foreach (var mapping in call.In)
            variables[mapping.Target] = Evaluate(token, call.Id, mapping.Expression);
        var child = Guid.CreateVersion7();
        var bookmark = new Bookmark
        {
            Id = Guid.CreateVersion7(),
            TokenId = token.Id,
            Kind = BookmarkKind.Call,
            ElementId = call.Id,
            MessageName = key,
            CorrelationKey = child.ToString(),
        };
        State.Bookmarks.Add(bookmark);
        token.Status = TokenStatus.Waiting;
        var businessKey = call.BusinessKey is null ? execution.BusinessKey : Text(token, call.Id, call.BusinessKey);
        Journal(call, "called", detail: $"{key} {child}");
        Output.Request(new CallRequest(child, bookmark.Id, call.Id, key, call.Binding, call.Version, variables, businessKey));
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// The called instance ended: completed, its out mappings are applied and the activity completes; ended by a BPMN
    /// error, the error is thrown from the call activity, to its own boundary events first. An escalation the child did
    /// not catch is thrown from the call activity too, while the child goes on: a catcher that interrupts cancels it.
    /// </summary>
    private async ValueTask ReturnFromCall(TokenState token, CallActivity call, CallReturn returned)
    {
        if (returned.Escalated)
        {
            Journal(call, "escalated", returned.EscalationCode, "from the called instance");
            await CatchEscalation(token, call, returned.EscalationCode, returned.Variables);
            return;
        }

        RemoveBookmarks(token);
        if (returned.ErrorCode is { } code)
        {
            await ThrowError(token, call, code, returned.ErrorMessage);
            return;
        }

        MapOut(token, call, returned.Variables);
        await CompleteActivity(token, call, Outcome.Done);
    }

    /// <summary>A call activity's out mappings: the caller's variables set from the called instance's.</summary>
    private void MapOut(TokenState token, FlowNode source, IReadOnlyDictionary<string, JsonNode?>? childVariables)
    {
        if (source is not CallActivity call || childVariables is null)
            return;
        if (call.AllOut)
            foreach (var (name, value) in childVariables)
                SetVariable(token.ScopeId, name, value);
        foreach (var mapping in call.Out)
        {
            try
            {
                SetVariable(token.ScopeId, mapping.Target, interpreter.JavaScript.Evaluate(mapping.Expression, childVariables));
            }
            catch (Expressions.ExpressionException ex)
            {
                throw new ProcessExecutionException(call.Id, $"out mapping to '{mapping.Target}' failed: {ex.Reason}", ex);
            }
        }
    }

    /// <summary>
    /// A BPMN error nothing in a called instance catches ends that instance and goes to its caller, as in Camunda 7:
    /// every token and bookmark is dropped, and the runtime tells the caller.
    /// </summary>
    private void PropagateToCaller(FlowNode source, string code, string? message)
    {
        Journal(source, "error-propagated", code, message);
        State.Tokens.Clear();
        State.Bookmarks.Clear();
        State.Scopes.RemoveAll(s => s.Kind != ScopeKind.Process);
        agenda.Clear();
        Output.Result = RunResult.Terminated;
        Output.Error = new CallReturn(new Dictionary<string, JsonNode?>(), code, message);
    }
}
