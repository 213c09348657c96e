using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace DocBpm.Benchmarks;

/// <summary>
/// The HTTP run against real hosts (issue 19): DocBpm.Web as one, then two, separate processes on loopback sharing one
/// PostgreSQL database (and, for the fixed-rate phases, a third on a database of its own: <see cref="FixedRateBench"/>),
/// driven by signed-in clients through <c>POST /api/instances</c>, <c>GET /api/tasks/mine</c> and
/// <c>POST /api/tasks/{id}/complete</c> (<see cref="HttpLoad"/>). Bounded by time and count per measurement; writes its
/// own section of docs/benchmarks.md (not with <c>--no-write</c>, for before/after runs). Run by hand:
/// <c>dotnet run -c Release --project tests/DocBpm.Benchmarks -- http [--clients 8,16,32] [--hosts 1|2] [--seconds S] [--warmup S] [--database NAME]
/// [--rate N] [--rate-seconds S] [--pairs P] [--host-env NAME=VALUE]... [--host2-env NAME=VALUE]... [--fixed-rate-only] [--keep-statements] [--no-write]</c>.
/// </summary>
public static class HttpBench
{
    private const string DefaultDatabase = "docbpm_http";

    /// <summary>The fixed-rate phases' third host's database: the benchmark's name with this after it.</summary>
    private const string ApartSuffix = "_apart";
    private const int MaxInstancesPerMeasurement = 20_000;

    /// <summary>Clients of the request-kind measurement: as many open tasks at once as the smallest mixed run.</summary>
    private const int KindClients = 8;

    private sealed record Options(int[] Clients, int Hosts, TimeSpan Duration, TimeSpan Warmup, string Postgres, string Database,
        FixedRateBench.Settings FixedRate, Dictionary<string, string> HostVariables, Dictionary<string, string> SecondHostVariables,
        bool FixedRateOnly, bool KeepStatements, bool Write);

    /// <summary>One measurement: so many hosts and clients, with what each process and the server spent on it.</summary>
    private sealed record Point(int Hosts, int Clients, HttpLoadSamples Samples, TimeSpan Elapsed, double[] HostCpuMs, double ServerCpuMs,
        double BenchCpuMs, long Commits, string Load)
    {
        public double Rate => Samples.Instances / Elapsed.TotalSeconds;
    }

    public static async Task RunAsync(string[] args, string? postgres, CancellationToken cancellationToken)
    {
        var options = Parse(args, postgres);
        var connection = BenchOptions.WithDatabase(options.Postgres, options.Database);
        var loadAtStart = BenchDocument.LoadAverage();
        await PostgresProbe.RecreateDatabaseAsync(options.Postgres, options.Database, cancellationToken);
        await SeedAsync(connection, cancellationToken);
        await using var probe = await PostgresProbe.OpenAsync(connection, cancellationToken);

        var points = new List<Point>();
        IReadOnlyList<HttpRequestKinds.Cost> kinds = [];
        var evidence = new StringBuilder();
        var fixedRate = "";
        var hosts = new List<BenchHost>();
        BenchHost? apart = null;
        try
        {
            // Started and warmed together, the hosts are as old and as warm as each other when the fixed-rate phases
            // compare them; a second host started later would still be compiling its hot path (the JIT's tiers take minutes).
            for (var count = 1; count <= options.Hosts; count++)
            {
                // Host 2's own settings win over the common ones, so that a setting can be given to host 1 alone too.
                var variables = new Dictionary<string, string>(options.HostVariables);
                if (count == 2)
                {
                    foreach (var (name, value) in options.SecondHostVariables)
                        variables[name] = value;
                }

                hosts.Add(await BenchHost.StartAsync(connection, "Production", cancellationToken, variables));
            }

            // The fixed-rate phases' third host, on a database of its own: the same load on the machine without sharing a database.
            var apartDatabase = options.Database + ApartSuffix;
            var apartConnection = BenchOptions.WithDatabase(options.Postgres, apartDatabase);
            if (hosts.Count == 2)
            {
                await PostgresProbe.RecreateDatabaseAsync(options.Postgres, apartDatabase, cancellationToken);
                await SeedAsync(apartConnection, cancellationToken);
                apart = await BenchHost.StartAsync(apartConnection, "Production", cancellationToken, options.HostVariables);
            }

            await WarmAsync(apart is null ? hosts : [.. hosts, apart], options, cancellationToken);
            if (apart is not null)
            {
                await using (var apartProbe = await PostgresProbe.OpenAsync(apartConnection, cancellationToken))
                    fixedRate = await FixedRateBench.MeasureAsync([.. hosts, apart], options.FixedRate, probe, apartProbe, cancellationToken);
                // Not a part of the saturation runs: it would idle beside them.
                await apart.DisposeAsync();
                apart = null;
            }

            for (var count = 1; count <= (options.FixedRateOnly ? 0 : options.Hosts); count++)
            {
                var measured = await MeasureAsync(hosts[..count], options, probe, cancellationToken);
                points.AddRange(measured.Points);
                kinds = measured.Kinds ?? kinds;
                evidence.AppendLine(measured.Evidence);
            }
        }
        finally
        {
            foreach (var host in hosts)
                await host.DisposeAsync();
            if (apart is not null)
                await apart.DisposeAsync();
        }

        var report = Report(options, points, await probe.DescribeAsync(cancellationToken), loadAtStart) + "\n" + fixedRate + "\n"
            + KindsReport(kinds, options) + "\n" + evidence;
        Console.WriteLine(report);
        if (options.Write)
            await BenchDocument.ReplaceSectionAsync(BenchDocument.Path(BenchReport.FindRepoRoot()), "http", report, cancellationToken);
    }

    private static Options Parse(string[] args, string? postgres)
    {
        int[] clients = [8, 16, 32];
        var hosts = 2;
        var seconds = 20;
        // A new host compiles its hot path again at the JIT's higher tier for its first minutes; on a loaded machine a
        // short warm-up leaves that compilation inside the first measurement (13-14 ms of host CPU per instance, not 4).
        var warmup = 60;
        var database = DefaultDatabase;
        // About 40 % of the two cores at the quiet run's 2.9 ms of host, server and client CPU per instance (one host
        // saturated at 652/s there): far enough below saturation that queueing does not inflate CPU per instance.
        var rate = 300;
        var rateSeconds = 10;
        // Four pairs: each host's CPU beside the other host of its database is compared with beside the host apart once a
        // pair, and the phases of one host move by about 10 % on this machine, so two pairs could not tell 5 % from none.
        var pairs = 4;
        var hostVariables = new Dictionary<string, string>();
        var secondHostVariables = new Dictionary<string, string>();
        var fixedRateOnly = false;
        var keepStatements = false;
        var write = true;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--clients":
                    clients = [.. args[++i].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
                    break;
                case "--hosts":
                    hosts = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--seconds":
                    seconds = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--postgres":
                    postgres = args[++i];
                    break;
                case "--warmup":
                    warmup = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--database":
                    database = args[++i];
                    break;
                case "--rate":
                    rate = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--rate-seconds":
                    rateSeconds = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--pairs":
                    pairs = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--host-env":
                    var (name, value) = Variable(args[++i]);
                    hostVariables[name] = value;
                    break;
                case "--host2-env":
                    // One setting against the default in the same run: the fixed-rate phases alternate the two hosts alone.
                    var (name2, value2) = Variable(args[++i]);
                    secondHostVariables[name2] = value2;
                    break;
                case "--fixed-rate-only":
                    // Runtime settings compared run against run (--host-env) need only this part, in a few minutes.
                    fixedRateOnly = true;
                    break;
                case "--keep-statements":
                    // No statement figures, and pg_stat_statements left as it is (the run otherwise clears its own database's counters).
                    keepStatements = true;
                    break;
                case "--no-write":
                    write = false;
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}. Options: --clients N[,N] --hosts 1|2 --seconds S --warmup S --postgres CONN --database NAME "
                        + "--rate N --rate-seconds S --pairs P --host-env NAME=VALUE --host2-env NAME=VALUE --fixed-rate-only --keep-statements --no-write");
            }
        }

        if (clients.Any(c => c is < 1 or > 64) || hosts is < 1 or > 2 || seconds is < 5 or > 120 || warmup is < 5 or > 300
            || rate is < 10 or > 2000 || rateSeconds is < 5 or > 120 || pairs is < 1 or > 10)
            throw new ArgumentException("--clients between 1 and 64, --hosts 1 or 2, --seconds between 5 and 120, --warmup between 5 and 300, "
                + "--rate between 10 and 2000, --rate-seconds between 5 and 120, --pairs between 1 and 10.");
        // The fixed-rate phases compare one host with two; with one host the run would warm up, measure nothing and write empty tables.
        if (fixedRateOnly && hosts < 2)
            throw new ArgumentException("--fixed-rate-only needs --hosts 2.");
        return new Options(clients, hosts, TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(warmup),
            postgres ?? throw new ArgumentException("PostgreSQL is required: --postgres CONN or DOCBPM_TEST_POSTGRES."), database,
            new FixedRateBench.Settings(rate, TimeSpan.FromSeconds(rateSeconds), pairs), hostVariables, secondHostVariables, fixedRateOnly, keepStatements, write);
    }

    private static (string Name, string Value) Variable(string argument) =>
        argument.Split('=', 2) is [var name, var value] ? (name, value) : throw new ArgumentException("--host-env and --host2-env take NAME=VALUE");

    /// <summary>A Development host migrates the database, seeds the demo accounts and is stopped; the analyst deploys the process.</summary>
    private static async Task SeedAsync(string connection, CancellationToken cancellationToken)
    {
        await using var seeding = await BenchHost.StartAsync(connection, "Development", cancellationToken);
        using var analyst = await seeding.SignInAsync("phantich", cancellationToken);
        using var deployed = await analyst.PostAsync("/api/definitions", new StringContent(HttpLoad.ProcessXml, Encoding.UTF8, "application/xml"), cancellationToken);
        await HttpLoad.ExpectAsync(deployed, HttpStatusCode.Created, cancellationToken);
    }

    /// <summary>
    /// The hosts' first requests compile the path: closed-loop clients through every host (client i on host i mod hosts),
    /// so that each host is as warm as the others.
    /// </summary>
    private static async Task WarmAsync(List<BenchHost> hosts, Options options, CancellationToken cancellationToken)
    {
        var clients = await SignInAsync(hosts, options.Clients.Max(), cancellationToken);
        try
        {
            await HttpLoad.DriveAsync(clients, hosts.Count, options.Warmup, int.MaxValue, cancellationToken);
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    private static async Task<List<HttpLoadClient>> SignInAsync(List<BenchHost> hosts, int count, CancellationToken cancellationToken)
    {
        var clients = new List<HttpLoadClient>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var host = i % hosts.Count;
                clients.Add(new HttpLoadClient(host, await hosts[host].SignInAsync("vanthu", cancellationToken),
                    await hosts[host].SignInAsync("giamdoc", cancellationToken)));
            }

            return clients;
        }
        catch
        {
            clients.ForEach(c => c.Dispose());
            throw;
        }
    }

    /// <summary>Every client count on these hosts (client i works on host i mod hosts); on one host, each request kind alone too.</summary>
    private static async Task<(List<Point> Points, IReadOnlyList<HttpRequestKinds.Cost>? Kinds, string Evidence)> MeasureAsync(List<BenchHost> hosts, Options options, PostgresProbe probe,
        CancellationToken cancellationToken)
    {
        var clients = await SignInAsync(hosts, options.Clients.Max(), cancellationToken);
        try
        {
            // The server's counters of what came before (the sign-ins, earlier measurements) must arrive before the first reading.
            await Task.Delay(PostgresProbe.StatisticsSettle, cancellationToken);
            var commits = await probe.CommitsAsync(cancellationToken);
            var statements = !options.KeepStatements && await PostgresEvidence.TryResetStatementsAsync(probe.Connection, cancellationToken);
            var points = new List<Point>();
            await using var waits = await WaitSampler.StartAsync(options.Postgres, options.Database, cancellationToken);
            waits.Paused = true;
            foreach (var count in options.Clients)
            {
                var hostCpu = hosts.Select(h => h.Cpu()).ToArray();
                var (serverCpu, benchCpu) = (probe.ServerCpu(), BenchReport.ProcessCpu());
                var begun = Stopwatch.GetTimestamp();
                waits.Paused = false;
                var samples = await HttpLoad.DriveAsync(clients.Take(count).ToList(), hosts.Count, options.Duration, MaxInstancesPerMeasurement, cancellationToken);
                var elapsed = Stopwatch.GetElapsedTime(begun);
                var hostCpuMs = hosts.Select((h, i) => (h.Cpu() - hostCpu[i]).TotalMilliseconds).ToArray();
                var (serverCpuMs, benchCpuMs) = (PostgresProbe.Spent(serverCpu, probe.ServerCpu()).TotalMilliseconds, (BenchReport.ProcessCpu() - benchCpu).TotalMilliseconds);
                var load = BenchDocument.LoadAverage();
                waits.Paused = true;
                await Task.Delay(PostgresProbe.StatisticsSettle, cancellationToken);
                var after = await probe.CommitsAsync(cancellationToken);
                var point = new Point(hosts.Count, count, samples, elapsed, hostCpuMs, serverCpuMs, benchCpuMs, after - commits, load);
                commits = after;
                points.Add(point);
                Console.WriteLine(Row(point, null));
            }

            await waits.DisposeAsync();
            var evidence = await EvidenceAsync(hosts.Count, points, statements, waits, probe, cancellationToken);
            var kinds = hosts.Count == 1
                ? await HttpRequestKinds.MeasureAsync(hosts[0], [.. clients.Take(KindClients)], probe, options.Duration, cancellationToken)
                : null;
            return (points, kinds, evidence);
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    /// <summary>The statements and backend states of one set of hosts over all its measurements (the warm-up excluded).</summary>
    private static async Task<string> EvidenceAsync(int hosts, List<Point> points, bool statements, WaitSampler waits, PostgresProbe probe,
        CancellationToken cancellationToken)
    {
        var instances = points.Sum(p => p.Samples.Instances);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"### What the server did, {hosts} host(s), all client counts ({instances:N0} instances)").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Backends of the database by state and wait event, average number at once ({waits.Samples:N0} samples of `pg_stat_activity`, at most {waits.MostBackends} backends): {waits.Describe(6)}.").AppendLine();
        text.AppendLine(statements
            ? PostgresEvidence.Table(await PostgresEvidence.TopStatementsAsync(probe.Connection, 12, cancellationToken), instances)
            : "`pg_stat_statements` was not reset (`--keep-statements`) or is not loaded by this server (`shared_preload_libraries`): no statement figures.");
        return text.ToString();
    }

    private static string Row(Point point, Point? oneHost)
    {
        var instances = point.Samples.Instances;
        var (start, lookup, complete) = point.Samples.Percentiles();
        var perHost = string.Join(" / ", point.HostCpuMs.Select((ms, i) => (ms / Math.Max(1, point.Samples.PerHost[i])).ToString("0.00", CultureInfo.InvariantCulture)));
        var cores = (point.HostCpuMs.Sum() + point.ServerCpuMs + point.BenchCpuMs) / point.Elapsed.TotalMilliseconds;
        var ratio = oneHost is null ? "" : (point.Rate / oneHost.Rate).ToString("0.00x", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture,
            $"| {point.Hosts} | {point.Clients} | {instances:N0} | {point.Rate:N0} | {ratio} | {start} | {lookup} | {complete} | {perHost} | "
            + $"{point.ServerCpuMs / instances:0.00} | {point.BenchCpuMs / instances:0.00} | {cores:0.00} | {(double)point.Commits / instances:0.00} | {point.Load} |");
    }

    private static string KindsReport(IReadOnlyList<HttpRequestKinds.Cost> kinds, Options options)
    {
        var text = new StringBuilder();
        text.AppendLine("### Each request kind alone, 1 host").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{KindClients} clients on one host. Host CPU: for {options.Duration.TotalSeconds:N0} s, rounds in which every client starts an instance, then every client looks");
        text.AppendLine("its task up, then every client completes it, the host process's CPU read between the steps. Commits: `xact_commit` of the");
        text.AppendLine(CultureInfo.InvariantCulture, $"database around a phase of only starts ({HttpRequestKinds.CommitRounds} rounds), then only their look-ups, then only their completions, each read");
        text.AppendLine("11 s after the phase, less the host's own background commits over as long a time (a quiet window measured first).").AppendLine();
        text.AppendLine("| request | host CPU ms/request | requests timed | PostgreSQL commits/request | requests counted |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var kind in kinds)
            text.AppendLine(CultureInfo.InvariantCulture, $"| {kind.Kind} | {kind.CpuPerRequest:0.00} | {kind.Timed:N0} | {kind.CommitsPerRequest:0.00} | {kind.Counted:N0} |");
        if (kinds.Count == 3)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| **start + completion** | **{kinds[0].CpuPerRequest + kinds[2].CpuPerRequest:0.00}** | | **{kinds[0].CommitsPerRequest + kinds[2].CommitsPerRequest:0.00}** | |");
            text.AppendLine(CultureInfo.InvariantCulture, $"| start + look-up + completion | {kinds.Sum(k => k.CpuPerRequest):0.00} | | {kinds.Sum(k => k.CommitsPerRequest):0.00} | |");
        }

        return text.ToString();
    }

    private static string Report(Options options, List<Point> points, string server, string loadAtStart)
    {
        var text = new StringBuilder();
        text.AppendLine("## HTTP against real hosts (issue 19)").AppendLine();
        text.AppendLine("Written by `dotnet run -c Release --project tests/DocBpm.Benchmarks -- http` (not part of the test suite). DocBpm.Web runs as");
        text.AppendLine("separate processes on loopback (`ASPNETCORE_ENVIRONMENT=Production`: JSON console logs, the 5 s due-work sweep, Quartz;");
        text.AppendLine("the demo accounts seeded once by a Development start that is then stopped), two hosts on the same PostgreSQL");
        text.AppendLine("database and, for the fixed-rate phases only, a third on a database of its own, started together and warmed together.");
        text.AppendLine("Saturation (the table below): closed-loop clients through host 1 alone (host 2 idle), then through both. Fixed rate");
        text.AppendLine("(the next table): the same offered load through one host, two hosts of one database, and two hosts of two databases.");
        text.AppendLine("Each client is a clerk who starts an instance of start → the Director's user task → end");
        text.AppendLine("(`POST /api/instances`), and the Director, who finds the task (`GET /api/tasks/mine`) and completes it");
        text.AppendLine("(`POST /api/tasks/{id}/complete`), each with a bearer token of their own, signed in once before the measurements;");
        text.AppendLine("a client runs one instance after another, client i on host i mod hosts.").AppendLine();
        text.AppendLine(BenchDocument.RunFacts(server, options.Database));
        if (options.HostVariables.Count > 0)
            text.AppendLine("- Hosts' runtime settings under test: " + string.Join(", ", options.HostVariables.Select(v => $"`{v.Key}={v.Value}`")));
        if (options.SecondHostVariables.Count > 0)
            text.AppendLine("- Host 2 only (host 1 without): " + string.Join(", ", options.SecondHostVariables.Select(v => $"`{v.Key}={v.Value}`")));
        text.AppendLine(CultureInfo.InvariantCulture, $"- Load average (1/5/15 min) at the start: {loadAtStart}; at the end of each measurement in the last column");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Each measurement: {options.Duration.TotalSeconds:N0} s or {MaxInstancesPerMeasurement:N0} instances, after a {options.Warmup.TotalSeconds:N0} s warm-up of all the hosts at once (closed loop,");
        text.AppendLine(CultureInfo.InvariantCulture, $"  {options.Clients.Max()} clients, client i on host i mod hosts) before all of them");
        text.AppendLine("- Latency: p50 / p95 ms of each request as the client saw it. CPU per instance: each host process (`/proc`), the whole");
        text.AppendLine("  PostgreSQL server (postmaster and all its processes) and this benchmark process (the clients), over the timed run.");
        text.AppendLine("  Cores busy: all three together per second of the run (the machine has " + Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture) + ").");
        text.AppendLine("  Transactions: `pg_stat_database.xact_commit` of the database over the run, per instance (read 11 s after the load");
        text.AppendLine("  stops, when every backend has reported; the hosts' background sweeps in those seconds are counted too).").AppendLine();
        text.AppendLine("| hosts | clients | instances | instances/s | vs 1 host | start p50 / p95 ms | task lookup p50 / p95 ms | complete p50 / p95 ms | host CPU ms/instance (each host) | PostgreSQL CPU ms/instance | clients' CPU ms/instance | cores busy | transactions/instance | load at end |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var point in points)
            text.AppendLine(Row(point, point.Hosts == 1 ? null : points.FirstOrDefault(p => p.Hosts == 1 && p.Clients == point.Clients)));
        return text.ToString();
    }
}
