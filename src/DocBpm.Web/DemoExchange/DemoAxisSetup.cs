using System.Globalization;
using System.Security.Cryptography;
using DocBpm.Documents.Exchange;
using DocBpm.Web.Outgoing;

namespace DocBpm.Web.DemoExchange;

/// <summary>Configuration section <c>Exchange:DemoAxis</c> of the Development demo axis.</summary>
public sealed class DemoAxisOptions
{
    public const string Section = "Exchange:DemoAxis";

    /// <summary>False keeps a Development host without an axis, as before (tests turn it on only where it is the point).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The loopback port; 5170 is also the port of <c>dotnet run --project src/DocBpm.Axis</c>.</summary>
    public int Port { get; set; } = 5170;

    /// <summary>The axis's own SQLite file, relative to the content root.</summary>
    public string Database { get; set; } = Path.Combine("App_Data", "demo-axis.db");

    /// <summary>How often the demo peers answer, and (unless <c>Exchange:IntakeSeconds</c> is set) the Department pulls.</summary>
    public int PeerSeconds { get; set; } = 5;
}

/// <summary>An agency on the demo axis with the key it signs in with.</summary>
public sealed record DemoAgency(string Code, string Name, string Key);

/// <summary>
/// Demo only. A Development host with no <c>Exchange:AxisUrl</c> runs an exchange axis of its own on loopback (a separate
/// WebApplication in the same process, spoken to over HTTP like any axis), with the Department and the seeded agency
/// directory registered, and answers for those agencies (<see cref="DemoPeers"/>), so an issued document is dispatched
/// and received without any configuration. A host outside Development never starts it.
/// </summary>
public static class DemoAxisSetup
{
    public static WebApplicationBuilder AddDocBpmDemoAxis(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var options = configuration.GetSection(DemoAxisOptions.Section).Get<DemoAxisOptions>() ?? new DemoAxisOptions();
        var exchange = configuration.GetSection(AxisConnection.Section);
        if (!builder.Environment.IsDevelopment() || !options.Enabled || exchange[nameof(AxisConnection.AxisUrl)] is { Length: > 0 }
            || exchange[nameof(AxisConnection.AgencyCode)] is not { Length: > 0 } code)
            return builder;

        // One list for both ends: the axis registers these agencies and keys, and the Department signs in with its own.
        var department = new DemoAgency(code, exchange[nameof(AxisConnection.AgencyName)] ?? code,
            exchange[nameof(AxisConnection.AgencyKey)] is { Length: >= 16 } key ? key : NewKey());
        List<DemoAgency> peers = [.. AgencyDirectorySeed.Agencies.Where(a => a.Code != department.Code).Select(a => new DemoAgency(a.Code, a.Name, NewKey()))];
        var demo = new DemoAxis(new Uri($"http://127.0.0.1:{options.Port.ToString(CultureInfo.InvariantCulture)}/"),
            Path.GetFullPath(options.Database, builder.Environment.ContentRootPath), department, peers,
            TimeSpan.FromSeconds(Math.Max(1, options.PeerSeconds)));
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{AxisConnection.Section}:{nameof(AxisConnection.AxisUrl)}"] = demo.Url.ToString(),
            [$"{AxisConnection.Section}:{nameof(AxisConnection.AgencyKey)}"] = department.Key,
            ["Exchange:IntakeSeconds"] = configuration["Exchange:IntakeSeconds"] ?? options.PeerSeconds.ToString(CultureInfo.InvariantCulture),
        });

        // The peers and the Department poll the loopback axis every few seconds: its requests are not news in the log.
        builder.Logging.AddFilter("DocBpm.Axis", LogLevel.Information);
        builder.Logging.AddFilter("System.Net.Http.HttpClient.AxisClient", LogLevel.Warning);
        var services = builder.Services;
        services.AddSingleton(demo);
        services.AddHostedService<DemoAxisService>();
        services.AddHostedService<DemoPeers>();
        // Read at every page: the notice says whether the axis could take its port.
        services.AddTransient(sp => sp.GetRequiredService<DemoAxis>().Notice());
        return builder;
    }

    /// <summary>A fresh key per run: the axis stores only its hash and is synchronised at every start.</summary>
    private static string NewKey() => "demo-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
