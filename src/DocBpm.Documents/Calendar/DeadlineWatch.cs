using Microsoft.Extensions.Options;

namespace DocBpm.Documents.Calendar;

/// <summary>Where a piece of work stands against its deadline, as the inbox and the document pages flag it.</summary>
public enum DeadlineState
{
    /// <summary>No deadline, or the work is no longer open.</summary>
    None,
    OnTime,

    /// <summary>Sắp đến hạn: within the configured number of working days of the deadline.</summary>
    DueSoon,

    /// <summary>Quá hạn: the deadline has passed.</summary>
    Overdue,
}

/// <summary>The due-soon window (configuration section <c>Deadlines</c>).</summary>
public sealed class DeadlineOptions
{
    public const string Section = "Deadlines";

    /// <summary>How many working days before its deadline open work is shown as due soon; 0 shows none.</summary>
    public int DueSoonWorkingDays { get; set; } = 2;
}

/// <summary>
/// Classifies open work against its deadline by the working calendar: a holiday or a weekend before the deadline does not
/// count towards the due-soon window, so work due on a Monday is due soon from the Thursday before.
/// </summary>
public sealed class DeadlineWatch(BusinessCalendar calendar, IOptions<DeadlineOptions> options)
{
    /// <param name="deadline">The instant the work must be done by; work is overdue only after it.</param>
    public DeadlineState Of(DateTimeOffset? deadline, DateTimeOffset now) => deadline switch
    {
        null => DeadlineState.None,
        { } due when now > due => DeadlineState.Overdue,
        { } due when options.Value.DueSoonWorkingDays > 0 && now >= DueSoonFrom(due) => DeadlineState.DueSoon,
        _ => DeadlineState.OnTime,
    };

    /// <summary>The first instant the work counts as due soon.</summary>
    public DateTimeOffset DueSoonFrom(DateTimeOffset deadline) => calendar.Current.WorkingDaysBefore(deadline, options.Value.DueSoonWorkingDays);
}
