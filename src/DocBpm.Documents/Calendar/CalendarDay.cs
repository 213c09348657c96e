namespace DocBpm.Documents.Calendar;

public enum CalendarDayKind
{
    /// <summary>A day off on a weekday (public holiday, Tết, a compensatory day off).</summary>
    Holiday,

    /// <summary>A weekend day worked in exchange for a day off (ngày làm bù).</summary>
    MakeupWorkday,
}

/// <summary>An exception to the weekly pattern, as announced each year by the Government.</summary>
public sealed class CalendarDay
{
    public DateOnly Date { get; set; }
    public CalendarDayKind Kind { get; set; }
    public required string Name { get; set; }

    /// <summary>The decision or notice the day comes from, so that an admin can check it.</summary>
    public string? Source { get; set; }
}
