using System.Globalization;
using System.Text.RegularExpressions;

namespace DocBpm.Engine.Timers;

/// <summary>
/// An ISO-8601 duration (P1Y2M3DT4H5M6.5S, P2W). Years, months and days are calendar units, added to a date in
/// Vietnam time so that "P1D" means "the same time tomorrow"; hours, minutes and seconds are exact.
/// </summary>
public readonly partial record struct IsoDuration(int Years, int Months, int Days, TimeSpan Time)
{
    public static IsoDuration FromTime(TimeSpan time) => new(0, 0, 0, time);

    public bool IsZero => Years == 0 && Months == 0 && Days == 0 && Time == TimeSpan.Zero;

    public static bool TryParse(string? text, out IsoDuration duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var match = Pattern().Match(text.Trim());
        if (!match.Success || text.Trim() is "P" or "PT" || text.TrimEnd().EndsWith('T'))
            return false;
        int Part(string name) => match.Groups[name].Success ? int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        var seconds = match.Groups["s"].Success ? double.Parse(match.Groups["s"].Value.Replace(',', '.'), CultureInfo.InvariantCulture) : 0;
        duration = new IsoDuration(Part("y"), Part("mo"), Part("d") + 7 * Part("w"),
            TimeSpan.FromHours(Part("h")) + TimeSpan.FromMinutes(Part("mi")) + TimeSpan.FromSeconds(seconds));
        return true;
    }

    public static IsoDuration Parse(string text) =>
        TryParse(text, out var duration) ? duration : throw new FormatException($"'{text}' is not an ISO-8601 duration.");

    /// <summary>Adds the duration: calendar units in Vietnam time, then the exact time part.</summary>
    public DateTimeOffset AddTo(DateTimeOffset start)
    {
        var local = VietnamTime.ToLocal(start);
        var date = local.AddYears(Years).AddMonths(Months).AddDays(Days);
        return (date + Time).ToUniversalTime();
    }

    public override string ToString()
    {
        var text = "P" + (Years != 0 ? $"{Years}Y" : "") + (Months != 0 ? $"{Months}M" : "") + (Days != 0 ? $"{Days}D" : "");
        if (Time != TimeSpan.Zero)
        {
            text += "T" + (Time.Hours + 24 * Time.Days != 0 ? $"{Time.Hours + 24 * Time.Days}H" : "")
                + (Time.Minutes != 0 ? $"{Time.Minutes}M" : "")
                + (Time.Seconds != 0 || Time.Milliseconds != 0 ? $"{Time.Seconds + Time.Milliseconds / 1000.0:0.###}S".Replace(',', '.') : "");
        }

        return text == "P" ? "PT0S" : text;
    }

    [GeneratedRegex(@"^P(?:(?<y>\d+)Y)?(?:(?<mo>\d+)M)?(?:(?<w>\d+)W)?(?:(?<d>\d+)D)?(?:T(?:(?<h>\d+)H)?(?:(?<mi>\d+)M)?(?:(?<s>\d+(?:[.,]\d+)?)S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
