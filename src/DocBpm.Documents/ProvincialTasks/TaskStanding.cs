using DocBpm.Documents.Calendar;

namespace DocBpm.Documents.ProvincialTasks;

/// <summary>The status of a task as the reports show it (domain reference §10), derived from stage, deadlines and the clock.</summary>
public enum ProvincialTaskStatus
{
    NotStarted,
    InProgress,
    DueSoon,
    CompletionProposed,
    Rejected,
    Extended,
    OverdueNotCompleted,
    CompletedOnTime,
    CompletedLate,
    Returned,
}

/// <summary>
/// Classifies tasks for the tracking book and the status reports (Article 13.3). A task is due soon within
/// <see cref="DueSoonWorkingDays"/> working days of its deadline — the same moment the handler and the unit head are
/// reminded. A task not approved through the proper flow is not completed (Article 12.2), and completion counts from the
/// issue time of the reply, so a reply issued in time keeps the task in time while the province decides.
/// </summary>
public sealed class TaskStanding(BusinessCalendar calendar)
{
    public const int DueSoonWorkingDays = 2;

    public ProvincialTaskStatus Classify(ProvincialTask task, DateTimeOffset now)
    {
        switch (task.Stage)
        {
            case TaskStage.Returned:
                return ProvincialTaskStatus.Returned;
            case TaskStage.Completed:
                return task.CompletedAt <= task.Deadline ? ProvincialTaskStatus.CompletedOnTime : ProvincialTaskStatus.CompletedLate;
            case TaskStage.CompletionProposed when task.CompletedAt <= task.Deadline:
                return ProvincialTaskStatus.CompletionProposed;
        }

        if (now > task.Deadline)
            return ProvincialTaskStatus.OverdueNotCompleted;
        if (task.Stage == TaskStage.CompletionProposed)
            return ProvincialTaskStatus.CompletionProposed;
        if (task.Rejections > 0)
            return ProvincialTaskStatus.Rejected;
        if (now >= ReminderAt(task.Deadline))
            return ProvincialTaskStatus.DueSoon;
        if (task.Extension == ExtensionState.Approved)
            return ProvincialTaskStatus.Extended;
        return task.Stage is TaskStage.InProgress ? ProvincialTaskStatus.InProgress : ProvincialTaskStatus.NotStarted;
    }

    /// <summary>The report column a status falls in: on time, due soon, overdue, completed on time, completed late, extended.</summary>
    public static ReportColumn Column(ProvincialTaskStatus status) => status switch
    {
        ProvincialTaskStatus.DueSoon => ReportColumn.DueSoon,
        ProvincialTaskStatus.OverdueNotCompleted => ReportColumn.Overdue,
        ProvincialTaskStatus.CompletedOnTime => ReportColumn.CompletedOnTime,
        ProvincialTaskStatus.CompletedLate => ReportColumn.CompletedLate,
        ProvincialTaskStatus.Extended => ReportColumn.Extended,
        ProvincialTaskStatus.Returned => ReportColumn.Returned,
        _ => ReportColumn.OnTime,
    };

    /// <summary><see cref="DueSoonWorkingDays"/> working days before the deadline, at the same time of day.</summary>
    public DateTimeOffset ReminderAt(DateTimeOffset deadline) => calendar.Current.WorkingDaysBefore(deadline, DueSoonWorkingDays);
}

public enum ReportColumn
{
    OnTime,
    DueSoon,
    Overdue,
    CompletedOnTime,
    CompletedLate,
    Extended,
    Returned,
}
