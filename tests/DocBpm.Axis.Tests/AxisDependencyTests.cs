using System.Text.Json;

namespace DocBpm.Axis.Tests;

/// <summary>The axis is a small relay of edXML: its build output must not carry the domain's libraries (issue 13).</summary>
[TestClass]
public sealed class AxisDependencyTests
{
    private static readonly string[] DomainLibraries =
        ["DocBpm.Documents", "DocBpm.Engine", "Jint", "Quartz", "PDFsharp", "PdfPig", "ClosedXML", "BouncyCastle"];

    [TestMethod]
    public void The_axis_build_output_holds_edxml_but_none_of_the_domain_libraries()
    {
        using var deps = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "DocBpm.Axis.deps.json")));
        var libraries = deps.RootElement.GetProperty("libraries").EnumerateObject().Select(l => l.Name.Split('/')[0]).ToList();

        CollectionAssert.Contains(libraries, "DocBpm.Edxml");
        var domain = libraries.Where(l => DomainLibraries.Any(d => l.StartsWith(d, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.IsEmpty(domain, "the axis depends on " + string.Join(", ", domain));
    }
}
