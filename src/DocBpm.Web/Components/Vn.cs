using System.Globalization;
using DocBpm.Engine.Timers;

namespace DocBpm.Web.Components;

/// <summary>Instants as people in Vietnam read them (stored in UTC, shown in Vietnam time).</summary>
public static class Vn
{
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");

    public static string Date(DateTimeOffset? instant) =>
        instant is { } i ? VietnamTime.ToLocal(i).ToString("dd/MM/yyyy", Culture) : "";

    public static string DateTime(DateTimeOffset? instant) =>
        instant is { } i ? VietnamTime.ToLocal(i).ToString("HH:mm dd/MM/yyyy", Culture) : "";

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", Culture);
}
