using System.Globalization;

namespace DocBpm.Benchmarks;

/// <param name="Instances">Instances per round of workflow-core, of the Node.js peer and (a quarter) of the persisted rows.</param>
/// <param name="MemoryInstances">
/// Instances per round of DocBpm in memory: 2,000 of them last about 15 ms, so a round measured mostly the JIT and the
/// first garbage collections rather than the engine. workflow-core keeps 2,000: its in-memory store keeps every finished
/// instance, so a longer round would measure its store's growth and flatter the ratio.
/// </param>
/// <param name="Database">The PostgreSQL database of the persisted rows, dropped and created again by the run.</param>
public sealed record BenchOptions(int Instances, int MemoryInstances, int Rounds, string? Postgres, bool Write, string Database = "docbpm_bench")
{
    public static BenchOptions Parse(string[] args, string? postgresFromEnvironment)
    {
        var instances = 2000;
        var memoryInstances = 20_000;
        var rounds = 5;
        var postgres = postgresFromEnvironment;
        var write = true;
        var database = "docbpm_bench";
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--instances":
                    instances = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--memory-instances":
                    memoryInstances = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--rounds":
                    rounds = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--postgres":
                    postgres = args[++i];
                    break;
                case "--database":
                    database = args[++i];
                    break;
                case "--no-write":
                    write = false;
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}. Options: --instances N --memory-instances M --rounds R --postgres CONN --database NAME --no-write");
            }
        }

        return new BenchOptions(instances, memoryInstances, rounds, string.IsNullOrWhiteSpace(postgres) ? null : postgres, write, database);
    }

    /// <summary>
    /// Instances per round of a persisted row: a quarter of the peers' count, and 250 per worker. Each is a committed
    /// transaction, so fewer than in memory; but at about 1,000 a second the former 50 per worker made a round of under
    /// half a second, and its CPU per instance moved by ±15 % from one run of one binary to the next.
    /// </summary>
    public int PersistedInstances(int workers) => Math.Max(Instances / 4, 250 * workers);

    public static string WithDatabase(string connectionString, string database) =>
        new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString;
}
