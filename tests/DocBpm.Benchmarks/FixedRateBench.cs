using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace DocBpm.Benchmarks;

/// <summary>
/// Issue 19's "CPU per instance per host shown not to grow" where two hosts cannot have cores of their own: the same
/// total rate of instances, well below one host's saturation, offered through one host and then through two (half
/// each), alternately (both, host 1 alone, host 2 alone, both, ...) so that the machine's drift, the hosts' ageing and
/// their idle spells fall on both alike. At
/// saturation on shared cores CPU per unit of work inflates from switching and cache sharing, which says nothing about
/// a host's own cost; below saturation it does not.
/// </summary>
public static class FixedRateBench
{
    /// <summary>Instances running at once beyond which an arrival is counted as missed rather than queued without end.</summary>
    private const int MostInFlight = 64;

    /// <summary>Clients of each phase: on one host all of them, on two hosts half of each host's, taking arrivals in turn.</summary>
    private const int Clients = 8;

    /// <summary>One timed phase: arrivals offered, instances each host served, and what each process spent.</summary>
    /// <param name="Solo">The host that served a one-host phase alone; null when both served.</param>
    private sealed record Phase(int? Solo, HttpLoadSamples Samples, int Missed, TimeSpan Elapsed, double[] HostCpuMs, double ServerCpuMs,
        long Commits, string Load)
    {
        public int Hosts => Solo is null ? 2 : 1;

        public double HostCpuPerInstance(int host) => HostCpuMs[host] / Samples.PerHost[host];
    }

    public sealed record Settings(double Rate, TimeSpan PhaseLength, int Pairs);

    /// <summary>The alternated phases on two running hosts, and the report's text.</summary>
    public static async Task<string> MeasureAsync(IReadOnlyList<BenchHost> hosts, Settings settings, PostgresProbe probe,
        CancellationToken cancellationToken)
    {
        List<HttpLoadClient>[] alone = [[], []];
        try
        {
            for (var host = 0; host < 2; host++)
            {
                for (var i = 0; i < Clients; i++)
                    alone[host].Add(await SignInAsync(hosts[host], host, cancellationToken));
            }

            List<HttpLoadClient> both = [.. alone[0].Take(Clients / 2).Zip(alone[1]).SelectMany(p => new[] { p.First, p.Second })];

            // The sign-ins' commits must be reported before the first reading; the hosts have no load meanwhile.
            var quiet = new List<double[]> { await QuietAsync(hosts, cancellationToken) };
            var commits = await probe.CommitsAsync(cancellationToken);
            var phases = new List<Phase>();
            for (var pair = 0; pair < settings.Pairs; pair++)
            {
                foreach (var solo in pair % 2 == 0 ? new int?[] { null, 0 } : [1, null])
                {
                    var hostCpu = hosts.Select(h => h.Cpu()).ToArray();
                    var serverCpu = probe.ServerCpu();
                    var begun = Stopwatch.GetTimestamp();
                    var (samples, missed) = await DriveAsync(solo is { } host ? alone[host] : both, hosts.Count, settings, cancellationToken);
                    var elapsed = Stopwatch.GetElapsedTime(begun);
                    var hostCpuMs = hosts.Select((h, i) => (h.Cpu() - hostCpu[i]).TotalMilliseconds).ToArray();
                    var serverCpuMs = PostgresProbe.Spent(serverCpu, probe.ServerCpu()).TotalMilliseconds;
                    var load = BenchDocument.LoadAverage();
                    quiet.Add(await QuietAsync(hosts, cancellationToken));
                    var after = await probe.CommitsAsync(cancellationToken);
                    var phase = new Phase(solo, samples, missed, elapsed, hostCpuMs, serverCpuMs, after - commits, load);
                    commits = after;
                    phases.Add(phase);
                    Console.WriteLine(Row(phase));
                }
            }

            return Report(settings, phases, quiet);
        }
        finally
        {
            foreach (var clients in alone)
                clients.ForEach(c => c.Dispose());
        }
    }

    private static async Task<HttpLoadClient> SignInAsync(BenchHost host, int index, CancellationToken cancellationToken) =>
        new(index, await host.SignInAsync("vanthu", cancellationToken), await host.SignInAsync("giamdoc", cancellationToken));

    /// <summary>
    /// Arrival k is due k / rate seconds after the start, whatever happened to the ones before (an open loop: a slow
    /// answer does not slow the offered load), and goes to client k mod clients.
    /// </summary>
    private static async Task<(HttpLoadSamples Samples, int Missed)> DriveAsync(List<HttpLoadClient> clients, int hosts, Settings settings,
        CancellationToken cancellationToken)
    {
        var samples = new HttpLoadSamples(hosts);
        var running = new List<Task>();
        var inFlight = 0;
        var missed = 0;
        var arrivals = (int)(settings.Rate * settings.PhaseLength.TotalSeconds);
        var begun = Stopwatch.GetTimestamp();
        for (var k = 0; k < arrivals; k++)
        {
            var early = TimeSpan.FromSeconds(k / settings.Rate) - Stopwatch.GetElapsedTime(begun);
            if (early > TimeSpan.Zero)
                await Task.Delay(early, cancellationToken);
            if (Volatile.Read(ref inFlight) >= MostInFlight)
            {
                missed++;
                continue;
            }

            Interlocked.Increment(ref inFlight);
            var client = clients[k % clients.Count];
            running.Add(Task.Run(async () =>
            {
                try
                {
                    await client.RunOneAsync(samples, cancellationToken);
                }
                finally
                {
                    Interlocked.Decrement(ref inFlight);
                }
            }, cancellationToken));
        }

        await Task.WhenAll(running);
        return (samples, missed);
    }

    /// <summary>Each host's CPU per second while nothing is asked of it, over the time the server's counters take to settle.</summary>
    private static async Task<double[]> QuietAsync(IReadOnlyList<BenchHost> hosts, CancellationToken cancellationToken)
    {
        var before = hosts.Select(h => h.Cpu()).ToArray();
        var begun = Stopwatch.GetTimestamp();
        await Task.Delay(PostgresProbe.StatisticsSettle, cancellationToken);
        var seconds = Stopwatch.GetElapsedTime(begun).TotalSeconds;
        return [.. hosts.Select((h, i) => (h.Cpu() - before[i]).TotalMilliseconds / seconds)];
    }

    private static string Row(Phase phase)
    {
        var instances = phase.Samples.Instances;
        var (start, lookup, complete) = phase.Samples.Percentiles();
        var perHost = string.Join(" / ", phase.HostCpuMs.Select((ms, i) => phase.Samples.PerHost[i] == 0
            ? FormattableString.Invariant($"({ms / phase.Elapsed.TotalSeconds:0.0} ms/s idle)")
            : phase.HostCpuPerInstance(i).ToString("0.00", CultureInfo.InvariantCulture)));
        return string.Create(CultureInfo.InvariantCulture,
            $"| {(phase.Solo is { } host ? $"1 (host {host + 1})" : "2")} | {string.Join(" / ", phase.Samples.PerHost.Select(n => n.ToString("N0", CultureInfo.InvariantCulture)))} | {instances / phase.Elapsed.TotalSeconds:N0} | {phase.Missed:N0} | "
            + $"{start} | {lookup} | {complete} | {perHost} | {phase.ServerCpuMs / instances:0.00} | {(double)phase.Commits / instances:0.00} | {phase.Load} |");
    }

    private static string Report(Settings settings, List<Phase> phases, List<double[]> quiet)
    {
        var text = new StringBuilder();
        text.AppendLine("### Fixed rate, one host against two (issue 19's CPU per instance per host)").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{settings.Rate:N0} instances/s offered in an open loop (arrival k at k / rate seconds, whatever the answers before it; more");
        text.AppendLine(CultureInfo.InvariantCulture, $"than {MostInFlight} instances running at once and an arrival is counted as missed), for {settings.PhaseLength.TotalSeconds:N0} s per phase, through one host alone");
        text.AppendLine("and through both hosts (arrivals in turn, half each), alternated both, host 1 alone, host 2 alone, both (and again):");
        text.AppendLine("each host has the same history of load and idle spells, and the phase a host comes to from the longest idle spell");
        text.AppendLine(CultureInfo.InvariantCulture, $"(a first phase after one costs more) is once one alone and once one beside the other. {Clients} clients either way (on two");
        text.AppendLine("hosts half on each). Both hosts were started together and warmed together by the closed-loop warm-up through both,");
        text.AppendLine("before any other measurement, so they are as old and as warm as each other; the other host idles in a one-host phase.");
        text.AppendLine("Host CPU per instance is all of the host's CPU over the phase divided by the instances it served, its background");
        text.AppendLine("included (not subtracted); the background alone is the quiet windows' figure below. PostgreSQL CPU is the whole");
        text.AppendLine("server's (other databases on it included). Transactions: `xact_commit` of the database, read 11 s after each phase.").AppendLine();
        text.AppendLine("| hosts | instances (each host) | instances/s | missed | start p50 / p95 ms | task lookup p50 / p95 ms | complete p50 / p95 ms | host CPU ms/instance (each host) | PostgreSQL CPU ms/instance | transactions/instance | load at end |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var phase in phases)
            text.AppendLine(Row(phase));
        text.AppendLine();

        var one = phases.Where(p => p.Hosts == 1).ToList();
        var two = phases.Where(p => p.Hosts == 2).ToList();
        var oneHost = BenchReport.Median([.. one.Select(p => p.HostCpuPerInstance(p.Solo!.Value))]);
        var twoHosts = Enumerable.Range(0, 2).Select(h => BenchReport.Median([.. two.Select(p => p.HostCpuPerInstance(h))])).ToArray();
        text.AppendLine(CultureInfo.InvariantCulture, $"**Host CPU per instance it served, medians of the phases: one host alone {oneHost:0.00} ms; two hosts {twoHosts[0]:0.00} / {twoHosts[1]:0.00} ms");
        text.AppendLine(CultureInfo.InvariantCulture, $"({twoHosts[0] / oneHost:0.00}x / {twoHosts[1] / oneHost:0.00}x).** PostgreSQL CPU per instance: {BenchReport.Median([.. one.Select(p => p.ServerCpuMs / p.Samples.Instances)]):0.00} ms on one host,");
        text.AppendLine(CultureInfo.InvariantCulture, $"{BenchReport.Median([.. two.Select(p => p.ServerCpuMs / p.Samples.Instances)]):0.00} ms on two.").AppendLine();
        for (var host = 0; host < 2; host++)
        {
            var idle = quiet.Select(q => q[host]).ToList();
            var served = settings.Rate / 2;
            text.AppendLine(CultureInfo.InvariantCulture, $"- Host {host + 1} with no load ({idle.Count} quiet windows of 11 s, one before the phases and one after each): "
                + $"{BenchReport.Median(idle):0.0} ms of CPU per second (from {idle.Min():0.0} to {idle.Max():0.0}), {BenchReport.Median(idle) / served:0.00} ms per instance at its {served:N0} instances/s of the two-host phases.");
        }

        return text.ToString();
    }
}
