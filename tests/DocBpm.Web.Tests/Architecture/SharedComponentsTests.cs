using System.Text.RegularExpressions;

namespace DocBpm.Web.Tests.Architecture;

/// <summary>
/// The shared components (<c>src/DocBpm.Web/Components</c>: layout, signed-in page, form errors, formatting) serve every
/// feature, so they depend on none: a feature's change must not ripple through them (docs/architecture.md, "Who sees
/// what"). Identity (<c>Accounts</c>), the access module and the working calendar (<c>Calendar</c>, which every feature
/// counts its deadlines with) are what they may use.
/// </summary>
[TestClass]
public sealed partial class SharedComponentsTests
{
    [TestMethod]
    public void Shared_components_depend_on_no_feature()
    {
        var found = SourceRules.Find(FeatureReference(), _ => false, "src/DocBpm.Web/Components");

        CollectionAssert.AreEqual(Array.Empty<string>(), found, "a shared component names a feature's namespace");
    }

    [TestMethod]
    public void The_scan_finds_a_feature_reference()
    {
        Assert.IsTrue(FeatureReference().IsMatch("using DocBpm.Web.Incoming;"));
        Assert.IsTrue(FeatureReference().IsMatch("catch (Documents.Incoming.IncomingValidationException invalid)"));
        Assert.IsFalse(FeatureReference().IsMatch("using DocBpm.Documents.Access;"));
        Assert.IsFalse(FeatureReference().IsMatch("using DocBpm.Documents.Calendar;"));
        Assert.IsTrue(FeatureReference().IsMatch("using DocBpm.Web.AccessLog;"), "a feature whose name starts like an allowed one");
        Assert.IsFalse(FeatureReference().IsMatch("namespace DocBpm.Web.Components;"));
    }

    [GeneratedRegex(@"\b(?:Web|Documents)\.(?!Accounts\b|Access\b|Calendar\b|Components\b)[A-Z]\w*")]
    private static partial Regex FeatureReference();
}
