using System.Globalization;

namespace DocBpm.Engine.Timers;

/// <summary>An ISO-8601 repeating interval: R5/PT1H, R/P1D (for ever), R3/2026-12-01T08:00:00+07:00/P1D.</summary>
public readonly record struct IsoCycle(int? Repetitions, DateTimeOffset? Start, IsoDuration Interval)
{
    public static bool TryParse(string? text, out IsoCycle cycle)
    {
        cycle = default;
        var parts = text?.Trim().Split('/') ?? [];
        if (parts.Length is < 2 or > 3 || !parts[0].StartsWith('R'))
            return false;
        int? repetitions = null;
        if (parts[0].Length > 1)
        {
            if (!int.TryParse(parts[0].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
                return false;
            repetitions = n;
        }

        DateTimeOffset? start = null;
        if (parts.Length == 3)
        {
            if (!DateTimeOffset.TryParse(parts[1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var s))
                return false;
            start = s.ToUniversalTime();
        }

        if (!IsoDuration.TryParse(parts[^1], out var interval) || interval.IsZero)
            return false;
        cycle = new IsoCycle(repetitions, start, interval);
        return true;
    }

    public static IsoCycle Parse(string text) =>
        TryParse(text, out var cycle) ? cycle : throw new FormatException($"'{text}' is not an ISO-8601 cycle.");
}
