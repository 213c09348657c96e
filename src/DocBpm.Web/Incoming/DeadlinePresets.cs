using DocBpm.Documents.Calendar;
using DocBpm.Engine.Timers;

namespace DocBpm.Web.Incoming;

/// <summary>A ready-made deadline the assignment form offers: what it says and the day it falls on.</summary>
public sealed record DeadlinePreset(string Label, DateOnly Date);

/// <summary>
/// The deadlines a leader most often gives (3, 5, 7 and 10 working days, the end of the month), counted by the working
/// calendar from now, so a weekend or a holiday in between moves them as it moves the deadline itself.
/// </summary>
public static class DeadlinePresets
{
    private static readonly int[] WorkingDays = [3, 5, 7, 10];

    public static IReadOnlyList<DeadlinePreset> From(WorkingCalendar calendar, DateTimeOffset now) =>
    [
        .. WorkingDays.Select(days => new DeadlinePreset($"{days} ngày làm việc",
            VietnamTime.DateOf(calendar.Add(now, new IsoDuration(0, 0, days, TimeSpan.Zero))))),
        new("Cuối tháng", EndOfMonth(calendar, VietnamTime.DateOf(now))),
    ];

    /// <summary>The month's last working day; once it has passed, the next month's.</summary>
    private static DateOnly EndOfMonth(WorkingCalendar calendar, DateOnly today)
    {
        var date = new DateOnly(today.Year, today.Month, 1).AddMonths(1).AddDays(-1);
        while (!calendar.IsWorkingDay(date))
            date = date.AddDays(-1);
        return date >= today ? date : EndOfMonth(calendar, new DateOnly(today.Year, today.Month, 1).AddMonths(1));
    }
}
