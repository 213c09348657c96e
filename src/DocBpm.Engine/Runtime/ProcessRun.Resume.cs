using DocBpm.Engine.Activities;
using DocBpm.Engine.Model;

namespace DocBpm.Engine.Runtime;

internal sealed partial class ProcessRun
{
    /// <summary>Resumes the token waiting on a bookmark: a completed user task, a message, a due timer or job.</summary>
    public async ValueTask ResumeAsync(Guid bookmarkId, ResumeInput input, CancellationToken cancellationToken)
    {
        actor = input.Actor ?? execution.Actor;
        var bookmark = State.Bookmarks.Find(b => b.Id == bookmarkId)
            ?? throw new BookmarkNotActiveException(bookmarkId);
        var token = State.Token(bookmark.TokenId);
        var element = Model.NodesById[bookmark.ElementId];
        if (bookmark.Kind != BookmarkKind.Call)
            SetVariables(token.ScopeId, input.Variables);
        cancellationToken.ThrowIfCancellationRequested();

        switch (element)
        {
            case CallActivity call when bookmark.Kind == BookmarkKind.Call:
                await ReturnFromCall(token, call, input.Returned ?? new CallReturn(new Dictionary<string, System.Text.Json.Nodes.JsonNode?>()));
                break;
            case BoundaryEvent boundary:
                await ResumeBoundary(token, boundary, bookmark);
                break;
            case StartEvent { EventSubProcess: not null } start:
                if (!start.IsInterrupting)
                    RescheduleOrRemove(bookmark, start.Id);
                await StartEventSubProcess(State.Scope(token.ScopeId), token, start);
                break;
            case var target when Model.NodesById[token.ElementId] is Gateway { GatewayKind: GatewayKind.EventBased } gateway:
                RemoveBookmarks(token);
                Journal(gateway, "completed", detail: target.Id);
                token.ArrivedVia = gateway.Outgoing.First(f => f.Target == target).Id;
                token.ElementId = target.Id;
                Journal(target, "started");
                await CompleteWaitingElement(token, target);
                break;
            case TaskNode { TaskKind: TaskKind.Service or TaskKind.Send, Binding: { } binding } task when bookmark.Kind == BookmarkKind.Job:
                State.Bookmarks.Remove(bookmark);
                var type = interpreter.Registry.Find(binding.Type)
                    ?? throw new ProcessExecutionException(task.Id, $"activity type '{binding.Type}' is not registered");
                await ExecuteBoundActivity(token, task, type, binding);
                break;
            case TaskNode { TaskKind: TaskKind.Script or TaskKind.BusinessRule } script when bookmark.Kind == BookmarkKind.Job:
                // The retry of a script budget's or a decision's incident: the script runs again, in this new step's
                // budget; the decision is evaluated again, with the latest table and the variables as they are now.
                State.Bookmarks.Remove(bookmark);
                await Enter(token, script);
                break;
            case not TaskNode when bookmark.Kind == BookmarkKind.Job:
                // An incident's retry: the event (an error end event) runs again, perhaps caught now after a migration;
                // a call activity whose child ended with an uncaught error calls again.
                State.Bookmarks.Remove(bookmark);
                await Enter(token, element);
                break;
            default:
                await CompleteWaitingElement(token, element);
                break;
        }
    }

    private ValueTask CompleteWaitingElement(TokenState token, FlowNode element)
    {
        switch (element)
        {
            case IntermediateCatchEvent catchEvent:
                RemoveBookmarks(token);
                Journal(catchEvent, "completed");
                return Leave(token, catchEvent, null);
            case Activity activity:
                return CompleteActivity(token, activity, Outcome.Done);
            default:
                throw new ProcessExecutionException(element.Id, $"{element.Kind} does not wait");
        }
    }

    private ValueTask ResumeBoundary(TokenState token, BoundaryEvent boundary, Bookmark bookmark)
    {
        if (boundary.CancelActivity)
            return FireBoundary(token, boundary, interrupting: true);

        RescheduleOrRemove(bookmark, boundary.Id);
        return FireBoundary(token, boundary, interrupting: false);
    }

    /// <summary>
    /// A non-interrupting event fired and goes on waiting: a message or signal as it is, a cycle timer until its next
    /// time; a one-off timer is done.
    /// </summary>
    private void RescheduleOrRemove(Bookmark bookmark, string elementId)
    {
        if (bookmark.Kind != BookmarkKind.Timer)
            return;
        var next = bookmark.DueAt is { } due
            ? Timers.TimerSchedule.Next(elementId, bookmark.CycleText, new(due, bookmark.RemainingRepetitions),
                bookmark.WorkingTime, interpreter.Calendar)
            : null;
        if (next is { } n)
        {
            bookmark.DueAt = n.DueAt;
            bookmark.RemainingRepetitions = n.RemainingRepetitions;
        }
        else
        {
            State.Bookmarks.Remove(bookmark);
        }
    }
}

/// <summary>The bookmark is not (or no longer) active: already completed, cancelled, or never existed.</summary>
public sealed class BookmarkNotActiveException(Guid bookmarkId)
    : RefusedException(RefusalKind.Conflict, "Công việc không còn hiệu lực", "Công việc này đã được hoàn thành hoặc đã bị hủy; không thực hiện lại.",
        $"Bookmark {bookmarkId} is not active; it was completed or cancelled.")
{
    public Guid BookmarkId { get; } = bookmarkId;
}
