using System.Diagnostics;
using System.Globalization;
using System.Text;
using DocBpm.Engine.Persistence;

namespace DocBpm.Benchmarks;

/// <summary>
/// Evidence for why the persisted engine's throughput stops growing past 8 workers (issue 19): the engine mode's
/// PostgreSQL runner (<see cref="DocBpmPersistedRunner"/>, shape <c>usertask</c>) at 1, 4, 8 and 16 workers, with the
/// CPU of this process and of the whole server, the server's statements by total time (<c>pg_stat_statements</c>) and
/// its backends' wait events sampled while each runs. Run by hand:
/// <c>dotnet run -c Release --project tests/DocBpm.Benchmarks -- plateau [--workers 1,4,8,16] [--instances N] [--postgres CONN]</c>.
/// </summary>
public static class PlateauBench
{
    private const string Database = "docbpm_plateau";

    private sealed record Point(int Workers, int Warmup, int Instances, double Rate, double DotnetCpuMs, double AllocatedKb, double ServerCpuMs,
        double BackendCpuMs, double Cores, int Backends, string Waits, string Statements);

    public static async Task RunAsync(string[] args, string? postgres, CancellationToken cancellationToken)
    {
        int[] workers = [1, 4, 8, 16];
        var instances = 1_500;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--workers")
                workers = [.. args[++i].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
            else if (args[i] == "--instances")
                instances = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--postgres")
                postgres = args[++i];
            else
                throw new ArgumentException($"Unknown option {args[i]}. Options: --workers N[,N] --instances N --postgres CONN");
        }

        if (workers.Any(w => w is < 1 or > 64) || instances is < 100 or > 20_000)
            throw new ArgumentException("--workers between 1 and 64, --instances between 100 and 20,000.");
        var server = postgres ?? throw new ArgumentException("PostgreSQL is required: --postgres CONN or DOCBPM_TEST_POSTGRES.");
        var connection = BenchOptions.WithDatabase(server, Database);
        var loadAtStart = BenchDocument.LoadAverage();

        await using var runner = await DocBpmPersistedRunner.CreateAsync(DatabaseProvider.PostgreSql, connection);
        await using var probe = await PostgresProbe.OpenAsync(connection, cancellationToken);
        var points = new List<Point>();
        foreach (var count in workers)
        {
            // As the engine mode's rows: each from an empty history, and timed once the JIT has settled at its own worker count.
            // One warm-up of 400 instances at 8 workers for all of them left the later rows' .NET CPU 0.2-0.4 ms above the
            // engine mode's for the same runner (the run of 2026-12-07 16:53).
            await runner.ClearHistoryAsync(cancellationToken);
            var warmup = await Warmup.UntilJitSettlesAsync(() => runner.WithWorkers(count).RunAsync(Shapes.UserTask, Math.Max(200, 50 * count), cancellationToken));
            var statements = await PostgresEvidence.TryResetStatementsAsync(probe.Connection, cancellationToken);
            var (dotnetCpu, allocated) = (BenchReport.ProcessCpu(), GC.GetTotalAllocatedBytes(precise: true));
            var (serverCpu, backendCpu) = (probe.ServerCpu(), await probe.BackendCpuAsync(cancellationToken));
            var begun = Stopwatch.GetTimestamp();
            await using (var waits = await WaitSampler.StartAsync(server, Database, cancellationToken))
            {
                var rate = await runner.WithWorkers(count).RunAsync(Shapes.UserTask, instances, cancellationToken);
                await waits.DisposeAsync();
                var elapsedMs = Stopwatch.GetElapsedTime(begun).TotalMilliseconds;
                var (dotnetMs, serverMs) = ((BenchReport.ProcessCpu() - dotnetCpu).TotalMilliseconds, PostgresProbe.Spent(serverCpu, probe.ServerCpu()).TotalMilliseconds);
                var allocatedKb = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0;
                var backendMs = PostgresProbe.Spent(backendCpu, await probe.BackendCpuAsync(cancellationToken)).TotalMilliseconds;
                var top = statements
                    ? PostgresEvidence.Table(await PostgresEvidence.TopStatementsAsync(probe.Connection, 8, cancellationToken), instances)
                    : "`pg_stat_statements` is not loaded by this server (`shared_preload_libraries`): no statement figures.\n";
                points.Add(new Point(count, warmup, instances, rate, dotnetMs / instances, allocatedKb / instances, serverMs / instances, backendMs / instances,
                    (dotnetMs + serverMs) / elapsedMs,
                    waits.MostBackends, waits.Describe(5), top));
            }

            Console.WriteLine(Row(points[^1]));
        }

        var report = Report(points, await probe.DescribeAsync(cancellationToken), loadAtStart);
        Console.WriteLine(report);
        await BenchDocument.ReplaceSectionAsync(BenchDocument.Path(BenchReport.FindRepoRoot()), "plateau", report, cancellationToken);
    }

    private static string Row(Point p) => string.Create(CultureInfo.InvariantCulture,
        $"| {p.Workers} | {p.Warmup} | {p.Instances:N0} | {p.Rate:N0} | {p.DotnetCpuMs:0.00} | {p.AllocatedKb:N0} | {p.ServerCpuMs:0.00} | {p.BackendCpuMs:0.00} | {p.Cores:0.00} | {p.Backends} | {p.Waits} |");

    private static string Report(List<Point> points, string server, string loadAtStart)
    {
        var text = new StringBuilder();
        text.AppendLine("## Where the persisted engine's time goes, 1 to 16 workers (issue 19)").AppendLine();
        text.AppendLine("Written by `dotnet run -c Release --project tests/DocBpm.Benchmarks -- plateau` (not part of the test suite): the engine");
        text.AppendLine("section's PostgreSQL runner, shape `usertask` (start → user task → complete the task the start left open → end), in this process,");
        text.AppendLine("N instances at a time on one service provider (Npgsql's pool: 100 connections by default). CPU per instance: this");
        text.AppendLine("process, the whole PostgreSQL server (postmaster and all its processes, `/proc`), and the server's client backends of");
        text.AppendLine("this database alone (on a server shared with other test runs, the whole server counts their work too); cores busy:");
        text.AppendLine("this process and the whole server per second of the run. Backends: the most client backends of the database seen");
        text.AppendLine("at once (the pool's real size), and what they did,");
        text.AppendLine("sampled every 20 ms from `pg_stat_activity` (average number of backends in each state; `CPU` means no wait event:");
        text.AppendLine("running or waiting for a core). `pg_stat_statements` is reset before each row. A lost race on the instance revision");
        text.AppendLine("would stop the run with `DbUpdateConcurrencyException`; each worker drives its own instances, so there is none.");
        text.AppendLine("Each row starts from an empty history and is timed after unmeasured rounds at its own worker count (50 instances a");
        text.AppendLine(CultureInfo.InvariantCulture, $"worker, at least 200) until one compiles fewer than 10 methods (at most {Warmup.MaxRounds}), as the engine section's rows.").AppendLine();
        text.AppendLine(BenchDocument.RunFacts(server, Database));
        text.AppendLine(CultureInfo.InvariantCulture, $"- Load average (1/5/15 min) at the start: {loadAtStart}; at the end: {BenchDocument.LoadAverage()}").AppendLine();
        text.AppendLine("| workers | warm-up rounds | instances | instances/s | .NET CPU ms/instance | .NET KB allocated/instance | PostgreSQL CPU ms/instance (whole server) | PostgreSQL CPU ms/instance (this database's backends) | cores busy | backends | backends by state and wait (average at once) |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var point in points)
            text.AppendLine(Row(point));
        foreach (var point in points.Where(p => p.Workers >= 8))
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"### Statements by total time, {point.Workers} workers").AppendLine();
            text.Append(point.Statements);
        }

        return text.ToString();
    }
}
