using System.Text.RegularExpressions;

namespace DocBpm.Web.Tests.Architecture;

/// <summary>
/// Vietnam time (Article 10.2 receipt times, register years, deadlines, edXML timestamps) is converted in one place,
/// <c>DocBpm.Engine.Timers.VietnamTime</c>: a second conversion drifts from it (a literal +7 forgets the zone's rules,
/// a second lookup may find another zone on another operating system).
/// </summary>
[TestClass]
public sealed partial class OneClockTests
{
    /// <summary>
    /// VietnamTime, and the edXML wire format's own timestamps: DocBpm.Edxml depends on the BCL only (the axis takes
    /// nothing of the engine), so it cannot call VietnamTime.
    /// </summary>
    private static readonly string[] Homes = ["src/DocBpm.Engine/Timers/VietnamTime.cs", "src/DocBpm.Edxml/EdxmlFormat.cs"];

    [TestMethod]
    public void Vietnam_time_is_converted_only_by_VietnamTime()
    {
        var found = SourceRules.Find(Conversion(), Homes.Contains);

        CollectionAssert.AreEqual(Array.Empty<string>(), found,
            "convert to and from Vietnam time with VietnamTime, not with a time zone lookup or a literal offset");
    }

    [TestMethod]
    public void The_scan_finds_a_literal_offset_and_a_zone_lookup()
    {
        string[] offenders =
        [
            "new DateTimeOffset(local, TimeSpan.FromHours(7))",
            "TimeZoneInfo.ConvertTime(instant, zone)",
            "zone.GetUtcOffset(local)",
            "FindSystemTimeZoneById(\"Asia/Ho_Chi_Minh\")",
            "$\"{local:yyyyMMddHHmmss}+07'00'\"",
        ];

        foreach (var line in offenders)
            Assert.IsTrue(Conversion().IsMatch(line), line);
        // An ISO-8601 example in a message is text, not a conversion.
        Assert.IsFalse(Conversion().IsMatch("VietnamTime.ToLocal(instant).Year"));
        Assert.IsFalse(Conversion().IsMatch("(ví dụ 2026-12-31T17:00:00+07:00)"));
    }

    [GeneratedRegex(@"TimeZoneInfo|GetUtcOffset|FromHours\(\s*7\s*\)|new\s+TimeSpan\(\s*7\s*,|[+]07'00|Asia/Ho_Chi_Minh|SE Asia Standard Time")]
    private static partial Regex Conversion();
}
