using System.Text.Json.Nodes;

namespace DocBpm.Engine.Decisions;

/// <summary>How a business-rule task turns a decision's result into its result variable (Camunda's mapDecisionResult).</summary>
public enum DecisionResultMapping
{
    /// <summary>The one value of the one matching rule (null when none matches).</summary>
    SingleEntry,

    /// <summary>The outputs of the one matching rule as an object (null when none matches).</summary>
    SingleResult,

    /// <summary>The one output of every matching rule, as a list.</summary>
    CollectEntries,

    /// <summary>The outputs of every matching rule, as a list of objects (the default).</summary>
    ResultList,
}

public static class DecisionResultMappings
{
    public static DecisionResultMapping? Parse(string? text) => text switch
    {
        null or "" or "resultList" => DecisionResultMapping.ResultList,
        "singleEntry" => DecisionResultMapping.SingleEntry,
        "singleResult" => DecisionResultMapping.SingleResult,
        "collectEntries" => DecisionResultMapping.CollectEntries,
        _ => null,
    };

    /// <summary>The variable's value; a result that does not fit the mapping (two rules for a single one) is a <see cref="DecisionException"/>.</summary>
    public static JsonNode? Apply(this DecisionResultMapping mapping, string decisionId, DecisionResult result)
    {
        var entries = result.Entries;
        if (mapping is DecisionResultMapping.SingleEntry or DecisionResultMapping.SingleResult && entries.Count > 1)
            throw new DecisionException(decisionId, $"{Name(mapping)} expects at most one matching rule but {entries.Count} match");
        if (mapping is DecisionResultMapping.SingleEntry or DecisionResultMapping.CollectEntries
            && entries.FirstOrDefault(e => e.Count > 1) is not null)
            throw new DecisionException(decisionId, $"{Name(mapping)} expects one output per rule but the table has {entries[0].Count}");
        return mapping switch
        {
            DecisionResultMapping.SingleEntry => entries.Count == 0 ? null : entries[0].Values.Single()?.DeepClone(),
            DecisionResultMapping.SingleResult => entries.Count == 0 ? null : ToObject(entries[0]),
            DecisionResultMapping.CollectEntries => new JsonArray([.. entries.Select(e => e.Values.Single()?.DeepClone())]),
            _ => new JsonArray([.. entries.Select(e => (JsonNode)ToObject(e))]),
        };
    }

    private static JsonObject ToObject(IReadOnlyDictionary<string, JsonNode?> entry) =>
        new(entry.Select(pair => KeyValuePair.Create(pair.Key, pair.Value?.DeepClone())));

    private static string Name(DecisionResultMapping mapping) => mapping switch
    {
        DecisionResultMapping.SingleEntry => "singleEntry",
        DecisionResultMapping.SingleResult => "singleResult",
        _ => "collectEntries",
    };
}
