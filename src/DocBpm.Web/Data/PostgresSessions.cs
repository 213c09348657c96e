using System.Data.Common;
using Npgsql;

namespace DocBpm.Web.Data;

/// <summary>
/// The settings of the application's PostgreSQL sessions. JIT is off: the application's queries answer a page (at most
/// a hundred rows, counts capped), so compiling them never pays back, yet over years of history the planner's estimates
/// cross <c>jit_above_cost</c> and compiling cost more than running (docs/benchmarks.md, "Inbox and search at scale").
/// An operator who names <c>jit</c> in the connection string's Options keeps their choice.
/// </summary>
public static class PostgresSessions
{
    private const string JitOff = "-c jit=off";

    /// <summary>
    /// The application's connection string: JIT off (<see cref="WithoutJit"/>) and, unless the operator set it, no reset of
    /// a session when it returns to the pool. Npgsql's reset is a <c>DISCARD ALL</c> sent before the next command, which
    /// PostgreSQL counts as a transaction of its own: about four per started-and-completed instance, more than the
    /// instance's own writes (docs/benchmarks.md, "Where the persisted engine's time goes"). The application leaves no
    /// state in a session to discard: no <c>SET</c> outside a transaction, no session advisory lock, no temporary table,
    /// no <c>LISTEN</c>; a transaction still open when a connection is closed is rolled back by Npgsql either way.
    /// </summary>
    public static string ForApplication(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(WithoutJit(connectionString));
        // Npgsql's own builder answers ContainsKey for every keyword it knows; the plain one only for what was written.
        var written = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!written.ContainsKey("No Reset On Close") && !written.ContainsKey("NoResetOnClose"))
            builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }

    public static string WithoutJit(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Options?.Contains("jit", StringComparison.OrdinalIgnoreCase) != true)
            builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? JitOff : builder.Options + " " + JitOff;
        return builder.ConnectionString;
    }
}
