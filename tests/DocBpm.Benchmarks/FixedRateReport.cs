using System.Globalization;
using System.Text;

namespace DocBpm.Benchmarks;

/// <summary>The fixed-rate phases' section of docs/benchmarks.md (<see cref="FixedRateBench"/>).</summary>
public static class FixedRateReport
{
    /// <summary>
    /// One phase's row. With <paramref name="idle"/> (each host's median quiet-window CPU per second) the host CPU per
    /// instance is also shown less that background over the phase; without it (the live console line) that column is empty.
    /// </summary>
    public static string Row(FixedRatePhase phase, double[]? idle)
    {
        var instances = phase.Samples.Instances;
        var (start, lookup, complete) = phase.Samples.Percentiles();
        var all = PerHost(phase, host => phase.HostCpuPerInstance(host));
        var net = idle is null ? "" : PerHost(phase, host => phase.HostCpuPerInstanceNet(host, idle[host]));
        return string.Create(CultureInfo.InvariantCulture,
            $"| {string.Join(" + ", phase.Serving.Select(h => h + 1))} | {phase.RatePerHost:N0} | {string.Join(" / ", phase.Samples.PerHost.Select(n => n.ToString("N0", CultureInfo.InvariantCulture)))} | "
            + $"{instances / phase.Elapsed.TotalSeconds:N0} | {phase.Missed:N0} | {start} | {lookup} | {complete} | {all} | {net} | "
            + $"{phase.ServerCpuMs / instances:0.00} | {phase.CommitsPerInstance:0.00} | {phase.Load} |");
    }

    private static string PerHost(FixedRatePhase phase, Func<int, double> perInstance) =>
        string.Join(" / ", phase.HostCpuMs.Select((ms, host) => phase.Serves(host)
            ? perInstance(host).ToString("0.00", CultureInfo.InvariantCulture)
            : FormattableString.Invariant($"({ms / phase.Elapsed.TotalSeconds:0.0} ms/s idle)")));

    public static string Render(FixedRateBench.Settings settings, List<FixedRatePhase> phases, List<double[]> quiet)
    {
        var idle = Enumerable.Range(0, quiet[0].Length).Select(h => BenchReport.Median([.. quiet.Select(q => q[h])])).ToArray();
        var half = settings.Rate / 2;
        var text = new StringBuilder();
        text.AppendLine("### Fixed rate, one host against two (issue 19's CPU per instance per host)").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Instances offered in an open loop (arrival k at k / rate seconds, whatever the answers before it; more than {FixedRateBench.MostInFlight}");
        text.AppendLine(CultureInfo.InvariantCulture, $"running at once and an arrival is counted as missed), {settings.PhaseLength.TotalSeconds:N0} s per phase, {FixedRateBench.Clients} clients in every phase (on two hosts half on each,");
        text.AppendLine("arrivals in turn). Hosts 1 and 2 share the benchmark's database; host 3 runs the same build on a database of its own");
        text.AppendLine("on the same server (created and seeded the same way). The three were started together and warmed together by the");
        text.AppendLine("closed-loop warm-up through all of them, before any other measurement, so they are as old and as warm as each other;");
        text.AppendLine("a host that does not serve a phase idles through it. Three comparisons, of hosts 1 and 2:");
        text.AppendLine(CultureInfo.InvariantCulture, $"- **Sharing the database, equal machine load** (the scale-out question with the machine's share taken out): a host at");
        text.AppendLine(CultureInfo.InvariantCulture, $"  {half:N0}/s beside the other host of its database ({half:N0}/s each) against the same host at {half:N0}/s beside host 3, which");
        text.AppendLine(CultureInfo.InvariantCulture, $"  serves {half:N0}/s on its own database. The cores, the server and the clients carry {settings.Rate:N0}/s in both; only what the two hosts");
        text.AppendLine("  share differs: the tables, indexes and task lists the other half of the work goes into (both hosts of the database");
        text.AppendLine("  run their scheduler and due-work sweeps in every phase).");
        text.AppendLine(CultureInfo.InvariantCulture, $"- **Equal load per host** (does adding a second host make each host's instances dearer, the machine's share included?):");
        text.AppendLine(CultureInfo.InvariantCulture, $"  one host alone at {half:N0}/s against both hosts at {half:N0}/s each ({settings.Rate:N0}/s in all). On two cores shared with the");
        text.AppendLine("  server and the clients, the second host also doubles the machine's load.");
        text.AppendLine(CultureInfo.InvariantCulture, $"- **Equal total** (what serving {settings.Rate:N0}/s on two hosts costs each against one host serving it all): one host alone at");
        text.AppendLine(CultureInfo.InvariantCulture, $"  {settings.Rate:N0}/s against both at {half:N0}/s each. This also halves each host's load, and a host's CPU per request rises as its load");
        text.AppendLine("  falls (more of its requests find it idle: threads to wake, caches gone cold), whatever the other host does.");
        text.AppendLine();
        text.AppendLine("Unmeasured phases through hosts 1 + 2 and 2 + 3 come first (the first phase after the warm-up cost each host about");
        text.AppendLine(CultureInfo.InvariantCulture, $"twice the later ones), and every phase begins with {FixedRateBench.LeadIn.TotalSeconds:N0} s at its own rate on its own hosts, unmeasured, so that no");
        text.AppendLine("phase pays for the idle spell before it (the plan leaves a host idle from 11 s to about 50 s before its phases). Phases of a pair, alternated: 1 + 2, 1 + 3, 1 alone at the full rate, 2 alone at half, 2 + 3; then");
        text.AppendLine("2 + 3, 2 alone at the full rate, 1 alone at half, 1 + 3, 1 + 2 (and again). Host CPU per instance, **all**: the host's");
        text.AppendLine("CPU over the phase divided by the instances it served, its idle background included; **less idle**: the same after");
        text.AppendLine("taking off the host's median CPU per second of the quiet windows (no load, 11 s after every phase) times the phase's");
        text.AppendLine("length. PostgreSQL CPU is the whole server's (other databases on it included). Transactions: `xact_commit` of both");
        text.AppendLine("databases, read 11 s after each phase.").AppendLine();
        text.AppendLine("| hosts | instances/s per host offered | instances (each host) | instances/s | missed | start p50 / p95 ms | task lookup p50 / p95 ms | complete p50 / p95 ms | host CPU ms/instance, all (each host) | host CPU ms/instance, less idle (each host) | PostgreSQL CPU ms/instance | transactions/instance | load at end |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var phase in phases)
            text.AppendLine(Row(phase, idle));
        text.AppendLine();

        var saturated = phases.Count(p => p.Saturated);
        text.AppendLine(CultureInfo.InvariantCulture, $"Medians of the phases above, host CPU ms per instance it served, all / less idle ({saturated} of {phases.Count} phases left out:");
        text.AppendLine("more than 1 % of their arrivals missed, so they measured saturation, not the offered rate):").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"| host | idle ms/s (quiet windows) | alone at {settings.Rate:N0}/s | alone at {half:N0}/s | beside host 3 (own database) at {half:N0}/s | beside the other (same database) at {half:N0}/s | sharing the database: same / own | equal load: beside / alone | equal total: beside / alone |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (var host = 0; host < FixedRateBench.Apart; host++)
        {
            var other = 1 - host;
            var full = Figures(phases.Where(p => p.Alone(host) && p.Rate == settings.Rate), host, idle[host]);
            var alone = Figures(phases.Where(p => p.Alone(host) && p.Rate == half), host, idle[host]);
            var apart = Figures(phases.Where(p => p.Beside(host, FixedRateBench.Apart)), host, idle[host]);
            var shared = Figures(phases.Where(p => p.Beside(host, other)), host, idle[host]);
            var hostQuiet = quiet.Select(q => q[host]).ToList();
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| host {host + 1} | {idle[host]:0.0} (from {hostQuiet.Min():0.0} to {hostQuiet.Max():0.0}) | {Cell(full)} | {Cell(alone)} | {Cell(apart)} | {Cell(shared)} | {Ratio(shared, apart)} | {Ratio(shared, alone)} | {Ratio(shared, full)} |");
        }

        text.AppendLine().AppendLine("Sharing the database pair by pair (host CPU per instance, all: beside the other host of its database / beside host 3 in");
        text.AppendLine("the same pair of phases, so that the machine's drift between pairs cancels):").AppendLine();
        for (var host = 0; host < FixedRateBench.Apart; host++)
            text.AppendLine(CultureInfo.InvariantCulture, $"- host {host + 1}: {PairRatios(phases, host)}");
        text.AppendLine().AppendLine(CultureInfo.InvariantCulture,
            $"The idle background at {half:N0} instances/s is {idle[0] / half:0.00} / {idle[1] / half:0.00} ms per instance (host 1 / host 2), at {settings.Rate:N0}/s half that; host 3 idles at {idle[FixedRateBench.Apart]:0.0} ms/s.");
        return text.ToString();
    }

    /// <summary>Each pair's ratio of the host's CPU per instance beside the other host of its database to beside the host apart, and their median.</summary>
    private static string PairRatios(List<FixedRatePhase> phases, int host)
    {
        var ratios = phases.Where(p => !p.Saturated && p.Beside(host, 1 - host))
            .Select(shared => (shared, apart: phases.FirstOrDefault(p => p.Pair == shared.Pair && !p.Saturated && p.Beside(host, FixedRateBench.Apart))))
            .Where(p => p.apart is not null)
            .Select(p => p.shared.HostCpuPerInstance(host) / p.apart!.HostCpuPerInstance(host)).ToList();
        return ratios.Count == 0 ? "no pair without a saturated phase"
            : FormattableString.Invariant($"{string.Join(", ", ratios.Select(r => r.ToString("0.00x", CultureInfo.InvariantCulture)))} (median {BenchReport.Median([.. ratios]):0.00x}, {ratios.Count} pairs)");
    }

    /// <summary>Median host CPU per instance of these phases, all and less idle.</summary>
    private static (double All, double Net)? Figures(IEnumerable<FixedRatePhase> phases, int host, double idle)
    {
        var list = phases.Where(p => !p.Saturated).ToList();
        return list.Count == 0 ? null
            : (BenchReport.Median([.. list.Select(p => p.HostCpuPerInstance(host))]), BenchReport.Median([.. list.Select(p => p.HostCpuPerInstanceNet(host, idle))]));
    }

    private static string Cell((double All, double Net)? figures) =>
        figures is { } f ? FormattableString.Invariant($"{f.All:0.00} / {f.Net:0.00}") : "";

    private static string Ratio((double All, double Net)? beside, (double All, double Net)? alone) =>
        beside is { } b && alone is { } a ? FormattableString.Invariant($"{b.All / a.All:0.00}x / {b.Net / a.Net:0.00}x") : "";
}
