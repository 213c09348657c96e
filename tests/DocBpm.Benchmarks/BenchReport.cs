using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace DocBpm.Benchmarks;

/// <summary>The engine section of docs/benchmarks.md: machine, date, load, each contestant's median, its CPU and the ratios to the peers.</summary>
public static class BenchReport
{
    /// <summary>A contestant's rounds; <paramref name="CpuMsPerInstance"/> is this process's CPU, unknown for a peer in its own process.</summary>
    public sealed record Row(string Contestant, string Shape, int Instances, IReadOnlyList<double> Rates, IReadOnlyDictionary<string, string> Notes,
        double? CpuMsPerInstance)
    {
        public double Median => BenchReport.Median(Rates);
    }

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    public static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DocBpm.sln")))
                return dir.FullName;
        throw new DirectoryNotFoundException("DocBpm.sln not found above the benchmark binaries.");
    }

    public sealed record Load(string AtStart, string AtEnd);

    /// <summary>CPU this process has used so far, read fresh (a cached <see cref="Process"/> would not move).</summary>
    public static TimeSpan ProcessCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    /// <summary>User plus system CPU of a /proc/PID/stat line (fields 14 and 15, after the parenthesised command).</summary>
    public static TimeSpan StatCpu(string stat)
    {
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        const double ClockTicksPerSecond = 100;
        return TimeSpan.FromSeconds((long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / ClockTicksPerSecond);
    }

    public static async Task<string> RenderAsync(IReadOnlyList<Row> rows, BenchOptions options, Load load, TimeProvider time, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine("## Engine throughput").AppendLine();
        text.AppendLine("Written by `dotnet run -c Release --project tests/DocBpm.Benchmarks` (not part of the test suite). Every contestant runs");
        text.AppendLine("the same two shapes in the same run: `service` (start → 3 service tasks → end) and `usertask` (start → user task →");
        text.AppendLine("resume → end). Figures are the median instances per second over the rounds; instances run one after another,");
        text.AppendLine("except workflow-core, which is given all instances at once and drains them with its own workers (its natural mode),");
        text.AppendLine("on a fresh host every round (its in-memory store keeps every finished instance, so a reused host slows round after");
        text.AppendLine("round), and the persisted DocBpm rows with N workers, which run N instances at a time. Persisted contestants run");
        text.AppendLine("fewer instances per round (each one is a committed transaction): 250 per worker and at least 500, so that a round");
        text.AppendLine("lasts a second or more (rounds of 50 per worker, under half a second, moved CPU per instance by ±15 % from run to run).");
        text.AppendLine("Each persisted row starts from an empty history (instances, bookmarks and journal of the rows before it are deleted,");
        text.AppendLine("the definitions kept), so that no row pays for the instances of the rows run before it. CPU per instance is this");
        text.AppendLine("process's CPU over the");
        text.AppendLine("timed rounds: the engine, EF Core and the database driver; the CPU of the PostgreSQL backends serving the benchmark's");
        text.AppendLine("database (read from /proc; other databases on a shared server are left out) is a separate column. Before its timed");
        text.AppendLine("rounds each row runs unmeasured rounds until one compiles fewer than 10 methods (at most 15), so that the figures are");
        text.AppendLine("of fully compiled code, not of .NET's quick first code, its profiling code or the compiler itself.").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- Date: {time.GetUtcNow():yyyy-MM-dd HH:mm} UTC");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {await CpuAsync(cancellationToken)}, {Environment.ProcessorCount} cores, {MemoryGiB()} GiB, {RuntimeInformation.OSDescription}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Load average (1/5/15 min) at the start: {load.AtStart}; at the end: {load.AtEnd}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Runtime: {RuntimeInformation.FrameworkDescription}; Node.js {await NodeVersionAsync(cancellationToken)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Rounds: {options.Rounds}; instances per round: DocBpm in memory {options.MemoryInstances:N0}, workflow-core and the Node.js peer {options.Instances:N0}").AppendLine();

        foreach (var shape in rows.Select(r => r.Shape).Distinct())
        {
            var shapeRows = rows.Where(r => r.Shape == shape).ToList();
            var workflowCore = shapeRows.FirstOrDefault(r => r.Contestant.StartsWith("workflow-core", StringComparison.Ordinal))?.Median;
            var bpmnEngine = shapeRows.FirstOrDefault(r => r.Contestant.StartsWith("bpmn-engine", StringComparison.Ordinal))?.Median;
            var noteKeys = shapeRows.SelectMany(r => r.Notes.Keys).Distinct().ToList();
            text.AppendLine(CultureInfo.InvariantCulture, $"### Shape `{shape}`").AppendLine();
            text.AppendLine("| contestant | instances/round | instances/s (median) | CPU ms/instance | vs workflow-core | vs bpmn-engine |" + string.Concat(noteKeys.Select(k => $" {k} |")));
            text.AppendLine("|---|---:|---:|---:|---:|---:|" + string.Concat(noteKeys.Select(_ => "---|")));
            foreach (var row in shapeRows)
            {
                var notes = string.Concat(noteKeys.Select(k => $" {row.Notes.GetValueOrDefault(k, "")} |"));
                var cpu = row.CpuMsPerInstance is { } ms ? ms.ToString("0.000", c) : "";
                text.AppendLine(string.Create(c, $"| {row.Contestant} | {row.Instances} | {row.Median:N0} | {cpu} | {Ratio(row.Median, workflowCore)} | {Ratio(row.Median, bpmnEngine)} |{notes}"));
            }

            text.AppendLine();
        }

        text.AppendLine("### Targets (issue 3)").AppendLine();
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
