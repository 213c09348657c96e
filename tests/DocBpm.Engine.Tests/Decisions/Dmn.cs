using System.Security;
using System.Text.Json.Nodes;
using DocBpm.Engine.Decisions;

namespace DocBpm.Engine.Tests.Decisions;

/// <summary>Writes small DMN 1.3 files, so that each test shows only its table: inputs, outputs and rows of cells.</summary>
public static class Dmn
{
    public static string Definitions(string decisions) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="defs" name="Tests" namespace="urn:docbpm:tests">
          {decisions}
        </definitions>
        """;

    /// <param name="inputs">Each input's expression and typeRef.</param>
    /// <param name="outputs">Each output's name and typeRef.</param>
    /// <param name="rules">Each rule's cells: the input entries, then the output entries.</param>
    public static string Decision(string id, string hitPolicy, (string Expression, string Type)[] inputs, (string Name, string Type)[] outputs,
        string[][] rules, string? aggregation = null) => $"""
        <decision id="{id}" name="Decision {id}">
          <decisionTable id="{id}_table" hitPolicy="{hitPolicy}"{(aggregation is null ? "" : $" aggregation=\"{aggregation}\"")}>
            {string.Concat(inputs.Select((input, n) => $"""<input id="{id}_in{n}" label="{input.Expression}"><inputExpression id="{id}_ie{n}" typeRef="{input.Type}"><text>{Escape(input.Expression)}</text></inputExpression></input>"""))}
            {string.Concat(outputs.Select((output, n) => $"""<output id="{id}_out{n}" name="{output.Name}" typeRef="{output.Type}"/>"""))}
            {string.Concat(rules.Select((cells, r) => $"""<rule id="{id}_r{r + 1}">{string.Concat(cells.Select((cell, c) => c < inputs.Length
                ? $"<inputEntry id=\"{id}_r{r + 1}_i{c}\"><text>{Escape(cell)}</text></inputEntry>"
                : $"<outputEntry id=\"{id}_r{r + 1}_o{c}\"><text>{Escape(cell)}</text></outputEntry>"))}</rule>"""))}
          </decisionTable>
        </decision>
        """;

    public static string Table(string hitPolicy, (string Expression, string Type)[] inputs, (string Name, string Type)[] outputs,
        string[][] rules, string? aggregation = null, string id = "d") =>
        Definitions(Decision(id, hitPolicy, inputs, outputs, rules, aggregation));

    public static Decision Read(string xml) => DmnReader.ParseValid(xml).Single();

    public static DecisionResult Evaluate(string xml, params (string Name, object? Value)[] variables) =>
        DecisionEvaluator.Evaluate(Read(xml), Variables(variables));

    public static Dictionary<string, JsonNode?> Variables(params (string Name, object? Value)[] variables) =>
        variables.ToDictionary(v => v.Name, v => v.Value is JsonNode node ? node : System.Text.Json.JsonSerializer.SerializeToNode(v.Value));

    /// <summary>Each matching entry's value of <paramref name="output"/>, as JSON text.</summary>
    public static string[] Values(this DecisionResult result, string output) =>
        [.. result.Entries.Select(e => e[output]?.ToJsonString() ?? "null")];

    private static string Escape(string text) => SecurityElement.Escape(text);
}
