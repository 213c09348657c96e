namespace DocBpm.Documents.Calendar;

/// <summary>
/// The agency's working week (configuration section <c>Calendar</c>): working weekdays and the daily periods, in Vietnam
/// time. The defaults are the common 07:30–11:30 and 13:30–17:00, Monday to Friday.
/// </summary>
public sealed class WorkingHoursOptions
{
    public const string Section = "Calendar";

    public List<DayOfWeek> WorkingDays { get; set; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public List<WorkingPeriod> Periods { get; set; } =
        [new() { Start = new TimeOnly(7, 30), End = new TimeOnly(11, 30) }, new() { Start = new TimeOnly(13, 30), End = new TimeOnly(17, 0) }];
}

public sealed class WorkingPeriod
{
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }
}
