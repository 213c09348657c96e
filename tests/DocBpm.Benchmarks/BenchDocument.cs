using System.Globalization;
using System.Runtime.InteropServices;

namespace DocBpm.Benchmarks;

/// <summary>
/// docs/benchmarks.md is shared by the benchmark's modes: each owns one section between HTML comment markers and
/// rewrites only that, so a run of one mode never deletes another mode's figures.
/// </summary>
public static class BenchDocument
{
    public static string Path(string repoRoot) => System.IO.Path.Combine(repoRoot, "docs", "benchmarks.md");

    public static async Task ReplaceSectionAsync(string file, string section, string content, CancellationToken cancellationToken)
    {
        var text = File.Exists(file) ? await File.ReadAllTextAsync(file, cancellationToken) : "# Benchmarks\n";
        await File.WriteAllTextAsync(file, ReplaceSection(text, section, content), cancellationToken);
    }

    /// <summary>The document with the section's content replaced, or the section appended when it is not there yet.</summary>
    public static string ReplaceSection(string document, string section, string content)
    {
        var (open, close) = Markers(section);
        var block = open + "\n" + content.Trim() + "\n" + close;
        var start = document.IndexOf(open, StringComparison.Ordinal);
        var end = start < 0 ? -1 : document.IndexOf(close, start, StringComparison.Ordinal);
        return end < 0
            ? document.TrimEnd() + "\n\n" + block + "\n"
            : document[..start] + block + document[(end + close.Length)..];
    }

    /// <summary>The content between the section's markers, null when the document has no such section.</summary>
    public static string? Section(string document, string section)
    {
        var (open, close) = Markers(section);
        var start = document.IndexOf(open, StringComparison.Ordinal);
        var end = start < 0 ? -1 : document.IndexOf(close, start, StringComparison.Ordinal);
        return end < 0 ? null : document[(start + open.Length)..end].Trim('\n');
    }

    private static (string Open, string Close) Markers(string section) =>
        (string.Create(CultureInfo.InvariantCulture, $"<!-- bench:{section} -->"), string.Create(CultureInfo.InvariantCulture, $"<!-- /bench:{section} -->"));

    /// <summary>The date, machine, runtime and PostgreSQL server lines of a section that measured a database of its own.</summary>
    public static string RunFacts(string server, string database) => string.Create(CultureInfo.InvariantCulture,
        $"- Date: {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC; {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}; {RuntimeInformation.FrameworkDescription}\n"
        + $"- Database: {server}; database `{database}`, created afresh");

    /// <summary>The 1, 5 and 15 minute load averages, so a reader can tell a quiet run from a shared machine.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "unknown";
}
