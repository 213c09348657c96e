using DocBpm.Engine.Timers;

namespace DocBpm.Documents.Calendar;

/// <summary>
/// The engine's <see cref="IBusinessCalendar"/>: delegates to the current <see cref="WorkingCalendar"/>, which is
/// replaced as a whole when the calendar days change, so a calculation never sees half an edit.
/// </summary>
public sealed class BusinessCalendar(WorkingCalendar initial) : IBusinessCalendar
{
    private WorkingCalendar current = initial;

    public WorkingCalendar Current => Volatile.Read(ref current);

    public void Replace(WorkingCalendar calendar) => Volatile.Write(ref current, calendar);

    public DateTimeOffset Add(DateTimeOffset start, IsoDuration duration) => Current.Add(start, duration);

    public DateTimeOffset NextWorkingInstant(DateTimeOffset instant) => Current.NextWorkingInstant(instant).ToUniversalTime();

    public bool IsWorkingTime(DateTimeOffset instant) => Current.IsWorkingTime(instant);
}
