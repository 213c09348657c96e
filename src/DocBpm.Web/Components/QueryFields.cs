using System.Globalization;

namespace DocBpm.Web.Components;

/// <summary>
/// Filters typed into a list's query string, checked one field at a time: each bad field adds its Vietnamese message under
/// its key, so the page shows it beside the field and the API answers a validation problem naming it.
/// </summary>
public static class QueryFields
{
    public static bool Present(string? text) => !string.IsNullOrWhiteSpace(text);

    public static DateOnly? Date(string? text, string key, string label, Dictionary<string, string[]> errors)
    {
        if (Vn.TryParseOptionalDate(text, out var date))
            return date;
        errors[key] = [Vn.DateError(label)];
        return null;
    }

    public static int Whole(string? text, string key, string label, int min, int max, int fallback, Dictionary<string, string[]> errors)
    {
        if (!Present(text))
            return fallback;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        errors[key] = [$"{label} phải là số từ {min} đến {max}."];
        return fallback;
    }
}
