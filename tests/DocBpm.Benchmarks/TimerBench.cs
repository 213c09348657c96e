using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using DocBpm.Engine;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DocBpm.Benchmarks;

/// <summary>
/// Timers due at one instant (issue 19), on PostgreSQL: starts <c>--timers</c> instances that each wait on a one-hour
/// timer (not timed), moves the clock past it and times the sweep (<see cref="DueWorkSweep"/>) of one host, or of
/// <c>--hosts</c> hosts sharing the database, until the last timer resumed, with the CPU that .NET (all hosts run in this
/// process) and PostgreSQL's backends of this database spent on it. A fresh database per row. Run by hand (<c>dotnet run -c Release --project tests/DocBpm.Benchmarks -- timers</c>); writes its own section
/// of docs/benchmarks.md.
/// </summary>
public static class TimerBench
{
    private const string Heading = "## Timers due at one instant (issue 19)";

    private const string WaitingXml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                          id="defs" targetNamespace="urn:docbpm:bench">
          <bpmn:process id="waiting" isExecutable="true">
            <bpmn:startEvent id="s"/>
            <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="e"/>
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="wait"/><bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="e"/>
          </bpmn:process>
        </bpmn:definitions>
        """;

    public static async Task RunAsync(string[] args, string? postgres, CancellationToken cancellationToken)
    {
        int[] sizes = [5_000, 10_000];
        int[] hosts = [1, 2];
        var sweep = new DueWorkSweepOptions();
        var database = "docbpm_timers";
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--timers")
                sizes = Numbers(args[++i]);
            else if (args[i] == "--hosts")
                hosts = Numbers(args[++i]);
            else if (args[i] == "--workers")
                sweep = sweep with { Workers = int.Parse(args[++i], CultureInfo.InvariantCulture) };
            else if (args[i] == "--postgres")
                postgres = args[++i];
            else if (args[i] == "--database")
                database = args[++i];
            else
                throw new ArgumentException($"Unknown option {args[i]}. Options: --timers N[,N] --hosts H[,H] --workers W --database PREFIX --postgres CONN");
        }
        if (sizes.Any(s => s is < 1 or > 100_000))
            throw new ArgumentException("--timers must be between 1 and 100,000.");
        if (hosts.Any(h => h is < 1 or > 4))
            throw new ArgumentException("--hosts must be between 1 and 4.");
        if (postgres is null)
            throw new ArgumentException("PostgreSQL is required: --postgres CONN or DOCBPM_TEST_POSTGRES.");

        var rows = new List<string>();
        foreach (var size in sizes)
        {
            foreach (var count in hosts)
            {
                var row = await RunSizeAsync(postgres, $"{database}_{size}_{count}", size, count, sweep, cancellationToken);
                rows.Add(row);
                Console.WriteLine(row);
            }
        }

        var report = Report(sweep, rows);
        Console.WriteLine(report);
        await BenchDocument.ReplaceSectionAsync(BenchDocument.Path(BenchReport.FindRepoRoot()), "timers", report, cancellationToken);
    }

    private static int[] Numbers(string list) => [.. list.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))];

    /// <param name="database">Dropped and created again: a name of its own per row, and per engineer on a shared server.</param>
    private static async Task<string> RunSizeAsync(string postgres, string database, int size, int hosts, DueWorkSweepOptions sweep,
        CancellationToken cancellationToken)
    {
        await RecreateAsync(postgres, database, cancellationToken);
        var clock = new ShiftedClock();
        var connection = BenchOptions.WithDatabase(postgres, database);
        await using var services = Services(connection, clock, sweep);
        // Each extra host holds its own connection pool and singletons: disposed even when a row fails.
        var others = Enumerable.Range(1, hosts - 1).Select(_ => Services(connection, clock, sweep)).ToList();
        try
        {
            var key = await DeployAsync(services, cancellationToken);
            var seeding = Stopwatch.GetTimestamp();
            await Parallel.ForEachAsync(Enumerable.Range(0, size), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
                async (_, ct) =>
                {
                    await using var scope = services.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().StartAsync(new StartRequest(key, null, null, "bench"), ct);
                });
            var seeded = Stopwatch.GetElapsedTime(seeding);

            clock.Shift = TimeSpan.FromHours(1);
            var load = BenchDocument.LoadAverage().Split(" / ")[0];
            var backends = await BackendCpuAsync(services, cancellationToken);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var started = Stopwatch.GetTimestamp();
            var sweeps = await Task.WhenAll(others.Prepend(services).Select((host, n) =>
                Task.Run(() => host.GetRequiredService<DueWorkSweep>().RunOnceAsync($"bench-{n}", cancellationToken), cancellationToken)));
            var fired = sweeps.Sum();
            var elapsed = Stopwatch.GetElapsedTime(started);
            var dotnetMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
            var postgresMs = Spent(backends, await BackendCpuAsync(services, cancellationToken));

            await using var check = services.CreateAsyncScope();
            var waiting = await check.ServiceProvider.GetRequiredService<DocBpmDbContext>().Set<BookmarkRecord>()
                .CountAsync(b => b.Kind == BookmarkKind.Timer && b.Status == BookmarkStatus.Active, cancellationToken);
            if (fired != size || waiting != 0)
                throw new InvalidOperationException($"{fired} of {size} timers fired, {waiting} still waiting");
            return string.Create(CultureInfo.InvariantCulture,
                $"| {size:N0} | {hosts} ({string.Join(" + ", sweeps.Select(f => f.ToString("N0", CultureInfo.InvariantCulture)))}) | {elapsed.TotalSeconds:F2} | {size / elapsed.TotalSeconds:N0} | {dotnetMs / size:F2} | {postgresMs / size:F2} | {load} | {seeded.TotalSeconds:N0} |");
        }
        finally
        {
            foreach (var other in others)
                await other.DisposeAsync();
        }
    }

    private static ServiceProvider Services(string connection, TimeProvider clock, DueWorkSweepOptions sweep)
    {
        var services = new ServiceCollection().AddLogging(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(clock);
        services.AddSingleton(sweep);
        services.AddDocBpmDatabase(new DatabaseSettings(DatabaseProvider.PostgreSql, connection));
        services.AddDocBpmEngine<DocBpmDbContext>();
        return services.BuildServiceProvider();
    }

    private static async Task<string> DeployAsync(ServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var runtime = scope.ServiceProvider.GetRequiredService<WorkflowRuntime>();
        await runtime.Db.Context.Database.MigrateAsync(cancellationToken);
        var deployment = await services.GetRequiredService<DefinitionStore>().DeployAsync(runtime.Db, WaitingXml, "bench", cancellationToken);
        return deployment.Definition.Key;
    }

    private static async Task RecreateAsync(string postgres, string database, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync(cancellationToken);
        foreach (var sql in new[] { $"DROP DATABASE IF EXISTS {database} WITH (FORCE)", $"CREATE DATABASE {database}" })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>CPU milliseconds so far of each PostgreSQL backend connected to the benchmark's database (from /proc).</summary>
    private static async Task<Dictionary<int, double>> BackendCpuAsync(ServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var pids = await scope.ServiceProvider.GetRequiredService<DocBpmDbContext>().Database
            .SqlQueryRaw<int>("SELECT pid AS \"Value\" FROM pg_stat_activity WHERE datname = current_database()").ToListAsync(cancellationToken);
        var cpu = new Dictionary<int, double>();
        foreach (var pid in pids)
        {
            var stat = $"/proc/{pid}/stat";
            if (File.Exists(stat))
                cpu[pid] = BenchReport.StatCpu(await File.ReadAllTextAsync(stat, cancellationToken)).TotalMilliseconds;
        }
        return cpu;
    }

    private static double Spent(Dictionary<int, double> before, Dictionary<int, double> after) =>
        after.Sum(a => a.Value - before.GetValueOrDefault(a.Key));

    private static string Report(DueWorkSweepOptions sweep, List<string> rows)
    {
        var text = new StringBuilder();
        text.AppendLine(Heading).AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- Date: {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC; {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}; PostgreSQL on the same machine");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Load average at the end (1/5/15 min): {BenchDocument.LoadAverage()}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Each host's sweep (`DueWorkSweep`): batches of {sweep.BatchSize} claimed with `FOR UPDATE SKIP LOCKED`, {sweep.Workers} batches at once, each batch fired with one read and one write (`FireDueBatchAsync`); process: start → one-hour timer → end");
        text.AppendLine("- Hosts: each its own services, scopes and connection pool on the one database, all in this process; the figure in brackets is what each host fired");
        text.AppendLine("- Time: from the sweeps' start until the last timer resumed; CPU: this process, and PostgreSQL's backends of the benchmark's database (`/proc`), divided by the timers; load: 1-minute load average when the sweep started");
        text.AppendLine("- Before (issue 19, one Quartz trigger per bookmark): 5,000 timers, the last moved on 14 s after (≈350/s), 6 ms PostgreSQL CPU per timer");
        text.AppendLine();
        text.AppendLine("| timers due at once | hosts (fired by each) | seconds until the last resumed | timers/s | .NET CPU ms/timer | PostgreSQL CPU ms/timer | load at start | seeding s (not timed) |");
        text.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
            text.AppendLine(row);
        return text.ToString();
    }

    /// <summary>The system clock moved on by <see cref="Shift"/>: the timers fall due without waiting an hour.</summary>
    private sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Shift { get; set; }

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Shift;
    }
}
