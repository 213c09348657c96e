using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace DocBpm.Benchmarks;

/// <summary>Writes docs/benchmarks.md: machine, date, each contestant's median and the ratios to the peers.</summary>
public static class BenchReport
{
    public sealed record Row(string Contestant, string Shape, int Instances, IReadOnlyList<double> Rates, IReadOnlyDictionary<string, string> Notes)
    {
        public double Median => BenchReport.Median(Rates);
    }

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    public static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DocBpm.sln")))
                return dir.FullName;
        throw new DirectoryNotFoundException("DocBpm.sln not found above the benchmark binaries.");
    }

    public static async Task<string> RenderAsync(IReadOnlyList<Row> rows, BenchOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine("# Benchmarks").AppendLine();
        text.AppendLine("Written by `dotnet run -c Release --project tests/DocBpm.Benchmarks` (not part of the test suite). Every contestant runs");
        text.AppendLine("the same two shapes in the same run: `service` (start → 3 service tasks → end) and `usertask` (start → user task →");
        text.AppendLine("resume → end). Figures are the median instances per second over the rounds; instances run one after another,");
        text.AppendLine("except workflow-core, which is given all instances at once and drains them with its own workers (its natural mode).");
        text.AppendLine("Persisted contestants run fewer instances per round (each one is a committed transaction).").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- Date: {time.GetUtcNow():yyyy-MM-dd HH:mm} UTC");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {await CpuAsync(cancellationToken)}, {Environment.ProcessorCount} cores, {MemoryGiB()} GiB, {RuntimeInformation.OSDescription}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Runtime: {RuntimeInformation.FrameworkDescription}; Node.js {await NodeVersionAsync(cancellationToken)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Rounds: {options.Rounds}; in-memory instances per round: {options.Instances}").AppendLine();

        foreach (var shape in rows.Select(r => r.Shape).Distinct())
        {
            var shapeRows = rows.Where(r => r.Shape == shape).ToList();
            var workflowCore = shapeRows.FirstOrDefault(r => r.Contestant.StartsWith("workflow-core", StringComparison.Ordinal))?.Median;
            var bpmnEngine = shapeRows.FirstOrDefault(r => r.Contestant.StartsWith("bpmn-engine", StringComparison.Ordinal))?.Median;
            var noteKeys = shapeRows.SelectMany(r => r.Notes.Keys).Distinct().ToList();
            text.AppendLine(CultureInfo.InvariantCulture, $"## Shape `{shape}`").AppendLine();
            text.AppendLine("| contestant | instances/round | instances/s (median) | vs workflow-core | vs bpmn-engine |" + string.Concat(noteKeys.Select(k => $" {k} |")));
            text.AppendLine("|---|---:|---:|---:|---:|" + string.Concat(noteKeys.Select(_ => "---|")));
            foreach (var row in shapeRows)
            {
                var notes = string.Concat(noteKeys.Select(k => $" {row.Notes.GetValueOrDefault(k, "")} |"));
                text.AppendLine(string.Create(c, $"| {row.Contestant} | {row.Instances} | {row.Median:N0} | {Ratio(row.Median, workflowCore)} | {Ratio(row.Median, bpmnEngine)} |{notes}"));
            }

            text.AppendLine();
        }

        text.AppendLine("## Targets (issue 3)").AppendLine();
        text.AppendLine("- DocBpm in memory at least 2x workflow-core's throughput: see the `vs workflow-core` column of `DocBpm (in memory)`.");
        text.AppendLine("- A persisted resume costs at most 2 database round-trips: see `db round-trips per resume` (a command is one");
        text.AppendLine("  round-trip: the read of the bookmark with its instance, and the batched write of the step; a COMMIT is counted");
        text.AppendLine("  separately). On PostgreSQL the step is written as one batch that the server runs as one implicit transaction, with");
        text.AppendLine("  no BEGIN or COMMIT: a stale step fails inside it on the journal's unique step guard, so a resume costs exactly two");
        text.AppendLine("  round-trips. SQLite does not batch and keeps an explicit transaction, but its commands are in-process calls,");
        text.AppendLine("  not network round-trips.");
        return text.ToString();
    }

    private static string Ratio(double value, double? peer) => peer is > 0 ? (value / peer.Value).ToString("0.00x", CultureInfo.InvariantCulture) : "";

    private static async Task<string> CpuAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists("/proc/cpuinfo"))
            return RuntimeInformation.ProcessArchitecture.ToString();
        var line = (await File.ReadAllLinesAsync("/proc/cpuinfo", cancellationToken)).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line?.Split(':', 2)[1].Trim() ?? "unknown CPU";
    }

    private static string MemoryGiB() =>
        (GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024)).ToString("0", CultureInfo.InvariantCulture);

    private static async Task<string> NodeVersionAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var node = Process.Start(new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true })!;
            var version = await node.StandardOutput.ReadToEndAsync(cancellationToken);
            await node.WaitForExitAsync(cancellationToken);
            return version.Trim();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "not installed";
        }
    }
}
