using System.Globalization;
using System.Text;
using Npgsql;

namespace DocBpm.Benchmarks;

/// <summary>
/// Where the server's time went during a measurement: the statements of one database by total time
/// (<c>pg_stat_statements</c>, which needs the server started with <c>shared_preload_libraries=pg_stat_statements</c>),
/// and what the database's backends were doing, sampled from <c>pg_stat_activity</c> while the load runs.
/// </summary>
public static class PostgresEvidence
{
    public sealed record Statement(long Calls, double TotalMs, double MeanMs, long Rows, string Query);

    /// <summary>
    /// Creates the extension in the probe's database and clears that database's counters, and only those: the server is
    /// shared with other measurements, whose statements a reset of everything would wipe. False when the server did not
    /// load the extension.
    /// </summary>
    public static async Task<bool> TryResetStatementsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await PostgresProbe.ExecuteAsync(connection, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements", cancellationToken);
            await PostgresProbe.ExecuteAsync(connection, "SELECT pg_stat_statements_reset(0, (SELECT oid FROM pg_database WHERE datname = current_database()), 0)", cancellationToken);
            return true;
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.ObjectNotInPrerequisiteState or PostgresErrorCodes.UndefinedFile)
        {
            return false;
        }
    }

    /// <summary>The database's statements since the last reset, the dearest first.</summary>
    public static async Task<List<Statement>> TopStatementsAsync(NpgsqlConnection connection, int count, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT calls, total_exec_time, mean_exec_time, rows, query FROM pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT LIKE '%pg_stat_%'
            ORDER BY total_exec_time DESC LIMIT $1
            """;
        await using var command = new NpgsqlCommand(Sql, connection) { Parameters = { new() { Value = count } } };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var statements = new List<Statement>();
        while (await reader.ReadAsync(cancellationToken))
            statements.Add(new Statement(reader.GetInt64(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetInt64(3), reader.GetString(4)));
        return statements;
    }

    /// <summary>A Markdown table of the statements, with calls per instance.</summary>
    public static string Table(IEnumerable<Statement> statements, int instances)
    {
        var text = new StringBuilder("| calls/instance | total ms | mean ms | rows | statement (start) |\n|---:|---:|---:|---:|---|\n");
        foreach (var s in statements)
        {
            var query = string.Join(' ', s.Query.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries)).Replace("|", "\\|", StringComparison.Ordinal);
            text.Append(CultureInfo.InvariantCulture, $"| {(double)s.Calls / instances:0.00} | {s.TotalMs:N0} | {s.MeanMs:0.000} | {s.Rows:N0} | `{(query.Length > 110 ? query[..110] + "…" : query)}` |\n");
        }

        return text.ToString();
    }
}

/// <summary>
/// Samples the state and wait event of every client backend of one database every <see cref="Interval"/> on a
/// connection of its own, until disposed: a backend with no wait event is on the CPU (or waiting for it).
/// </summary>
public sealed class WaitSampler : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);
    private readonly Dictionary<string, int> tally = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampling;
    private volatile bool paused;
    private bool stopped;

    private WaitSampler(NpgsqlConnection connection, string database) => sampling = SampleAsync(connection, database, stop.Token);

    /// <summary>How many samples were taken.</summary>
    public int Samples { get; private set; }

    /// <summary>The most client backends of the database seen at once: the connections the pool really opened.</summary>
    public int MostBackends { get; private set; }

    /// <summary>Between measurements the backends idle by design: those moments are not sampled.</summary>
    public bool Paused
    {
        get => paused;
        set => paused = value;
    }

    /// <summary>
    /// Samples <paramref name="database"/> from a session of <paramref name="serverConnection"/>'s database, so that the
    /// samples are not transactions of the database measured.
    /// </summary>
    public static async Task<WaitSampler> StartAsync(string serverConnection, string database, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(serverConnection) { Pooling = false, ApplicationName = "docbpm-bench-sampler" }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return new WaitSampler(connection, database);
    }

    /// <summary>Each state and wait seen, with the average number of backends in it, the most frequent first.</summary>
    public IEnumerable<(string What, double Backends)> Tally() =>
        tally.OrderByDescending(t => t.Value).Select(t => (t.Key, (double)t.Value / Math.Max(1, Samples)));

    public string Describe(int top) => string.Join("; ", Tally().Take(top).Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.What} {t.Backends:0.0}")));

    public async ValueTask DisposeAsync()
    {
        if (stopped)
            return;
        stopped = true;
        await stop.CancelAsync();
        await sampling;
        stop.Dispose();
    }

    private async Task SampleAsync(NpgsqlConnection connection, string database, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT COALESCE(state, 'starting') || ', ' || COALESCE(wait_event_type || ' ' || wait_event, 'CPU') FROM pg_stat_activity
            WHERE datname = $1 AND backend_type = 'client backend'
              AND application_name NOT LIKE 'docbpm-bench-%'
            """;
        await using (connection)
        {
            await using var command = new NpgsqlCommand(Sql, connection) { Parameters = { new() { Value = database } } };
            while (!cancellationToken.IsCancellationRequested)
            {
                if (paused)
                {
                    await PauseAsync(cancellationToken);
                    continue;
                }

                var backends = 0;
                await using (var reader = await command.ExecuteReaderAsync(CancellationToken.None))
                {
                    while (await reader.ReadAsync(CancellationToken.None))
                    {
                        var what = reader.GetString(0);
                        tally[what] = tally.GetValueOrDefault(what) + 1;
                        backends++;
                    }
                }

                Samples++;
                MostBackends = Math.Max(MostBackends, backends);
                await PauseAsync(cancellationToken);
            }
        }
    }

    private static async Task PauseAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Interval, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Disposed: the last sample is in.
        }
    }
}
