using DocBpm.Engine.Timers;

namespace DocBpm.Documents.Calendar;

/// <summary>
/// Working time in Vietnam: the weekly pattern with its daily periods, minus holidays, plus make-up working days.
/// Immutable; <see cref="BusinessCalendar"/> swaps in a new one when an administrator edits the days.
/// </summary>
public sealed class WorkingCalendar
{
    /// <summary>No search for the next working period goes further than this (a misconfigured calendar with no working day).</summary>
    private const int MaxDaysAhead = 366;

    private readonly HashSet<DayOfWeek> weekdays;
    private readonly (TimeSpan Start, TimeSpan End)[] periods;
    private readonly Dictionary<DateOnly, CalendarDayKind> exceptions;

    public WorkingCalendar(WorkingHoursOptions hours, IEnumerable<CalendarDay> days)
    {
        weekdays = [.. hours.WorkingDays];
        periods = [.. hours.Periods.Select(p => (p.Start.ToTimeSpan(), p.End.ToTimeSpan())).Where(p => p.Item2 > p.Item1).OrderBy(p => p.Item1)];
        if (periods.Length == 0)
            throw new ArgumentException("The working calendar needs at least one working period a day.", nameof(hours));
        exceptions = days.GroupBy(d => d.Date).ToDictionary(g => g.Key, g => g.Last().Kind);
    }

    public bool IsWorkingDay(DateOnly date) => exceptions.TryGetValue(date, out var kind)
        ? kind == CalendarDayKind.MakeupWorkday
        : weekdays.Contains(date.DayOfWeek);

    public bool IsWorkingTime(DateTimeOffset instant)
    {
        var local = Local(instant);
        return IsWorkingDay(DateOnly.FromDateTime(local.DateTime)) && periods.Any(p => local.TimeOfDay >= p.Start && local.TimeOfDay < p.End);
    }

    /// <summary>The instant itself when it is working time, else the start of the next working period (Article 10.2).</summary>
    public DateTimeOffset NextWorkingInstant(DateTimeOffset instant)
    {
        var local = Local(instant);
        var date = DateOnly.FromDateTime(local.DateTime);
        var time = local.TimeOfDay;
        for (var day = 0; day <= MaxDaysAhead; day++, date = date.AddDays(1), time = TimeSpan.Zero)
        {
            if (!IsWorkingDay(date))
                continue;
            foreach (var (start, end) in periods)
            {
                if (time < end)
                    return At(date, time > start ? time : start);
            }
        }

        throw new InvalidOperationException("The working calendar has no working time in the coming year.");
    }

    /// <summary>The instant <paramref name="days"/> working days before <paramref name="instant"/>, at the same time of day.</summary>
    public DateTimeOffset WorkingDaysBefore(DateTimeOffset instant, int days)
    {
        var local = Local(instant);
        var date = DateOnly.FromDateTime(local.DateTime);
        for (var remaining = days; remaining > 0;)
        {
            date = date.AddDays(-1);
            if (IsWorkingDay(date))
                remaining--;
        }

        return At(date, local.TimeOfDay).ToUniversalTime();
    }

    /// <summary>
    /// Adds working time: days as working days (same time of day, moved into working time if it falls outside), then
    /// hours and minutes as working hours. Years and months are calendar units.
    /// </summary>
    public DateTimeOffset Add(DateTimeOffset start, IsoDuration duration)
    {
        var current = NextWorkingInstant(new IsoDuration(duration.Years, duration.Months, 0, TimeSpan.Zero).AddTo(start));
        var local = Local(current);
        var date = DateOnly.FromDateTime(local.DateTime);
        for (var remaining = duration.Days; remaining > 0;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
                remaining--;
        }

        current = NextWorkingInstant(At(date, local.TimeOfDay));
        return AddWorkingTime(current, duration.Time).ToUniversalTime();
    }

    private DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan amount)
    {
        var current = start;
        while (amount > TimeSpan.Zero)
        {
            current = NextWorkingInstant(current);
            var local = Local(current);
            var end = periods.First(p => local.TimeOfDay >= p.Start && local.TimeOfDay < p.End).End;
            var available = end - local.TimeOfDay;
            if (amount <= available)
                return current + amount;
            amount -= available;
            current += available;
        }

        return current;
    }

    private static DateTimeOffset Local(DateTimeOffset instant) => VietnamTime.ToLocal(instant);

    private static DateTimeOffset At(DateOnly date, TimeSpan time) => VietnamTime.FromLocal(date.ToDateTime(TimeOnly.MinValue) + time);
}
