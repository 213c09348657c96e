using System.Diagnostics;
using System.Text.Json;

namespace DocBpm.Benchmarks;

/// <summary>Runs the bpmn-engine peer (../shared/peers/bpmn-engine) with node and reads its JSON lines.</summary>
public static class BpmnEnginePeer
{
    public sealed record Result(string Shape, double InstancesPerSecond);

    public static async Task<IReadOnlyList<Result>> RunAsync(string repoRoot, int instances, int rounds, CancellationToken cancellationToken)
    {
        var source = Path.GetFullPath(Path.Combine(repoRoot, "..", "shared", "peers", "bpmn-engine"));
        if (!File.Exists(Path.Combine(source, "bench.js")))
            throw new FileNotFoundException("The bpmn-engine peer is not next to the repository.", source);

        // shared/ is read-only: install the peer's packages in a working copy.
        var work = Path.Combine(Path.GetTempPath(), "docbpm-peer-bpmn-engine");
        Directory.CreateDirectory(work);
        foreach (var file in new[] { "bench.js", "package.json", "package-lock.json" })
            File.Copy(Path.Combine(source, file), Path.Combine(work, file), overwrite: true);
        if (!Directory.Exists(Path.Combine(work, "node_modules")))
            await RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], work, cancellationToken);

        var output = await RunAsync("node", ["bench.js", instances.ToString(System.Globalization.CultureInfo.InvariantCulture),
            rounds.ToString(System.Globalization.CultureInfo.InvariantCulture)], work, cancellationToken);
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith('{'))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => new Result(e.GetProperty("shape").GetString()!, e.GetProperty("instancesPerSecond").GetDouble()))];
    }

    private static async Task<string> RunAsync(string file, string[] arguments, string folder, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(file, arguments) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} could not be started.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed: {await error}");
        return await output;
    }
}
