namespace DocBpm.Edxml.Tests;

/// <summary>Instants as an edXML sender in Vietnam writes them (the format's time zone), without the engine's clock types.</summary>
internal static class Vietnam
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public static DateTimeOffset At(int year, int month, int day, int hour = 0, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }
}
