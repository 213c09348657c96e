using System.Globalization;
using DocBpm.Engine.Activities;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.ProvincialTasks;

/// <summary>What the provincial-task process tells the task line: timers that fired and the province's decisions.</summary>
public enum TaskEvent
{
    Reminded,
    Overdue,
    Approved,
    Rejected,
    ExtensionApproved,
    ExtensionRefused,
}

/// <summary>
/// Applies a process event to its task line in the same step. An approved extension also gives the process the new
/// <c>deadline</c> and <c>reminderAt</c>, from which the re-entered deadline scope sets its timers.
/// </summary>
[Activity(Topic, Category = "Nhiệm vụ UBND tỉnh giao", DisplayName = "Ghi nhận diễn biến nhiệm vụ",
    Description = "Nhắc hạn, quá hạn, phê duyệt hoặc không phê duyệt hoàn thành, đồng ý hoặc từ chối gia hạn.")]
public sealed class RecordTaskEvent(DbContext db, TaskStanding standing) : IActivity
{
    public const string Topic = "ProvincialTaskEvent";

    [Input(DisplayName = "Nhiệm vụ")]
    public required Input<Guid> TaskId { get; init; }

    [Input(DisplayName = "Diễn biến", Description = "Reminded, Overdue, Approved, Rejected, ExtensionApproved, ExtensionRefused")]
    public required Input<TaskEvent> Event { get; init; }

    [Input(DisplayName = "Ghi chú / lý do")]
    public Input<string>? Note { get; init; }

    public async ValueTask<Outcome> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var task = await db.Set<ProvincialTask>().FirstOrDefaultAsync(t => t.Id == context.Get(TaskId), cancellationToken)
            ?? throw new InvalidOperationException($"Provincial task {context.Get(TaskId)} does not exist.");
        var note = context.Get(Note);
        switch (context.Get(Event))
        {
            case TaskEvent.Reminded:
                task.Remind(context.Now);
                break;
            case TaskEvent.Overdue:
                task.MarkOverdue(context.Now);
                break;
            case TaskEvent.Approved:
                task.Approve(context.Now);
                break;
            case TaskEvent.Rejected:
                task.Reject(note);
                // The handler starts over with a new reply (Article 12.1c).
                context.SetVariable<string?>("replyOutgoingId", null);
                break;
            case TaskEvent.ExtensionApproved:
                task.ApproveExtension();
                context.SetVariable("deadline", task.Deadline.ToString("O", CultureInfo.InvariantCulture));
                context.SetVariable("reminderAt", standing.ReminderAt(task.Deadline).ToString("O", CultureInfo.InvariantCulture));
                break;
            default:
                task.RefuseExtension(note);
                break;
        }

        return Outcome.Done;
    }
}
