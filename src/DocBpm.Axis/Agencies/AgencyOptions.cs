namespace DocBpm.Axis.Agencies;

/// <summary>The agencies connected to this axis (configuration section <c>Axis:Agencies</c>), with their keys.</summary>
public sealed class AxisOptions
{
    public const string Section = "Axis";

    /// <summary>The identifier code the axis writes into the trace headers of what it forwards.</summary>
    public string OrganId { get; set; } = "000.00.00.H37";

    public List<AgencyOptions> Agencies { get; set; } = [];

    /// <summary>Largest package accepted, in bytes.</summary>
    public long MaxPackageBytes { get; set; } = 100L * 1024 * 1024;
}

public sealed class AgencyOptions
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string Key { get; set; } = "";
}
