using DocBpm.Edxml;

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

    /// <summary>
    /// The identifier shapes the axis reads: the national ones and those of every connected agency's setting, since a
    /// package names its sender's identifiers and its recipients' codes alike.
    /// </summary>
    public IdentifierPatterns Identifiers() => new(
        Agencies.SelectMany(a => a.Identifiers.AgencyCodePatterns), Agencies.SelectMany(a => a.Identifiers.DocumentIdPatterns));
}

public sealed class AgencyOptions
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string Key { get; set; } = "";

    /// <summary>Identifier shapes this agency uses beyond the national formats (a sandbox or enterprise axis's codes, UUIDs).</summary>
    public PeerIdentifierOptions Identifiers { get; set; } = new();
}
