using System.Globalization;
using DocBpm.Engine.Model;
using DocBpm.Engine.Runtime;

namespace DocBpm.Engine.Timers;

/// <summary>When a timer is due: ISO-8601 dates, durations and cycles, optionally in working time.</summary>
public static class TimerSchedule
{
    public readonly record struct Due(DateTimeOffset DueAt, int? RemainingRepetitions);

    public static DateTimeOffset ParseDate(string elementId, string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.ToUniversalTime()
            : throw new ProcessExecutionException(elementId, $"'{text}' is not an ISO-8601 date and time");

    public static Due First(string elementId, TimerDefinition timer, DateTimeOffset now, IBusinessCalendar calendar)
    {
        switch (timer.Kind)
        {
            case TimerKind.Date:
                return new Due(ParseDate(elementId, timer.Text), null);
            case TimerKind.Duration:
                return new Due(Add(now, Duration(elementId, timer.Text), timer.BusinessCalendar, calendar), null);
            default:
                var cycle = Cycle(elementId, timer.Text);
                var due = cycle.Start?.ToUniversalTime() ?? Add(now, cycle.Interval, timer.BusinessCalendar, calendar);
                int? remaining = cycle.Repetitions is { } n ? Math.Max(0, n - 1) : -1;
                return new Due(due, remaining);
        }
    }

    /// <summary>The next due time of a cycle timer after <paramref name="current"/>; null when the cycle is exhausted.</summary>
    public static Due? Next(string elementId, string? cycleText, Due current, bool workingTime, IBusinessCalendar calendar)
    {
        if (cycleText is null || current.RemainingRepetitions is null or 0)
            return null;
        var cycle = Cycle(elementId, cycleText);
        var remaining = current.RemainingRepetitions > 0 ? current.RemainingRepetitions - 1 : current.RemainingRepetitions;
        return new Due(Add(current.DueAt, cycle.Interval, workingTime, calendar), remaining);
    }

    /// <summary>Due times are stored in UTC whatever zone the calendar reasons in.</summary>
    private static DateTimeOffset Add(DateTimeOffset start, IsoDuration duration, bool business, IBusinessCalendar calendar) =>
        (business ? calendar.Add(start, duration) : duration.AddTo(start)).ToUniversalTime();

    private static IsoDuration Duration(string elementId, string text) =>
        IsoDuration.TryParse(text, out var duration)
            ? duration
            : throw new ProcessExecutionException(elementId, $"'{text}' is not an ISO-8601 duration");

    private static IsoCycle Cycle(string elementId, string text) =>
        IsoCycle.TryParse(text, out var cycle)
            ? cycle
            : throw new ProcessExecutionException(elementId, $"'{text}' is not an ISO-8601 cycle");
}
