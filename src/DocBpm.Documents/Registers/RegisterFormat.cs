using System.Globalization;
using DocBpm.Engine.Timers;

namespace DocBpm.Documents.Registers;

/// <summary>How register cells print dates and times: dd/MM/yyyy and HH:mm, in Vietnam time.</summary>
public static class RegisterFormat
{
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "";

    public static string Date(DateTimeOffset instant) => Date(DateOnly.FromDateTime(Local(instant)));

    public static string DateTime(DateTimeOffset instant) =>
        Local(instant).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static DateTime Local(DateTimeOffset instant) => VietnamTime.ToLocal(instant).DateTime;
}
