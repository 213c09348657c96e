using System.Globalization;
using DocBpm.Engine.Timers;

namespace DocBpm.Web.Components;

/// <summary>Instants as people in Vietnam read them (stored in UTC, shown in Vietnam time).</summary>
public static class Vn
{
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];
    private static readonly string[] DateTimeFormats = ["dd/MM/yyyy HH:mm", "d/M/yyyy H:mm", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm"];

    public static string Date(DateTimeOffset? instant) =>
        instant is { } i ? VietnamTime.ToLocal(i).ToString("dd/MM/yyyy", Culture) : "";

    public static string DateTime(DateTimeOffset? instant) =>
        instant is { } i ? VietnamTime.ToLocal(i).ToString("HH:mm dd/MM/yyyy", Culture) : "";

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", Culture);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "";

    /// <summary>
    /// A date as people here write it (dd/MM/yyyy, also d/M/yyyy), whatever the browser's language, which the forms
    /// therefore take as text; API clients may send ISO yyyy-MM-dd.
    /// </summary>
    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>A date field that may be left empty (null): false only when what was typed is not a date.</summary>
    public static bool TryParseOptionalDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
            return true;
        var read = TryParseDate(text, out var day);
        date = read ? day : null;
        return read;
    }

    /// <summary>
    /// A time on Vietnam's clock as people here write it (dd/MM/yyyy HH:mm), read in Vietnam's time zone whatever the
    /// server's; API clients may send ISO yyyy-MM-ddTHH:mm.
    /// </summary>
    public static bool TryParseDateTime(string? text, out DateTimeOffset instant)
    {
        var read = System.DateTime.TryParseExact(text?.Trim(), DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local);
        instant = read ? VietnamTime.FromLocal(local) : default;
        return read;
    }

    /// <summary>Why a typed date was refused, in the words the form's label uses.</summary>
    public static string DateError(string label) => $"{label} phải theo dạng ngày/tháng/năm, ví dụ 02/12/2026.";

    public static string DateTimeError(string label) => $"{label} phải theo dạng ngày/tháng/năm giờ:phút, ví dụ 02/12/2026 07:30.";

    /// <summary>The pattern of a date field's text input, so that the browser flags a malformed date before it is sent.</summary>
    public const string DatePattern = @"\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2}";

    public const string DateTimePattern = @"\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}";
}
