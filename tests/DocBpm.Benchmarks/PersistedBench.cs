using System.Globalization;
using DocBpm.Engine.Persistence;

namespace DocBpm.Benchmarks;

/// <summary>
/// The engine mode's persisted PostgreSQL rows alone (shape <c>usertask</c>, N workers), for a short before/after loop:
/// one tab-separated line per worker count with the median instances/s, this process's CPU and bytes allocated per
/// instance, the CPU of the database's backends per instance, the load average and the warm-up rounds run. Each worker
/// count is warmed up until the JIT settles (<see cref="Warmup"/>), as in the engine mode, or with one round
/// (<c>--one-warmup-round</c>, the engine mode's warm-up before 2026-12-07); each starts from an empty history
/// (<see cref="DocBpmPersistedRunner.ClearHistoryAsync"/>). Nothing is written to the docs. Run by hand:
/// <c>dotnet run -c Release --project tests/DocBpm.Benchmarks -- persisted [--workers 4,8,16] [--rounds R] [--database NAME] [--label L] [--one-warmup-round]</c>.
/// </summary>
public static class PersistedBench
{
    public static async Task RunAsync(string[] args, string? postgres, CancellationToken cancellationToken)
    {
        int[] workers = [4, 8, 16];
        var rounds = 5;
        var database = "docbpm_bench";
        var label = "run";
        var settle = true;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--workers":
                    workers = [.. args[++i].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
                    break;
                case "--rounds":
                    rounds = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--database":
                    database = args[++i];
                    break;
                case "--label":
                    label = args[++i];
                    break;
                case "--one-warmup-round":
                    settle = false;
                    break;
                case "--postgres":
                    postgres = args[++i];
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}. Options: --workers N[,N] --rounds R --database NAME --label L --one-warmup-round --postgres CONN");
            }
        }

        var connection = BenchOptions.WithDatabase(postgres ?? throw new ArgumentException("PostgreSQL is required: --postgres CONN or DOCBPM_TEST_POSTGRES."), database);
        await using var runner = await DocBpmPersistedRunner.CreateAsync(DatabaseProvider.PostgreSql, connection);
        await using var probe = await PostgresProbe.OpenAsync(connection, cancellationToken);
        foreach (var count in workers)
        {
            var instances = Math.Max(200, 50 * count);
            await runner.ClearHistoryAsync(cancellationToken);
            var persisted = runner.WithWorkers(count);
            Func<Task> round = () => persisted.RunAsync(Shapes.UserTask, instances, cancellationToken);
            var warmup = settle ? await Warmup.UntilJitSettlesAsync(round) : await Warmup.OnceAsync(round);
            var (cpu, allocated, backends) = (BenchReport.ProcessCpu(), GC.GetTotalAllocatedBytes(precise: true), await probe.BackendCpuAsync(cancellationToken));
            var rates = new List<double>();
            for (var measured = 0; measured < rounds; measured++)
                rates.Add(await persisted.RunAsync(Shapes.UserTask, instances, cancellationToken));
            var total = (double)instances * rounds;
            var dotnetMs = (BenchReport.ProcessCpu() - cpu).TotalMilliseconds / total;
            var bytes = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / total;
            var serverMs = PostgresProbe.Spent(backends, await probe.BackendCpuAsync(cancellationToken)).TotalMilliseconds / total;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label}\t{count}\t{BenchReport.Median(rates):F0}\t{dotnetMs:F4}\t{bytes:F0}\t{serverMs:F4}\t{BenchDocument.LoadAverage()}\t{warmup}"));
        }
    }
}
