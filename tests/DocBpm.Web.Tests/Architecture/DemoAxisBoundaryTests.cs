using System.Text.RegularExpressions;

namespace DocBpm.Web.Tests.Architecture;

/// <summary>
/// DESIGN.md keeps the axis a separate service that the host reaches over HTTP. The host references DocBpm.Axis only to
/// run the Development demo axis beside itself, so only <c>Web/DemoExchange</c> may name the axis's types.
/// </summary>
[TestClass]
public sealed partial class DemoAxisBoundaryTests
{
    [TestMethod]
    public void The_host_names_the_axis_only_where_it_starts_the_demo_axis()
    {
        var found = SourceRules.Find(AxisAlias(), path => path.StartsWith("src/DocBpm.Web/DemoExchange/", StringComparison.Ordinal), "src/DocBpm.Web");

        CollectionAssert.AreEqual(Array.Empty<string>(), found, "the host talks to the axis through AxisClient, over HTTP");
        Assert.IsTrue(AxisAlias().IsMatch("using axis::DocBpm.Axis;"), "the scan recognises the alias");
    }

    [GeneratedRegex(@"\baxis::")]
    private static partial Regex AxisAlias();
}
