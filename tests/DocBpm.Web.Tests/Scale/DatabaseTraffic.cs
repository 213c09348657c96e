using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DocBpm.Web.Tests.Scale;

/// <summary>
/// Counts what one host's DbContexts send to its database, as the server sees transactions: each command outside a
/// transaction is one (PostgreSQL runs a batch sent with one Sync as one implicit transaction), and each COMMIT is one.
/// It listens to EF Core's diagnostics, so it sees every request and background service of the host, and only the host
/// whose database it is given: test classes run side by side.
/// </summary>
public sealed class DatabaseTraffic : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string database;
    private readonly List<IDisposable> subscriptions = [];
    private readonly List<string> transactions = [];
    private readonly List<string> sent = [];
    private readonly Lock gate = new();

    /// <summary>The statements of each open explicit transaction, until it commits.</summary>
    private readonly Dictionary<DbTransaction, List<string>> open = [];
    private int commands;
    private int statements;
    private int writes;

    private DatabaseTraffic(string database) => this.database = database;

    /// <summary>Starts counting the commands sent to the database of <paramref name="db"/>.</summary>
    public static DatabaseTraffic Of(DbContext db)
    {
        // Read while open: SQLite names the file it opened by its full path.
        db.Database.OpenConnection();
        var traffic = new DatabaseTraffic(Where(db.Database.GetDbConnection()));
        db.Database.CloseConnection();
        var all = DiagnosticListener.AllListeners.Subscribe(traffic);
        lock (traffic.gate)
            traffic.subscriptions.Add(all);
        return traffic;
    }

    /// <summary>One line per transaction since the last reset: how it ended and the statements it held.</summary>
    public IReadOnlyList<string> Transactions
    {
        get { lock (gate) return [.. transactions]; }
    }

    public int Commands { get { lock (gate) return commands; } }

    /// <summary>The text of each command since the last reset, for a test that asks which statements a read sent.</summary>
    public IReadOnlyList<string> Sent
    {
        get { lock (gate) return [.. sent]; }
    }

    public int Statements { get { lock (gate) return statements; } }
    public int Writes { get { lock (gate) return writes; } }

    public void Reset()
    {
        lock (gate)
        {
            transactions.Clear();
            sent.Clear();
            commands = statements = writes = 0;
            open.Clear();
        }
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
            lock (gate) subscriptions.Add(listener.Subscribe(this));
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        switch (value.Value)
        {
            case CommandExecutedEventData executed when Where(executed.Command.Connection) == database:
                Count(executed.Command);
                break;
            case TransactionEndEventData ended when value.Key == RelationalEventId.TransactionCommitted.Name
                                                    && ended.Context is { } context && Where(context.Database.GetDbConnection()) == database:
                lock (gate)
                    transactions.Add("COMMIT: " + string.Join(" + ", open.Remove(ended.Transaction, out var held) ? held : []));
                break;
        }
    }

    private void Count(DbCommand command)
    {
        var sql = Split(command.CommandText);
        lock (gate)
        {
            commands++;
            sent.Add(command.CommandText);
            statements += sql.Count;
            writes += sql.Count(s => s.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase)
                                     || s.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
                                     || s.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase));
            var summary = string.Join(" + ", sql.Select(Summary));
            if (command.Transaction is null)
                transactions.Add("autocommit: " + summary);
            else if (open.TryGetValue(command.Transaction, out var held))
                held.Add(summary);
            else
                open[command.Transaction] = [summary];
        }
    }

    /// <summary>The statements of a command: EF joins a batch's statements with a semicolon and a new line.</summary>
    private static List<string> Split(string text) =>
        [.. text.Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(s => s.Length > 0)];

    /// <summary>The verb and the table: <c>INSERT bpm_journal</c>.</summary>
    private static string Summary(string statement)
    {
        var words = statement.Split([' ', '\n', '\r', '\t', '(', ')', '"'], StringSplitOptions.RemoveEmptyEntries);
        var verb = words[0].ToUpperInvariant();
        var after = verb switch { "INSERT" => "INTO", "DELETE" or "SELECT" => "FROM", _ => verb };
        var index = Array.FindIndex(words, w => w.Equals(after, StringComparison.OrdinalIgnoreCase));
        return index >= 0 && index + 1 < words.Length ? $"{verb} {words[index + 1]}" : verb;
    }

    private static string Where(DbConnection? connection) => connection is null ? "" : $"{connection.DataSource}/{connection.Database}";

    public void Dispose()
    {
        lock (gate)
        {
            subscriptions.ForEach(s => s.Dispose());
            subscriptions.Clear();
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted() { }
    void IObserver<DiagnosticListener>.OnError(Exception error) { }
    void IObserver<KeyValuePair<string, object?>>.OnCompleted() { }
    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error) { }
}
