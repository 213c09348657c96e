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
    /// Statements each session keeps prepared, least recently used out first. A started-and-completed instance sends about
    /// a dozen distinct statements and a page a few more; the whole application has a few hundred, and a prepared one
    /// costs the server a cached plan per session.
    /// </summary>
    public const int AutoPrepared = 256;

    /// <summary>Uses of a statement on one session before it is prepared there: one-off statements stay unprepared.</summary>
    public const int AutoPrepareAfter = 2;

    /// <summary>
    /// The application's connection string: JIT off (<see cref="WithoutJit"/>) and, unless the operator set them, no reset
    /// of a session when it returns to the pool and automatic preparation of the statements it repeats.
    /// <para>
    /// Npgsql's reset is a <c>DISCARD ALL</c> sent before the next command, which PostgreSQL counts as a transaction of its
    /// own: about four per started-and-completed instance, more than the instance's own writes (docs/benchmarks.md,
    /// "Where the persisted engine's time goes"). The application leaves no state in a session to discard: no <c>SET</c>
    /// outside a transaction, no session advisory lock, no temporary table, no <c>LISTEN</c>; a transaction still open
    /// when a connection is closed is rolled back by Npgsql either way.
    /// </para>
    /// <para>
    /// Without preparation the server parses and plans every statement of every step again, which was most of its CPU per
    /// instance. A prepared statement whose result type a migration changes fails once on each session that holds it
    /// ("cached plan must not change result type"): <see cref="DatabaseMigrator"/> therefore empties the application's
    /// pool after migrating, so that no session prepared before a migration serves a request after it.
    /// </para>
    /// </summary>
    public static string ForApplication(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(WithoutJit(connectionString));
        // Npgsql's own builder answers ContainsKey for every keyword it knows; the plain one only for what was written.
        var written = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!Names(written, "No Reset On Close"))
            builder.NoResetOnClose = true;
        if (!Names(written, "Max Auto Prepare"))
            builder.MaxAutoPrepare = AutoPrepared;
        if (!Names(written, "Auto Prepare Min Usages"))
            builder.AutoPrepareMinUsages = AutoPrepareAfter;
        return builder.ConnectionString;
    }

    /// <summary>Whether the operator wrote the keyword, spaced as documented or run together.</summary>
    private static bool Names(DbConnectionStringBuilder written, string keyword) =>
        written.ContainsKey(keyword) || written.ContainsKey(keyword.Replace(" ", "", StringComparison.Ordinal));

    public static string WithoutJit(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Options?.Contains("jit", StringComparison.OrdinalIgnoreCase) != true)
            builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? JitOff : builder.Options + " " + JitOff;
        return builder.ConnectionString;
    }
}
