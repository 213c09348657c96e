using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DocBpm.Engine.Decisions;

/// <summary>
/// The values the FEEL subset compares: numbers (decimal), strings, booleans, dates (<see cref="DateOnly"/>) and null.
/// Objects and arrays pass through untouched; only "-" matches them.
/// </summary>
public static class FeelValues
{
    /// <summary>A variable's JSON as a FEEL value; a string is read as a date when the column's type is <c>date</c>.</summary>
    public static object? FromJson(JsonNode? node, string? typeRef = null)
    {
        if (node is not JsonValue value)
            return node;
        switch (value.GetValueKind())
        {
            case JsonValueKind.Number:
                return value.TryGetValue<decimal>(out var number) ? number : (decimal)value.GetValue<double>();
            case JsonValueKind.True or JsonValueKind.False:
                return value.GetValue<bool>();
            case JsonValueKind.String:
                var text = value.GetValue<string>();
                return typeRef == "date" && TryDate(text, out var date) ? date : text;
            default:
                return null;
        }
    }

    public static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        decimal number => JsonValue.Create(number),
        bool flag => JsonValue.Create(flag),
        string text => JsonValue.Create(text),
        DateOnly date => JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        JsonNode node => node.DeepClone(),
        _ => JsonValue.Create(value.ToString()),
    };

    /// <summary>The order of two values of one kind; null when FEEL cannot compare them (a string against a number).</summary>
    public static int? Compare(object? left, object? right) => (left, right) switch
    {
        (decimal a, decimal b) => a.CompareTo(b),
        (string a, string b) => string.CompareOrdinal(a, b),
        (DateOnly a, DateOnly b) => a.CompareTo(b),
        (bool a, bool b) => a == b ? 0 : null,
        _ => null,
    };

    public static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Reads a value under a dotted path ("applicant.age") from the variables.</summary>
    public static JsonNode? Lookup(IReadOnlyDictionary<string, JsonNode?> variables, IReadOnlyList<string> path)
    {
        var node = variables.GetValueOrDefault(path[0]);
        for (var i = 1; i < path.Count && node is not null; i++)
            node = node is JsonObject o ? o[path[i]] : null;
        return node;
    }
}
