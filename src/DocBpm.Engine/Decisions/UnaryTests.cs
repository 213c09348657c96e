using System.Text.Json.Nodes;

namespace DocBpm.Engine.Decisions;

/// <summary>A value in a cell: a literal, or a name that refers to a variable (or a dotted path into one).</summary>
public abstract record FeelTerm
{
    public abstract object? Value(IReadOnlyDictionary<string, JsonNode?> variables);
}

public sealed record FeelLiteral(object? Literal) : FeelTerm
{
    public override object? Value(IReadOnlyDictionary<string, JsonNode?> variables) => Literal;
}

public sealed record FeelName(IReadOnlyList<string> Path) : FeelTerm
{
    public override object? Value(IReadOnlyDictionary<string, JsonNode?> variables) =>
        FeelValues.FromJson(FeelValues.Lookup(variables, Path));

    public override string ToString() => string.Join('.', Path);
}

/// <summary>An input entry: whether the input's value passes it. Comparisons with null, or across kinds, fail.</summary>
public abstract record UnaryTest
{
    public abstract bool Matches(object? value, IReadOnlyDictionary<string, JsonNode?> variables);
}

/// <summary>"-" (or an empty cell): any value.</summary>
public sealed record AnyValue : UnaryTest
{
    public static AnyValue Instance { get; } = new();

    public override bool Matches(object? value, IReadOnlyDictionary<string, JsonNode?> variables) => true;
}

/// <summary>A bare endpoint: the value equals it (<c>null</c> matches a missing value).</summary>
public sealed record EqualTo(FeelTerm Term) : UnaryTest
{
    public override bool Matches(object? value, IReadOnlyDictionary<string, JsonNode?> variables) =>
        Term.Value(variables) is var expected && (expected is null ? value is null : FeelValues.Compare(value, expected) == 0);
}

public enum Comparison
{
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

/// <summary><c>&lt; 10</c>, <c>&lt;= 10</c>, <c>&gt; 10</c>, <c>&gt;= 10</c>.</summary>
public sealed record Compared(Comparison Operator, FeelTerm Term) : UnaryTest
{
    public override bool Matches(object? value, IReadOnlyDictionary<string, JsonNode?> variables) =>
        FeelValues.Compare(value, Term.Value(variables)) is { } order && Operator switch
        {
            Comparison.Less => order < 0,
            Comparison.LessOrEqual => order <= 0,
            Comparison.Greater => order > 0,
            _ => order >= 0,
        };
}

/// <summary><c>[1..10]</c> closed, <c>(1..10)</c> or <c>]1..10[</c> open, at either end.</summary>
public sealed record InRange(FeelTerm Low, bool LowIncluded, FeelTerm High, bool HighIncluded) : UnaryTest
{
    public override bool Matches(object? value, IReadOnlyDictionary<string, JsonNode?> variables) =>
        FeelValues.Compare(value, Low.Value(variables)) is { } low && (LowIncluded ? low >= 0 : low > 0)
        && FeelValues.Compare(value, High.Value(variables)) is { } high && (HighIncluded ? high <= 0 : high < 0);
}

/// <summary><c>a, b, c</c>: any of the tests.</summary>
public sealed record AnyOf(IReadOnlyList<UnaryTest> Tests) : UnaryTest
{
    public override bool Matches(object? value, IReadOnlyDictionary<string, JsonNode?> variables) =>
        Tests.Any(t => t.Matches(value, variables));
}

/// <summary><c>not(a, b)</c>: none of the tests.</summary>
public sealed record NoneOf(AnyOf Tests) : UnaryTest
{
    public override bool Matches(object? value, IReadOnlyDictionary<string, JsonNode?> variables) =>
        !Tests.Matches(value, variables);
}
