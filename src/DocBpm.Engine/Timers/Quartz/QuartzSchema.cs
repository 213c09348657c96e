using System.Text.RegularExpressions;
using DocBpm.Engine.Persistence;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DocBpm.Engine.Timers.Quartz;

/// <summary>
/// Quartz's job-store tables as the idempotent provisioning script the pinned Quartz package ships for each database
/// product, read from the package rather than copied. Migrations written before the tables joined the EF model call
/// it; <see cref="QuartzModel.ApplyQuartzSchema"/> declares the same tables to EF, and the tests hold the two equal
/// (SQLite's script also adds delete triggers, which repeat the ON DELETE CASCADE of its foreign keys).
/// </summary>
public static partial class QuartzSchema
{
    public static IReadOnlyList<string> Statements(DatabaseProvider provider, string tablePrefix)
    {
        var script = Script(provider);
        var bare = tablePrefix.Contains('.', StringComparison.Ordinal) ? tablePrefix[(tablePrefix.LastIndexOf('.') + 1)..] : tablePrefix;
        return [.. StatementSeparator().Split(script)
            .Select(s => string.Join('\n', s.Split('\n').Where(line => !line.TrimStart().StartsWith("--", StringComparison.Ordinal))).Trim())
            .Where(s => s.Length > 0)
            .Select(s => s.Replace("{0}", tablePrefix, StringComparison.Ordinal).Replace("{1}", bare, StringComparison.Ordinal))];
    }

    /// <summary>The tables the script creates, in creation order.</summary>
    public static IReadOnlyList<string> Tables(DatabaseProvider provider, string tablePrefix) =>
        [.. TableName().Matches(Script(provider)).Select(m => tablePrefix + m.Groups["name"].Value).Distinct(StringComparer.Ordinal)];

    /// <summary>Adds the statements to a migration; <see cref="DropQuartzSchema"/> undoes it.</summary>
    public static MigrationBuilder CreateQuartzSchema(this MigrationBuilder migrationBuilder, DatabaseProvider provider, string tablePrefix)
    {
        foreach (var statement in Statements(provider, tablePrefix))
            migrationBuilder.Sql(statement);
        return migrationBuilder;
    }

    public static MigrationBuilder DropQuartzSchema(this MigrationBuilder migrationBuilder, DatabaseProvider provider, string tablePrefix)
    {
        foreach (var table in Tables(provider, tablePrefix).Reverse())
            migrationBuilder.Sql($"DROP TABLE {table}");
        return migrationBuilder;
    }

    private static string Script(DatabaseProvider provider)
    {
        var name = provider switch
        {
            DatabaseProvider.Sqlite => "create_sqlite.sql",
            DatabaseProvider.PostgreSql => "create_postgres.sql",
            _ => "create_sqlServer.sql",
        };
        var assembly = typeof(global::Quartz.IScheduler).Assembly;
        var resource = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith(".Schema." + name, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Quartz {assembly.GetName().Version} ships no schema script {name}.");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>Statements are separated by a line reading exactly "--;;" (the same text may appear in comments).</summary>
    [GeneratedRegex(@"^--;;$", RegexOptions.Multiline)]
    private static partial Regex StatementSeparator();

    [GeneratedRegex(@"CREATE TABLE (?:IF NOT EXISTS )?\{0\}(?<name>\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex TableName();
}
