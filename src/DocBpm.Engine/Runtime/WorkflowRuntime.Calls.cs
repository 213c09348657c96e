using System.Text.Json;
using System.Text.Json.Nodes;
using DocBpm.Engine.Activities;
using DocBpm.Engine.Messages;
using DocBpm.Engine.Model;
using DocBpm.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Engine.Runtime;

/// <summary>One instance's step inside a stored run; called instances it starts or cancels are steps one level deeper.</summary>
internal sealed record StepContext(
    InstanceRecord Instance,
    ProcessModel Model,
    InstanceState State,
    string? Actor,
    Guid? Resumed,
    List<DueWork> Due,
    int Depth);

public sealed partial class WorkflowRuntime
{
    /// <summary>A process that calls itself (directly or not) stops here instead of filling the database.</summary>
    public const int MaxCallDepth = 20;

    /// <summary>
    /// Starts the instance a call activity asks for, in the caller's step: the child's first run (up to its first wait)
    /// is stored with the caller's, so a caller never waits for a child that does not exist.
    /// </summary>
    private async Task StartCalledAsync(StepContext caller, CallRequest call, CancellationToken cancellationToken)
    {
        if (caller.Depth >= MaxCallDepth)
            throw new ProcessExecutionException(call.ElementId, $"call activities nest more than {MaxCallDepth} levels deep; the process calls itself");
        var definition = await CalledDefinitionAsync(caller, call, cancellationToken);
        var model = await definitions.GetModelAsync(db, definition.Id, cancellationToken);
        var start = model.NoneStart
            ?? throw new ProcessExecutionException(call.ElementId, $"the called process '{call.DefinitionKey}' has no none start event");
        var child = NewInstance(call.ChildInstanceId, definition, call.BusinessKey, caller.Actor);
        child.ParentInstanceId = caller.Instance.Id;
        child.CallerBookmarkId = call.BookmarkId;
        var state = InstanceState.New(Guid.CreateVersion7(), call.Variables);
        await StepAsync(new StepContext(child, model, state, caller.Actor, null, caller.Due, caller.Depth + 1),
            execution => interpreter.StartAsync(execution, start, cancellationToken), cancellationToken);
    }

    private async Task<DefinitionRecord> CalledDefinitionAsync(StepContext caller, CallRequest call, CancellationToken cancellationToken)
    {
        var versions = db.Definitions.AsNoTracking().Where(d => d.Key == call.DefinitionKey);
        switch (call.Binding)
        {
            case CallBinding.Version:
                return await versions.FirstOrDefaultAsync(d => d.Version == call.Version, cancellationToken)
                    ?? throw new ProcessExecutionException(call.ElementId, $"the called process '{call.DefinitionKey}' version {call.Version} is not deployed");
            case CallBinding.Deployment:
                var callerDeployedAt = await db.Definitions.AsNoTracking().Where(d => d.Id == caller.Instance.DefinitionId)
                    .Select(d => d.DeployedAt).SingleAsync(cancellationToken);
                return await versions.Where(d => d.DeployedAt <= callerDeployedAt).OrderByDescending(d => d.Version).FirstOrDefaultAsync(cancellationToken)
                    ?? throw new ProcessExecutionException(call.ElementId,
                        $"no version of the called process '{call.DefinitionKey}' was deployed with or before the calling process (deployment binding)");
            default:
                return await versions.OrderByDescending(d => d.Version).FirstOrDefaultAsync(cancellationToken)
                    ?? throw new ProcessExecutionException(call.ElementId, $"the called process '{call.DefinitionKey}' is not deployed");
        }
    }

    /// <summary>
    /// The caller's call activity was cancelled (the caller cancelled or terminated, or a boundary event interrupted the
    /// activity): the called instance is cancelled in the same step, and its own children with it.
    /// </summary>
    private async Task CancelCalledAsync(StepContext caller, Guid childId, CancellationToken cancellationToken)
    {
        var child = await db.Instances.FirstOrDefaultAsync(i => i.Id == childId, cancellationToken);
        if (child is not { Status: InstanceStatus.Running })
            return;
        var model = await definitions.GetModelAsync(db, child.DefinitionId, cancellationToken);
        var state = InstanceState.Deserialize(child.State);
        await ResolveIncidentsAsync(child, caller.Actor, "cancelled", cancellationToken);
        await StepAsync(new StepContext(child, model, state, caller.Actor, null, caller.Due, caller.Depth + 1),
            execution => ValueTask.FromResult(ProcessInterpreter.Cancel(execution, time, $"caller {caller.Instance.Id} cancelled the call")),
            cancellationToken);
    }

    /// <summary>
    /// A called instance that ends (completed, terminated, or by a BPMN error it does not catch) tells its caller through
    /// the outbox, so that the caller moves in its own step after this one commits.
    /// </summary>
    private static void ReturnToCaller(InstanceRecord instance, InstanceState state, RunOutput output)
    {
        if (instance is not { ParentInstanceId: { } parent, CallerBookmarkId: { } bookmark })
            return;
        foreach (var escalation in output.Escalations)
            output.Outbox.Add(new OutboxEntry(CalledInstanceEscalationHandler.Topic, JsonSerializer.SerializeToNode(
                new CalledInstanceEscalated(parent, bookmark, instance.Id, escalation.EscalationCode,
                    new JsonObject(escalation.Variables.Select(v => KeyValuePair.Create(v.Key, v.Value)))),
                ActivityContext.JsonOptions)!));
        if (output.Result is not (RunResult.Completed or RunResult.Terminated))
            return;
        var returned = new CalledInstanceEnded(parent, bookmark, instance.Id,
            output.Error is null ? new JsonObject(state.Root.Variables.Select(v => KeyValuePair.Create(v.Key, v.Value?.DeepClone()))) : null,
            output.Error?.ErrorCode, output.Error?.ErrorMessage);
        output.Outbox.Add(new OutboxEntry(CalledInstanceHandler.Topic, JsonSerializer.SerializeToNode(returned, ActivityContext.JsonOptions)!));
    }

    /// <summary>
    /// Resumes the call activity waiting for an ended instance. A caller that moved on meanwhile (its activity
    /// interrupted, or the caller cancelled) is no longer waiting: nothing happens.
    /// </summary>
    public Task ReturnFromCalledAsync(CalledInstanceEnded ended, CancellationToken cancellationToken) =>
        ResumeCallerAsync(ended.ParentInstanceId, ended.CallerBookmarkId, ended.ChildInstanceId,
            new CallReturn(ended.Variables?.ToDictionary(p => p.Key, p => p.Value?.DeepClone()) ?? [], ended.ErrorCode, ended.ErrorMessage),
            cancellationToken);

    /// <summary>
    /// Throws an escalation the called instance did not catch from the call activity waiting for it. The call bookmark is
    /// not consumed: unless a catcher interrupts the activity (which cancels the child), the caller goes on waiting.
    /// </summary>
    public Task EscalateFromCalledAsync(CalledInstanceEscalated escalated, CancellationToken cancellationToken) =>
        ResumeCallerAsync(escalated.ParentInstanceId, escalated.CallerBookmarkId, escalated.ChildInstanceId,
            new CallReturn(escalated.Variables.ToDictionary(p => p.Key, p => p.Value?.DeepClone())) { Escalated = true, EscalationCode = escalated.EscalationCode },
            cancellationToken);

    private async Task ResumeCallerAsync(Guid parentId, Guid callerBookmarkId, Guid childId, CallReturn returned, CancellationToken cancellationToken)
    {
        BookmarkRecord bookmark;
        InstanceRecord instance;
        try
        {
            (bookmark, instance) = await LoadActiveAsync(callerBookmarkId, BookmarkKind.Call, cancellationToken);
        }
        catch (BookmarkNotActiveException)
        {
            LogCallerGone(parentId, childId);
            return;
        }

        await ResumeAsync(bookmark, instance, new ResumeInput(null, null) { Returned = returned }, cancellationToken,
            consumesBookmark: !returned.Escalated);
    }

    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Information,
        Message = "Instance {ParentInstanceId} no longer waits for called instance {ChildInstanceId}; its end or escalation is not delivered")]
    private partial void LogCallerGone(Guid parentInstanceId, Guid childInstanceId);
}
