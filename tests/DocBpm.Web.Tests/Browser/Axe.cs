using System.Text.Json;
using DocBpm.Web.Tests.Architecture;
using Microsoft.Playwright;

namespace DocBpm.Web.Tests.Browser;

/// <summary>
/// axe-core, the accessibility rules engine, run inside a page. It comes from npm as a development package of designer/
/// (installed by <c>npm ci</c> there, which CI and the designer build run), never from a CDN: the tests reach no other host.
/// </summary>
internal static class Axe
{
    private static readonly Lazy<string> Source = new(() =>
    {
        var path = Path.Combine(SourceRules.Root, "designer", "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new FileNotFoundException($"axe-core is missing at {path}: run `npm ci` in designer/.", path);
    });

    /// <summary>Only these impacts fail a page; "moderate" and "minor" findings are advice.</summary>
    private const string Check = """
        async () => {
            const result = await axe.run(document, { resultTypes: ["violations"] });
            return result.violations
                .filter(v => v.impact === "serious" || v.impact === "critical")
                .map(v => `${v.impact} ${v.id} (${v.help}): ${v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(" | ")}`);
        }
        """;

    /// <summary>
    /// Loads axe-core into every document the page opens from now on. An init script is given to the browser through its
    /// debugging protocol, so the site's content security policy (no inline script) leaves it alone and stays as it is.
    /// </summary>
    public static Task LoadIntoAsync(IPage page) => page.AddInitScriptAsync(Source.Value);

    /// <summary>The serious and critical violations on the page as it is now, one line each (after <see cref="LoadIntoAsync"/>).</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        var found = await page.EvaluateAsync<JsonElement>(Check);
        return [.. found.EnumerateArray().Select(v => v.GetString()!)];
    }
}
