namespace DocBpm.Engine.Timers;

/// <summary>
/// Vietnam's time zone (UTC+7, no daylight saving), where dates, registers' years and working hours are reasoned about:
/// the one place that converts between instants and Vietnam's clock. Instants are stored in UTC.
/// </summary>
public static class VietnamTime
{
    /// <summary>Vietnam's zone, for schedulers that take a zone (a daily job at a Vietnam hour); convert with the methods below.</summary>
    public static TimeZoneInfo Zone { get; } = FindZone();

    /// <summary>The instant at that time of day on Vietnam's clock.</summary>
    public static DateTimeOffset At(int year, int month, int day, int hour = 0, int minute = 0) =>
        FromLocal(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified));

    public static DateTimeOffset At(DateOnly date, TimeOnly time) => FromLocal(date.ToDateTime(time));

    /// <summary>Midnight beginning <paramref name="date"/> in Vietnam.</summary>
    public static DateTimeOffset StartOf(DateOnly date) => At(date, TimeOnly.MinValue);

    /// <summary>The instant as Vietnam's clock shows it (offset +07:00).</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The day in Vietnam at <paramref name="instant"/>.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>The instant when Vietnam's clock shows <paramref name="local"/> (a time read without an offset).</summary>
    public static DateTimeOffset FromLocal(DateTime local) =>
        new(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone.GetUtcOffset(local));

    private static TimeZoneInfo FindZone()
    {
        foreach (var id in new[] { "Asia/Ho_Chi_Minh", "SE Asia Standard Time" })
        {
            if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
                return zone;
        }

        return TimeZoneInfo.CreateCustomTimeZone("Asia/Ho_Chi_Minh", TimeSpan.FromHours(7), "Giờ Việt Nam", "Giờ Việt Nam");
    }
}
