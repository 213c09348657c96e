using System.Globalization;
using Npgsql;

namespace DocBpm.Benchmarks;

/// <summary>
/// What one PostgreSQL server and one of its databases did during a measurement: committed transactions of the database
/// (<c>pg_stat_database</c>) and the CPU of the whole server (the postmaster and every process it started, from /proc),
/// so that another server on the same machine is not counted. Used by the http and plateau modes.
/// </summary>
public sealed class PostgresProbe : IAsyncDisposable
{
    /// <summary>
    /// A backend reports its counters when it goes idle, but at most once a second; what it holds back is sent after
    /// up to ten seconds (PostgreSQL 15's PGSTAT_IDLE_INTERVAL). Reading the commits this long after the load stops
    /// counts them all.
    /// </summary>
    public static readonly TimeSpan StatisticsSettle = TimeSpan.FromSeconds(11);

    private readonly NpgsqlConnection connection;
    private readonly int postmaster;

    private PostgresProbe(NpgsqlConnection connection, int postmaster)
    {
        this.connection = connection;
        this.postmaster = postmaster;
    }

    public string Database => connection.Database;

    public static async Task<PostgresProbe> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        // Not pooled: the probe's own backend must not be one of the application's.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = "docbpm-bench-probe" }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var backend = await ScalarAsync<int>(connection, "SELECT pg_backend_pid()", cancellationToken);
        return new PostgresProbe(connection, ParentOf(backend));
    }

    public static async Task RecreateDatabaseAsync(string serverConnection, string database, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(serverConnection);
        await connection.OpenAsync(cancellationToken);
        foreach (var sql in new[] { $"DROP DATABASE IF EXISTS {database} WITH (FORCE)", $"CREATE DATABASE {database}" })
            await ExecuteAsync(connection, sql, cancellationToken);
    }

    public Task<long> CommitsAsync(CancellationToken cancellationToken) =>
        ScalarAsync<long>(connection, "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()", cancellationToken);

    /// <summary>
    /// CPU used so far by this server's processes alive now (the postmaster, its background processes, every backend), by
    /// process id. Read two of them with <see cref="Spent"/>: a plain difference of sums would drop the CPU of a backend
    /// that ended in between (another database's, on a shared server) and could come out negative.
    /// </summary>
    public IReadOnlyDictionary<int, TimeSpan> ServerCpu()
    {
        var cpu = new Dictionary<int, TimeSpan> { [postmaster] = Cpu(postmaster) };
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && ParentOf(pid) == postmaster)
                cpu[pid] = Cpu(pid);
        }

        return cpu;
    }

    /// <summary>
    /// CPU used so far by each client backend of this database alive now (the benchmark's own probes left out), by process
    /// id. Unlike <see cref="ServerCpu"/> it leaves out what other databases on the same server cost meanwhile, such as
    /// other test runs on a shared server; it leaves out the background writers too.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, TimeSpan>> BackendCpuAsync(CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT pid FROM pg_stat_activity
            WHERE datname = current_database() AND backend_type = 'client backend' AND application_name NOT LIKE 'docbpm-bench-%'
            """, connection);
        var cpu = new Dictionary<int, TimeSpan>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            cpu[reader.GetInt32(0)] = Cpu(reader.GetInt32(0));
        return cpu;
    }

    /// <summary>What the processes alive at <paramref name="after"/> used since <paramref name="before"/> (a new one: all of it; one that ended: none).</summary>
    public static TimeSpan Spent(IReadOnlyDictionary<int, TimeSpan> before, IReadOnlyDictionary<int, TimeSpan> after) =>
        after.Aggregate(TimeSpan.Zero, (sum, backend) => sum + backend.Value - before.GetValueOrDefault(backend.Key));

    /// <summary>The server's version and the settings that decide a commit's cost, for the report.</summary>
    public async Task<string> DescribeAsync(CancellationToken cancellationToken)
    {
        var version = await ScalarAsync<string>(connection, "SHOW server_version", cancellationToken);
        var settings = new List<string>();
        foreach (var name in new[] { "fsync", "synchronous_commit", "shared_buffers", "max_connections" })
            settings.Add($"{name}={await ScalarAsync<string>(connection, $"SHOW {name}", cancellationToken)}");
        return $"PostgreSQL {version.Split(' ')[0]} on this machine ({string.Join(", ", settings)})";
    }

    public NpgsqlConnection Connection => connection;

    public ValueTask DisposeAsync() => connection.DisposeAsync();

    public static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>User plus system CPU of a process so far; zero once it has ended.</summary>
    public static TimeSpan Cpu(int pid) => Stat(pid) is { } stat ? BenchReport.StatCpu(stat) : TimeSpan.Zero;

    private static int ParentOf(int pid) =>
        Stat(pid) is { } stat ? int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture) : 0;

    private static string? Stat(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process ended between listing and reading, or belongs to a user this one may not read.
            return null;
        }
    }
}
