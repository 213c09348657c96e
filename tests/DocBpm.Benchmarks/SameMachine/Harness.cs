using System.Diagnostics;
using DocBpm.Benchmarks;
using DocBpm.Engine.Persistence;

// Replaces Program.cs in a checkout of each commit compared (see compare.sh): only DocBpm's own runners, which exist
// with the same shape in every commit since the benchmark began, so two builds can run alternately on one machine.
// Prints one tab-separated line per runner and shape: label, runner, shape, median/min/max instances per second,
// CPU ms and bytes allocated per instance.
var instances = int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture);
var rounds = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
var label = args[2];
var postgres = Environment.GetEnvironmentVariable("DOCBPM_TEST_POSTGRES");
var folder = Directory.CreateTempSubdirectory("docbpm-same-machine-");
var runners = new List<IShapeRunner>
{
    new DocBpmInMemoryRunner(),
    await DocBpmPersistedRunner.CreateAsync(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder.FullName, "bench.db")}"),
};
if (!string.IsNullOrWhiteSpace(postgres))
    runners.Add(await DocBpmPersistedRunner.CreateAsync(DatabaseProvider.PostgreSql, BenchOptions.WithDatabase(postgres, "docbpm_same_machine_" + label)));

foreach (var shape in new[] { Shapes.Service, Shapes.UserTask })
{
    foreach (var runner in runners)
    {
        var count = runner is DocBpmPersistedRunner ? 400 : instances;
        await runner.RunAsync(shape, Math.Min(2000, count), CancellationToken.None);
        var rates = new List<double>();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(true);
        for (var round = 0; round < rounds; round++)
            rates.Add(await runner.RunAsync(shape, count, CancellationToken.None));
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / (count * rounds);
        var bytes = (GC.GetTotalAllocatedBytes(true) - allocated) / (count * rounds);
        rates.Sort();
        Console.WriteLine($"{label}\t{runner.Name}\t{shape}\t{rates[rates.Count / 2]:F0}\t{rates[0]:F0}\t{rates[^1]:F0}\t{cpuMs:F4}\t{bytes}");
    }
}

foreach (var runner in runners)
    await runner.DisposeAsync();
folder.Delete(recursive: true);

