using System.Text.Json.Nodes;

namespace DocBpm.Engine.Decisions;

/// <summary>What a decision gave: one entry per rule the hit policy kept, output name → value.</summary>
public sealed record DecisionResult(IReadOnlyList<IReadOnlyDictionary<string, JsonNode?>> Entries);

/// <summary>
/// Evaluates a decision table against variables: each rule matches when every input entry passes, then the hit policy
/// decides what the matches give. The work is rules × inputs cell tests, each a few comparisons, and the size of a table
/// is capped when it is read (<see cref="DmnReader"/>), so no table runs long.
/// </summary>
public static class DecisionEvaluator
{
    public static DecisionResult Evaluate(Decision decision, IReadOnlyDictionary<string, JsonNode?> variables)
    {
        var table = decision.Table;
        var values = table.Inputs.Select(i => Input(i, variables)).ToArray();
        var matched = table.Rules.Where(r => Matches(r, values, variables)).ToList();
        switch (table.HitPolicy)
        {
            case HitPolicy.Unique when matched.Count > 1:
                throw new DecisionException(decision.Id,
                    $"hit policy UNIQUE but {matched.Count} rules match ({string.Join(", ", matched.Select(r => r.Id))})");
            case HitPolicy.First:
                return Result(table, matched.Take(1), variables);
            case HitPolicy.Any:
                var results = Result(table, matched, variables);
                if (results.Entries.Skip(1).FirstOrDefault(e => !SameOutputs(e, results.Entries[0])) is not null)
                    throw new DecisionException(decision.Id,
                        $"hit policy ANY but the matching rules ({string.Join(", ", matched.Select(r => r.Id))}) give different outputs");
                return new DecisionResult(results.Entries.Take(1).ToList());
            case HitPolicy.Collect when table.Aggregation != CollectAggregation.None:
                return Aggregate(decision, Result(table, matched, variables));
        }

        return Result(table, matched, variables);
    }

    private static object? Input(DecisionInput input, IReadOnlyDictionary<string, JsonNode?> variables) =>
        input.Expression is FeelName name
            ? FeelValues.FromJson(FeelValues.Lookup(variables, name.Path), input.TypeRef)
            : input.Expression.Value(variables);

    private static bool Matches(DecisionRule rule, object?[] values, IReadOnlyDictionary<string, JsonNode?> variables)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!rule.Tests[i].Matches(values[i], variables))
                return false;
        }

        return true;
    }

    private static DecisionResult Result(DecisionTable table, IEnumerable<DecisionRule> rules, IReadOnlyDictionary<string, JsonNode?> variables) =>
        new([.. rules.Select(rule =>
        {
            var entry = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
            for (var i = 0; i < table.Outputs.Count; i++)
                entry[table.Outputs[i].Name] = FeelValues.ToJson(rule.Outputs[i]?.Value(variables));
            return (IReadOnlyDictionary<string, JsonNode?>)entry;
        })]);

    private static bool SameOutputs(IReadOnlyDictionary<string, JsonNode?> a, IReadOnlyDictionary<string, JsonNode?> b) =>
        a.All(pair => JsonNode.DeepEquals(pair.Value, b[pair.Key]));

    /// <summary>
    /// SUM, MIN, MAX or COUNT over the single output of the matching rules, ignoring empty (null) values as Camunda does;
    /// no match gives no result, except COUNT, which gives 0.
    /// </summary>
    private static DecisionResult Aggregate(Decision decision, DecisionResult collected)
    {
        var name = decision.Table.Outputs[0].Name;
        var values = collected.Entries.Select(e => e[name]).Where(v => v is not null).ToList();
        if (decision.Table.Aggregation == CollectAggregation.Count)
            return Single(name, values.Count);
        if (values.Count == 0)
            return new DecisionResult([]);
        var numbers = values.Select(v => FeelValues.FromJson(v) as decimal?).ToList();
        if (numbers.Any(n => n is null))
            throw new DecisionException(decision.Id,
                $"{decision.Table.Aggregation.ToString().ToUpperInvariant()} needs numbers but output '{name}' gave {values[numbers.FindIndex(n => n is null)]!.ToJsonString()}");
        var total = decision.Table.Aggregation switch
        {
            CollectAggregation.Sum => numbers.Sum(n => n!.Value),
            CollectAggregation.Min => numbers.Min(n => n!.Value),
            _ => numbers.Max(n => n!.Value),
        };
        return Single(name, total);
    }

    private static DecisionResult Single(string name, decimal value) =>
        new([new Dictionary<string, JsonNode?>(StringComparer.Ordinal) { [name] = JsonValue.Create(value) }]);
}
