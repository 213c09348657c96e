using System.Text.Json.Nodes;
using DocBpm.Engine.Activities;
using DocBpm.Engine.Model;

namespace DocBpm.Engine.Runtime;

internal sealed partial class ProcessRun
{
    private ValueTask EnterActivity(TokenState token, Activity activity)
    {
        token.ElementId = activity.Id;
        if (!IsMultiInstanceItem(token, activity))
            SubscribeBoundaries(token, activity);
        else
            Journal(activity, "started", detail: "multi-instance item");

        switch (activity)
        {
            case SubProcess subProcess:
                return EnterSubProcess(token, subProcess);
            case CallActivity call:
                return EnterCall(token, call);
            case TaskNode { TaskKind: TaskKind.User } task:
                CreateUserTask(token, task);
                return ValueTask.CompletedTask;
            case TaskNode { TaskKind: TaskKind.Receive, Message: { } message } task:
                Subscribe(token, task.Id, message);
                token.Status = TokenStatus.Waiting;
                return ValueTask.CompletedTask;
            case TaskNode { TaskKind: TaskKind.Manual } task:
                return CompleteActivity(token, task, Outcome.Done);
            case TaskNode { TaskKind: TaskKind.Script } task:
                RunScript(token, task);
                return CompleteActivity(token, task, Outcome.Done);
            case TaskNode { TaskKind: TaskKind.BusinessRule, Decision: { } decision } task:
                return RunDecision(token, task, decision);
            case TaskNode { Binding: { } binding } task:
                return StartBoundActivity(token, task, binding);
            default:
                throw new ProcessExecutionException(activity.Id, $"{activity.Kind} has nothing to execute");
        }
    }

    private async ValueTask StartBoundActivity(TokenState token, TaskNode task, ActivityBinding binding)
    {
        var type = interpreter.Registry.Find(binding.Type)
            ?? throw new ProcessExecutionException(task.Id, $"activity type '{binding.Type}' is not registered");
        if (type.Descriptor.Asynchronous)
        {
            // The outside world is called after this step commits, by the job executor, with retries.
            State.Bookmarks.Add(new Bookmark
            {
                Id = Guid.CreateVersion7(),
                TokenId = token.Id,
                Kind = BookmarkKind.Job,
                ElementId = task.Id,
                DueAt = interpreter.Time.GetUtcNow(),
            });
            token.Status = TokenStatus.Waiting;
            return;
        }

        await ExecuteBoundActivity(token, task, type, binding);
    }

    private async ValueTask ExecuteBoundActivity(TokenState token, TaskNode task, ActivityType type, ActivityBinding binding)
    {
        var activity = type.Create(execution.Services);
        var host = new ActivityHost(this, token, task, binding);
        Outcome outcome;
        try
        {
            outcome = await activity.ExecuteAsync(new ActivityContext(host), CancellationToken.None);
        }
        catch (Exception ex) when (ex is not ProcessExecutionException and not OperationCanceledException)
        {
            throw new ProcessExecutionException(task.Id, $"activity {binding.Type} failed: {ex.Message}", ex);
        }

        host.ApplyOutputs();
        if (outcome.IsError)
            await ThrowError(token, task, outcome.ErrorCode!, outcome.ErrorMessage);
        else
            await CompleteActivity(token, task, outcome);
    }

    private void RunScript(TokenState token, TaskNode task)
    {
        try
        {
            var result = Charged(() => interpreter.JavaScript.RunScript(task.Script ?? "", VisibleVariables(token.ScopeId),
                (name, value) => SetVariable(token.ScopeId, name, value)), isScript: true);
            if (task.ScriptResultVariable is { } variable)
                SetVariable(token.ScopeId, variable, result);
        }
        catch (Expressions.ExpressionException ex)
        {
            throw new ProcessExecutionException(task.Id, $"script failed: {ex.Reason}", ex);
        }
    }

    private void CreateUserTask(TokenState token, TaskNode task)
    {
        var assignment = task.Assignment;
        var due = Text(token, task.Id, assignment?.DueDate);
        var priority = Text(token, task.Id, assignment?.Priority);
        var info = new UserTaskInfo(
            task.Name,
            Text(token, task.Id, assignment?.Assignee),
            List(Value(token, task.Id, assignment?.CandidateUsers)),
            List(Value(token, task.Id, assignment?.CandidateGroups)),
            due is null ? null : Timers.TimerSchedule.ParseDate(task.Id, due),
            Text(token, task.Id, assignment?.FormKey),
            int.TryParse(priority, out var p) ? p : 0,
            LocalContext(token));
        State.Bookmarks.Add(new Bookmark
        {
            Id = Guid.CreateVersion7(),
            TokenId = token.Id,
            Kind = BookmarkKind.UserTask,
            ElementId = task.Id,
            Task = info,
        });
        token.Status = TokenStatus.Waiting;
    }

    /// <summary>The multi-instance item variables a user task shows its assignee (e.g. which unit it is for).</summary>
    private JsonObject? LocalContext(TokenState token)
    {
        var scope = State.Scope(token.ScopeId);
        if (scope.Kind != ScopeKind.MultiInstanceItem)
            return null;
        var context = new JsonObject();
        foreach (var (name, value) in scope.Variables)
            context[name] = value?.DeepClone();
        return context;
    }

    /// <param name="completed">The scope of a subprocess that completed, for what would undo it.</param>
    private ValueTask CompleteActivity(TokenState token, Activity activity, Outcome outcome, ScopeState? completed = null)
    {
        RemoveBookmarks(token);
        Journal(activity, "completed", outcome.Name);
        if (token.CompensatingFor is { } thrower)
            return HandlerCompleted(token, thrower);
        RememberCompensable(token, activity, completed);
        if (IsMultiInstanceItem(token, activity))
            return CompleteMultiInstanceItem(token, activity);
        if (activity.Loop is not null)
        {
            token.LoopCounter++;
            if (LoopGoesOn(token, activity))
            {
                Journal(activity, "started", detail: $"loop run {token.LoopCounter + 1}");
                return EnterActivity(token, activity);
            }
        }

        return Leave(token, activity, outcome);
    }

    /// <summary>
    /// Whether a standard loop runs (again): under its maximum and while its condition holds, which sees
    /// <c>loopCounter</c>, the runs completed so far.
    /// </summary>
    private bool LoopGoesOn(TokenState token, Activity activity)
    {
        var loop = activity.Loop!;
        if (loop.Maximum is { } maximum && token.LoopCounter >= maximum)
            return false;
        if (loop.Condition is not { } condition)
            return true;
        var variables = VisibleVariables(token.ScopeId);
        variables["loopCounter"] = JsonValue.Create(token.LoopCounter);
        return Holds(activity.Id, condition, variables, "loop condition");
    }
}
