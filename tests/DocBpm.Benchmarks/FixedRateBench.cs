using System.Diagnostics;

namespace DocBpm.Benchmarks;

/// <summary>
/// Issue 19's "CPU per instance per host shown not to grow" where two hosts cannot have cores of their own, below
/// saturation (at saturation on shared cores CPU per unit of work inflates from switching and cache sharing, which says
/// nothing about a host's own cost). Three comparisons, in phases alternated between the hosts so that the machine's
/// drift, the hosts' ageing and their idle spells fall on both alike:
/// - <b>sharing the database, equal machine load</b>: a host at half the rate beside the other host of its database
///   (both at half) against the same host at half the rate beside a third host, started and warmed with them, that
///   serves as much on a database of its own. The cores, the server and the clients carry the same load in both
///   phases; only where the other half of the work goes differs (the same tables, indexes and task lists, or another
///   database's; both hosts of the database run their scheduler and due-work sweeps throughout), so this is what a
///   second host's work on the same database costs each host, with the machine's share taken out;
/// - <b>equal load per host</b>: one host alone at half the rate against both hosts at half the rate each (the rate
///   in total) — what adding a second host costs each host, its own load unchanged but the machine's doubled;
/// - <b>equal total</b>: one host alone at the rate against both at half each — what serving a load on two hosts costs
///   against one, which also halves each host's load (and a host's CPU per request rises as its load falls).
/// </summary>
public static class FixedRateBench
{
    /// <summary>Instances running at once beyond which an arrival is counted as missed rather than queued without end.</summary>
    public const int MostInFlight = 64;

    /// <summary>Clients of each phase: on one host all of them, on two hosts half of each host's, taking arrivals in turn.</summary>
    public const int Clients = 8;

    /// <summary>The index of the host on a database of its own among the hosts the phases report.</summary>
    public const int Apart = 2;

    /// <summary>
    /// Each phase's unmeasured start at its own rate on its own hosts. Without it a phase paid for what came before it:
    /// in the plan, host 2's phase beside host 1 that ends every second pair follows about 50 s in which host 2 served
    /// nothing (two phases and three quiet windows), while each of its phases beside host 3 follows one quiet window
    /// (11 s) after a phase it served, and in the run of 2026-12-07 21:56 host 2
    /// read 1.12-1.21x "sharing the database" in all four pairs while host 1, which the plan leaves idle that long before
    /// none of its shared phases but the run's first, read 0.78-1.16x.
    /// </summary>
    public static readonly TimeSpan LeadIn = TimeSpan.FromSeconds(3);

    public sealed record Settings(double Rate, TimeSpan PhaseLength, int Pairs);

    /// <summary>A phase to run: the hosts that serve it (one or two, half each) and the total rate offered.</summary>
    private sealed record Plan(int[] Serving, double Rate);

    /// <summary>
    /// The phases of one pair: the first of each pair begins with the two hosts of the database, the second ends with
    /// them; each of them comes once beside the other, once beside the host apart, once alone at the full rate and once
    /// at half of it, the host at full rate in the first pair at half in the second, and the order of its two two-host
    /// phases reversed.
    /// </summary>
    private static Plan[] PairPlan(int pair, double rate) => pair % 2 == 0
        ? [new([0, 1], rate), new([0, Apart], rate), new([0], rate), new([1], rate / 2), new([1, Apart], rate)]
        : [new([1, Apart], rate), new([1], rate), new([0], rate / 2), new([0, Apart], rate), new([0, 1], rate)];

    /// <summary>
    /// The alternated phases on the two hosts of one database and the host apart (<see cref="Apart"/>, on its own
    /// database with its own <paramref name="apartProbe"/>), all running, and the report's text.
    /// </summary>
    public static async Task<string> MeasureAsync(IReadOnlyList<BenchHost> hosts, Settings settings, PostgresProbe probe,
        PostgresProbe apartProbe, CancellationToken cancellationToken)
    {
        var alone = hosts.Select(_ => new List<HttpLoadClient>()).ToArray();
        try
        {
            for (var host = 0; host < hosts.Count; host++)
            {
                for (var i = 0; i < Clients; i++)
                    alone[host].Add(await SignInAsync(hosts[host], host, cancellationToken));
            }

            List<HttpLoadClient> ClientsOf(int[] serving) => serving is [var only]
                ? alone[only]
                : [.. alone[serving[0]].Take(Clients / 2).Zip(alone[serving[1]]).SelectMany(p => new[] { p.First, p.Second })];

            // Unmeasured: the first phase after the warm-up and the sign-ins cost each host about twice the later ones
            // (runs of 07:25-07:50 on 7 December), and the plan puts both hosts first, which would charge it to them.
            // The host apart gets the same first phase beside host 2.
            await DriveAsync(ClientsOf([0, 1]), hosts.Count, settings.Rate, settings.PhaseLength, cancellationToken);
            await DriveAsync(ClientsOf([1, Apart]), hosts.Count, settings.Rate, settings.PhaseLength, cancellationToken);

            // The sign-ins' commits must be reported before the first reading; the hosts have no load meanwhile.
            var quiet = new List<double[]> { await QuietAsync(hosts, cancellationToken) };
            var commits = await CommitsAsync(probe, apartProbe, cancellationToken);
            var phases = new List<FixedRatePhase>();
            for (var pair = 0; pair < settings.Pairs; pair++)
            {
                foreach (var plan in PairPlan(pair, settings.Rate))
                {
                    var (leadIn, _) = await DriveAsync(ClientsOf(plan.Serving), hosts.Count, plan.Rate, LeadIn, cancellationToken);
                    var hostCpu = hosts.Select(h => h.Cpu()).ToArray();
                    var serverCpu = probe.ServerCpu();
                    var begun = Stopwatch.GetTimestamp();
                    var (samples, missed) = await DriveAsync(ClientsOf(plan.Serving), hosts.Count, plan.Rate, settings.PhaseLength, cancellationToken);
                    var elapsed = Stopwatch.GetElapsedTime(begun);
                    var hostCpuMs = hosts.Select((h, i) => (h.Cpu() - hostCpu[i]).TotalMilliseconds).ToArray();
                    var serverCpuMs = PostgresProbe.Spent(serverCpu, probe.ServerCpu()).TotalMilliseconds;
                    var load = BenchDocument.LoadAverage();
                    quiet.Add(await QuietAsync(hosts, cancellationToken));
                    var after = await CommitsAsync(probe, apartProbe, cancellationToken);
                    var phase = new FixedRatePhase(pair, plan.Serving, plan.Rate, samples, missed, elapsed, hostCpuMs, serverCpuMs,
                        after - commits, leadIn.Instances, load);
                    commits = after;
                    phases.Add(phase);
                    Console.WriteLine(FixedRateReport.Row(phase, null));
                }
            }

            return FixedRateReport.Render(settings, phases, quiet);
        }
        finally
        {
            foreach (var clients in alone)
                clients.ForEach(c => c.Dispose());
        }
    }

    /// <summary>Commits of both databases: a phase with the host apart commits in each.</summary>
    private static async Task<long> CommitsAsync(PostgresProbe probe, PostgresProbe apartProbe, CancellationToken cancellationToken) =>
        await probe.CommitsAsync(cancellationToken) + await apartProbe.CommitsAsync(cancellationToken);

    private static async Task<HttpLoadClient> SignInAsync(BenchHost host, int index, CancellationToken cancellationToken) =>
        new(index, await host.SignInAsync("vanthu", cancellationToken), await host.SignInAsync("giamdoc", cancellationToken));

    /// <summary>
    /// Arrival k is due k / rate seconds after the start, whatever happened to the ones before (an open loop: a slow
    /// answer does not slow the offered load), and goes to client k mod clients.
    /// </summary>
    private static async Task<(HttpLoadSamples Samples, int Missed)> DriveAsync(List<HttpLoadClient> clients, int hosts, double rate,
        TimeSpan length, CancellationToken cancellationToken)
    {
        var samples = new HttpLoadSamples(hosts);
        var running = new List<Task>();
        var inFlight = 0;
        var missed = 0;
        var arrivals = (int)(rate * length.TotalSeconds);
        var begun = Stopwatch.GetTimestamp();
        for (var k = 0; k < arrivals; k++)
        {
            var early = TimeSpan.FromSeconds(k / rate) - Stopwatch.GetElapsedTime(begun);
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
}

/// <summary>One timed phase: the rate offered, the instances each host served, and what each process spent.</summary>
/// <param name="Pair">The pair of phases it belongs to.</param>
/// <param name="Serving">The hosts that served it (indexes into the reported hosts).</param>
/// <param name="Commits">The databases' commits since the phase before, its lead-in's included.</param>
/// <param name="LeadInInstances">The instances of its unmeasured lead-in (<see cref="FixedRateBench.LeadIn"/>).</param>
public sealed record FixedRatePhase(int Pair, int[] Serving, double Rate, HttpLoadSamples Samples, int Missed, TimeSpan Elapsed, double[] HostCpuMs,
    double ServerCpuMs, long Commits, int LeadInInstances, string Load)
{
    /// <summary>Commits per instance, over the instances of the lead-in and the phase, which the commits both include.</summary>
    public double CommitsPerInstance => (double)Commits / (Samples.Instances + LeadInInstances);

    public int Hosts => Serving.Length;

    /// <summary>Instances per second each serving host was offered.</summary>
    public double RatePerHost => Rate / Hosts;

    public bool Serves(int host) => Serving.Contains(host);

    /// <summary>Served by <paramref name="host"/> alone.</summary>
    public bool Alone(int host) => Serving is [var only] && only == host;

    /// <summary>Served by <paramref name="host"/> beside <paramref name="other"/>.</summary>
    public bool Beside(int host, int other) => Serving.Length == 2 && Serves(host) && Serves(other);

    /// <summary>
    /// More than 1 % of the arrivals missed: the hosts did not keep up (other load on the machine), so the phase measured
    /// saturation, not the offered rate, and the medians leave it out.
    /// </summary>
    public bool Saturated => Missed > 0.01 * (Samples.Instances + Missed);

    /// <summary>All of the host's CPU over the phase per instance it served, its idle background included.</summary>
    public double HostCpuPerInstance(int host) => HostCpuMs[host] / Samples.PerHost[host];

    /// <summary>The same less <paramref name="idleMsPerSecond"/> (the host's quiet-window rate) times the phase's length.</summary>
    public double HostCpuPerInstanceNet(int host, double idleMsPerSecond) =>
        (HostCpuMs[host] - idleMsPerSecond * Elapsed.TotalSeconds) / Samples.PerHost[host];
}
