using System.Text.RegularExpressions;

namespace DocBpm.Web.Tests.Architecture;

/// <summary>Reads the sources of <c>src/</c> (code and Razor, generated migrations left out) to check a rule of the layout.</summary>
internal static class SourceRules
{
    public static string Root { get; } = FindRoot();

    /// <summary>Every line matching <paramref name="pattern"/>, as "path:line: text", outside the files <paramref name="allowed"/> accepts.</summary>
    public static List<string> Find(Regex pattern, Func<string, bool> allowed, string under = "src") =>
        [.. Directory.EnumerateFiles(Path.Combine(Root, under), "*.*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".razor", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(Root, path).Replace('\\', '/'))
            .Where(path => !path.Contains("/bin/", StringComparison.Ordinal) && !path.Contains("/obj/", StringComparison.Ordinal)
                && !path.Contains("/Migrations/", StringComparison.Ordinal) && !allowed(path))
            .SelectMany(path => File.ReadLines(Path.Combine(Root, path))
                .Select((text, index) => (text, index))
                .Where(line => pattern.IsMatch(line.text))
                .Select(line => $"{path}:{line.index + 1}: {line.text.Trim()}"))];

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DocBpm.sln")))
                return dir.FullName;
        }

        throw new DirectoryNotFoundException("DocBpm.sln not found above the test binaries.");
    }
}
