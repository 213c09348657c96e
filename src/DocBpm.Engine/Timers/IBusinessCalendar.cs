namespace DocBpm.Engine.Timers;

/// <summary>Working time: what "two working days" and "received after hours" mean (implemented in DocBpm.Documents).</summary>
public interface IBusinessCalendar
{
    /// <summary>Adds a duration counted in working time: days as working days, hours as working hours.</summary>
    DateTimeOffset Add(DateTimeOffset start, IsoDuration duration);

    /// <summary>An instant outside working hours moves to the start of the next working period.</summary>
    DateTimeOffset NextWorkingInstant(DateTimeOffset instant);

    bool IsWorkingTime(DateTimeOffset instant);
}

/// <summary>The default until a real calendar is registered: every hour of every day counts.</summary>
public sealed class AlwaysOpenCalendar : IBusinessCalendar
{
    public DateTimeOffset Add(DateTimeOffset start, IsoDuration duration) => duration.AddTo(start);

    public DateTimeOffset NextWorkingInstant(DateTimeOffset instant) => instant;

    public bool IsWorkingTime(DateTimeOffset instant) => true;
}
