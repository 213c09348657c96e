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

    public static string WithoutJit(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Options?.Contains("jit", StringComparison.OrdinalIgnoreCase) != true)
            builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? JitOff : builder.Options + " " + JitOff;
        return builder.ConnectionString;
    }
}
