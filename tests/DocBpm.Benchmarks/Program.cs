using System.Globalization;
using DocBpm.Benchmarks;
using DocBpm.Engine.Persistence;

// Usage: dotnet run -c Release --project tests/DocBpm.Benchmarks -- [--instances N] [--memory-instances M] [--rounds R] [--postgres CONN] [--database NAME] [--no-write]
//        dotnet run -c Release --project tests/DocBpm.Benchmarks -- inbox [--documents N] [--seed-only] [--database NAME] [--postgres CONN] [--no-write]
//        dotnet run -c Release --project tests/DocBpm.Benchmarks -- timers [--timers 5000,10000] [--hosts 1,2] [--workers W] [--database PREFIX] [--postgres CONN]
//        dotnet run -c Release --project tests/DocBpm.Benchmarks -- http [--clients 8,16,32] [--hosts 1|2] [--seconds S] [--warmup S] [--database NAME] [--postgres CONN]
//             [--rate N] [--rate-seconds S] [--pairs P] [--host-env NAME=VALUE] [--host2-env NAME=VALUE] [--fixed-rate-only]
//        dotnet run -c Release --project tests/DocBpm.Benchmarks -- plateau [--workers 1,4,8,16] [--instances N] [--postgres CONN]
//        dotnet run -c Release --project tests/DocBpm.Benchmarks -- persisted [--workers 4,8,16] [--rounds R] [--database NAME] [--label L] [--postgres CONN]
if (args.FirstOrDefault() == "inbox")
{
    using var bounded = new CancellationTokenSource(TimeSpan.FromHours(2));
    await InboxBench.RunAsync(args[1..], Environment.GetEnvironmentVariable("DOCBPM_TEST_POSTGRES"), bounded.Token);
    return;
}

if (args.FirstOrDefault() == "timers")
{
    using var bounded = new CancellationTokenSource(TimeSpan.FromMinutes(30));
    await TimerBench.RunAsync(args[1..], Environment.GetEnvironmentVariable("DOCBPM_TEST_POSTGRES"), bounded.Token);
    return;
}

if (args.FirstOrDefault() == "http")
{
    using var bounded = new CancellationTokenSource(TimeSpan.FromMinutes(30));
    await HttpBench.RunAsync(args[1..], Environment.GetEnvironmentVariable("DOCBPM_TEST_POSTGRES"), bounded.Token);
    return;
}

if (args.FirstOrDefault() == "plateau")
{
    using var bounded = new CancellationTokenSource(TimeSpan.FromMinutes(20));
    await PlateauBench.RunAsync(args[1..], Environment.GetEnvironmentVariable("DOCBPM_TEST_POSTGRES"), bounded.Token);
    return;
}

if (args.FirstOrDefault() == "persisted")
{
    using var bounded = new CancellationTokenSource(TimeSpan.FromMinutes(20));
    await PersistedBench.RunAsync(args[1..], Environment.GetEnvironmentVariable("DOCBPM_TEST_POSTGRES"), bounded.Token);
    return;
}

var options = BenchOptions.Parse(args, Environment.GetEnvironmentVariable("DOCBPM_TEST_POSTGRES"));
using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(30));
var repoRoot = BenchReport.FindRepoRoot();
var sqliteFolder = Directory.CreateTempSubdirectory("docbpm-bench-");
var loadAtStart = BenchDocument.LoadAverage();

var runners = new List<IShapeRunner>
{
    new DocBpmInMemoryRunner(),
    new WorkflowCoreRunner(),
    await DocBpmPersistedRunner.CreateAsync(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(sqliteFolder.FullName, "bench.db")}"),
};
PostgresProbe? probe = null;
if (options.Postgres is { } postgres)
{
    var onPostgres = await DocBpmPersistedRunner.CreateAsync(DatabaseProvider.PostgreSql, BenchOptions.WithDatabase(postgres, options.Database));
    runners.Add(onPostgres);
    runners.AddRange(new[] { 4, 8, 16 }.Select(onPostgres.WithWorkers));
    probe = await PostgresProbe.OpenAsync(BenchOptions.WithDatabase(postgres, options.Database), cancel.Token);
}

var results = new List<BenchReport.Row>();
foreach (var shape in new[] { Shapes.Service, Shapes.UserTask })
{
    foreach (var runner in runners)
    {
        var persisted = runner as DocBpmPersistedRunner;
        var count = persisted is not null ? options.PersistedInstances(persisted.Workers)
            : runner is DocBpmInMemoryRunner ? options.MemoryInstances : options.Instances;
        if (persisted is not null)
        {
            await persisted.ClearHistoryAsync(cancel.Token);
            await persisted.CountResumeAsync(shape, cancel.Token);
        }

        var warmup = await Warmup.UntilJitSettlesAsync(() => runner.RunAsync(shape, count, cancel.Token));
        var rates = new List<double>();
        var onPostgres = probe is not null && runner.Name.Contains("PostgreSql", StringComparison.Ordinal);
        var (cpuBefore, serverBefore) = (BenchReport.ProcessCpu(), onPostgres ? await probe!.BackendCpuAsync(cancel.Token) : null);
        for (var round = 0; round < options.Rounds; round++)
            rates.Add(await runner.RunAsync(shape, count, cancel.Token));
        var cpuPerInstance = (BenchReport.ProcessCpu() - cpuBefore).TotalMilliseconds / (count * options.Rounds);
        var notes = new Dictionary<string, string>(runner.Notes);
        if (serverBefore is not null)
            notes["PostgreSQL CPU ms/instance"] = (PostgresProbe.Spent(serverBefore, await probe!.BackendCpuAsync(cancel.Token)).TotalMilliseconds
                / (count * options.Rounds)).ToString("0.000", CultureInfo.InvariantCulture);
        results.Add(new BenchReport.Row(runner.Name, shape, count, rates, notes, cpuPerInstance));
        Console.WriteLine($"{runner.Name,-36} {shape,-9} {BenchReport.Median(rates),12:N0} instances/s {cpuPerInstance,8:N3} CPU ms/instance ({warmup} warm-up round(s))");
    }
}

var peer = await BpmnEnginePeer.RunAsync(repoRoot, options.Instances, options.Rounds, cancel.Token);
foreach (var p in peer)
{
    results.Add(new BenchReport.Row("bpmn-engine 25.0.1 (Node.js)", p.Shape, options.Instances, [p.InstancesPerSecond], new Dictionary<string, string>(), null));
    Console.WriteLine($"{"bpmn-engine 25.0.1 (Node.js)",-36} {p.Shape,-9} {p.InstancesPerSecond,12:N0} instances/s");
}

foreach (var runner in runners)
    await runner.DisposeAsync();
if (probe is not null)
    await probe.DisposeAsync();
sqliteFolder.Delete(recursive: true);

var report = await BenchReport.RenderAsync(results, options, new BenchReport.Load(loadAtStart, BenchDocument.LoadAverage()), TimeProvider.System, cancel.Token);
Console.WriteLine(report);
if (options.Write)
    await BenchDocument.ReplaceSectionAsync(BenchDocument.Path(repoRoot), "engine", report, cancel.Token);
