using DocBpm.Engine.Model;

namespace DocBpm.Engine.Decisions;

/// <summary>A DMN decision whose logic is a decision table: the unit a business-rule task evaluates.</summary>
public sealed record Decision(string Id, string? Name, DecisionTable Table, SourceLocation Location);

/// <summary>
/// A DMN 1.3 decision table: the inputs each rule tests, the outputs it gives, and the hit policy deciding what a set
/// of matching rules yields.
/// </summary>
public sealed record DecisionTable(
    HitPolicy HitPolicy,
    CollectAggregation Aggregation,
    IReadOnlyList<DecisionInput> Inputs,
    IReadOnlyList<DecisionOutput> Outputs,
    IReadOnlyList<DecisionRule> Rules);

/// <summary>An input column: the value under test (a variable name or a dotted path) and its type.</summary>
public sealed record DecisionInput(string Id, string? Label, FeelTerm Expression, string? TypeRef);

/// <summary>An output column: the name its value is given in the result, and its type.</summary>
public sealed record DecisionOutput(string Id, string Name, string? TypeRef);

/// <summary>One row: a unary test per input and an output entry per output (null: the entry is empty).</summary>
public sealed record DecisionRule(string Id, int Line, IReadOnlyList<UnaryTest> Tests, IReadOnlyList<FeelTerm?> Outputs);

public enum HitPolicy
{
    /// <summary>At most one rule may match; two matching rules are an error of the table.</summary>
    Unique,

    /// <summary>The first matching rule in table order.</summary>
    First,

    /// <summary>Several rules may match if they give the same outputs.</summary>
    Any,

    /// <summary>Every matching rule, in table order (or one aggregated value).</summary>
    Collect,

    /// <summary>Every matching rule, in table order.</summary>
    RuleOrder,
}

/// <summary>The operator a COLLECT table applies to its single output: none, SUM (+), MIN (&lt;), MAX (&gt;), COUNT (#).</summary>
public enum CollectAggregation
{
    None,
    Sum,
    Min,
    Max,
    Count,
}
