using System.Globalization;
using System.Xml.Linq;

namespace DocBpm.Edxml;

/// <summary>Names and value formats of QCVN 102:2016 edXML.</summary>
public static class EdxmlFormat
{
    public static readonly XNamespace Ns = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
    public static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";

    /// <summary>Timestamps carry no offset: they are Vietnam time. Found by its IANA id, which .NET maps on every OS.</summary>
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public const string DateFormat = "yyyy/MM/dd";
    public const string TimestampFormat = "yyyy/MM/dd HH:mm:ss";

    public static string Date(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>Timestamps travel in Vietnam time without an offset, as the axis writes them.</summary>
    public static string Timestamp(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Zone).ToString(TimestampFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// What DocBpm accepts as a date: the standard's <c>yyyy/MM/dd</c>, and the <c>dd/MM/yyyy</c> and ISO <c>yyyy-MM-dd</c>
    /// that other systems write (docs/edxml.md). It always writes the first.
    /// </summary>
    private static readonly string[] AcceptedDateFormats = [DateFormat, "dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];

    public static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), AcceptedDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static bool TryTimestamp(string? text, out DateTimeOffset instant)
    {
        instant = default;
        if (!DateTime.TryParseExact(text?.Trim(), TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return false;
        instant = new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
        return true;
    }
}
