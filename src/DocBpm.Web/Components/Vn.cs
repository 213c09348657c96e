using System.Globalization;
using DocBpm.Engine.Timers;

namespace DocBpm.Web.Components;

/// <summary>Instants as people in Vietnam read them (stored in UTC, shown in Vietnam time).</summary>
public static class Vn
{
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];

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

    /// <summary>The pattern of a date field's text input, so that the browser flags a malformed date before it is sent.</summary>
    public const string DatePattern = @"\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2}";
}
