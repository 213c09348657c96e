using System.Globalization;

namespace DocBpm.Benchmarks;

public sealed record BenchOptions(int Instances, int Rounds, string? Postgres, bool Write)
{
    public static BenchOptions Parse(string[] args, string? postgresFromEnvironment)
    {
        var instances = 2000;
        var rounds = 5;
        var postgres = postgresFromEnvironment;
        var write = true;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--instances":
                    instances = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--rounds":
                    rounds = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--postgres":
                    postgres = args[++i];
                    break;
                case "--no-write":
                    write = false;
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}. Options: --instances N --rounds R --postgres CONN --no-write");
            }
        }

        return new BenchOptions(instances, rounds, string.IsNullOrWhiteSpace(postgres) ? null : postgres, write);
    }

    public static string WithDatabase(string connectionString, string database) =>
        new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString;
}
