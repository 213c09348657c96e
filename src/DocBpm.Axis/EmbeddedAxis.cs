using DocBpm.Axis.Agencies;

namespace DocBpm.Axis;

/// <summary>What a process that runs an axis beside itself decides for it (see <see cref="AxisHost.BuildAsync"/>).</summary>
/// <param name="Url">Where the axis listens, e.g. http://127.0.0.1:5170/.</param>
/// <param name="ContentRoot">The folder relative paths start from.</param>
/// <param name="EnvironmentName">The embedding host's environment.</param>
/// <param name="SqliteFile">The axis's own SQLite database file.</param>
/// <param name="Agencies">The agencies registered on the axis, with their keys.</param>
/// <param name="Logs">The embedding host's loggers.</param>
public sealed record EmbeddedAxis(
    Uri Url, string ContentRoot, string EnvironmentName, string SqliteFile, IReadOnlyList<AgencyOptions> Agencies, ILoggerFactory Logs)
{
    /// <summary>The configuration <see cref="AxisHost.AddAxis"/> reads, as the axis's own appsettings would hold it.</summary>
    internal Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Axis:Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Axis"] = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = SqliteFile }.ToString(),
        };
        for (var i = 0; i < Agencies.Count; i++)
        {
            settings[$"{AxisOptions.Section}:Agencies:{i}:Code"] = Agencies[i].Code;
            settings[$"{AxisOptions.Section}:Agencies:{i}:Name"] = Agencies[i].Name;
            settings[$"{AxisOptions.Section}:Agencies:{i}:Key"] = Agencies[i].Key;
        }

        return settings;
    }
}
