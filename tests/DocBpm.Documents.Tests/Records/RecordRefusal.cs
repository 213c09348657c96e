using System.Text.Json;
using System.Text.Json.Serialization;
using DocBpm.Documents.Records;
using DocBpm.Engine;

namespace DocBpm.Documents.Tests.Records;

internal static class RecordRefusal
{
    private static readonly JsonSerializerOptions Snapshot = new() { ReferenceHandler = ReferenceHandler.IgnoreCycles };

    /// <summary>Expects the refusal <paramref name="rule"/> of <paramref name="kind"/>, with a Vietnamese reason, and the subject unchanged.</summary>
    public static RecordsRefusedException Expect(string rule, RefusalKind kind, object subject, Action act)
    {
        var before = JsonSerializer.Serialize(subject, Snapshot);
        var refused = Assert.ThrowsExactly<RecordsRefusedException>(act);
        Assert.AreEqual(rule, refused.Rule);
        Assert.AreEqual(kind, refused.Kind);
        Assert.AreEqual(rule, refused.Facts["rule"]);
        Assert.IsFalse(string.IsNullOrWhiteSpace(refused.DetailVi), "the refusal says why in Vietnamese");
        Assert.IsFalse(string.IsNullOrWhiteSpace(refused.Message), "the log says what was refused");
        Assert.AreEqual(before, JsonSerializer.Serialize(subject, Snapshot), "a refusal changes nothing");
        return refused;
    }
}
