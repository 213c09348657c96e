using System.Diagnostics;
using DocBpm.Engine.Tests.Infrastructure;

namespace DocBpm.Documents.Tests.Signatures;

/// <summary>Poppler's pdfsig, an independent verifier. Required on CI (CI=true), where .ci/run installs poppler-utils.</summary>
public static class Pdfsig
{
    private const string Executable = "/usr/bin/pdfsig";

    public static async Task<string> RunAsync(byte[] pdf, CancellationToken cancellationToken)
    {
        if (!File.Exists(Executable))
        {
            if (TestDatabase.OnCi)
                Assert.Fail($"{Executable} is missing: install poppler-utils (.ci/run does) so that the independent signature check runs.");
            Assert.Inconclusive($"{Executable} is not installed here; CI runs this check.");
        }

        var path = Path.Combine(Path.GetTempPath(), $"docbpm-signed-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf, cancellationToken);
        try
        {
            using var process = Process.Start(new ProcessStartInfo(Executable, ["-nocert", path])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = await process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return output + errors;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
