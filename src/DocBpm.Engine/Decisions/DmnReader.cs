using System.Xml.Linq;
using DocBpm.Engine.Model;

namespace DocBpm.Engine.Decisions;

/// <summary>The decisions of a DMN file and every problem found in it; nothing is evaluated from a file with problems.</summary>
public sealed record DmnParseResult(IReadOnlyList<Decision> Decisions, IReadOnlyList<BpmnValidationError> Errors)
{
    public bool IsValid => Errors.Count == 0 && Decisions.Count > 0;
}

/// <summary>
/// Reads DMN 1.3 decision tables (1.1 and 1.2 files too: the elements used here did not change), hardened like the BPMN
/// reader: no DTD, size and depth limits, and caps on decisions, rules and columns. Each cell is parsed here, at deploy,
/// so a malformed table is refused naming its element and line, and evaluation never meets a syntax error.
/// </summary>
public static class DmnReader
{
    public const int MaxDecisions = 100;
    public const int MaxRules = 5000;
    public const int MaxColumns = 100;

    private static readonly HashSet<XNamespace> Namespaces =
    [
        "https://www.omg.org/spec/DMN/20191111/MODEL/",
        "http://www.omg.org/spec/DMN/20180521/MODEL/",
        "http://www.omg.org/spec/DMN/20151101/dmn.xsd",
    ];

    private static readonly HashSet<string> NumberTypes = new(StringComparer.Ordinal) { "number", "integer", "long", "double" };

    /// <summary>Whether a file's root is a DMN definitions element, so a deploy can tell DMN from BPMN by content.</summary>
    public static bool LooksLikeDmn(string xml)
    {
        var head = xml.AsSpan(0, Math.Min(xml.Length, 4096));
        foreach (var ns in Namespaces)
            if (head.Contains(ns.NamespaceName.AsSpan(), StringComparison.Ordinal))
                return true;
        return false;
    }

    public static DmnParseResult Parse(string xml)
    {
        xml = BpmnText.WithoutByteOrderMark(xml);
        var errors = new List<BpmnValidationError>();
        if (BpmnParser.LoadSafely(xml, errors) is not { } document)
            return new DmnParseResult([], errors);
        var root = document.Root!;
        var dmn = root.Name.Namespace;
        if (!Namespaces.Contains(dmn) || root.Name.LocalName != "definitions")
        {
            errors.Add(new(null, BpmnParser.Line(root), "the root element is not a DMN 1.3 definitions element",
                "phần tử gốc không phải definitions của DMN 1.3"));
            return new DmnParseResult([], errors);
        }

        var elements = root.Elements(dmn + "decision").ToList();
        if (elements.Count == 0)
            errors.Add(new(null, BpmnParser.Line(root), "the file has no decision", "tệp không có quyết định (decision) nào"));
        if (elements.Count > MaxDecisions)
        {
            errors.Add(new(null, BpmnParser.Line(root), $"the file has more than {MaxDecisions} decisions",
                $"tệp có quá {MaxDecisions} quyết định"));
            return new DmnParseResult([], errors);
        }

        var decisions = new List<Decision>();
        foreach (var element in elements)
        {
            if (new TableReader(dmn, element, errors).Read() is { } decision)
            {
                if (decisions.Any(d => d.Id == decision.Id))
                    errors.Add(new(decision.Id, decision.Location.Line, $"duplicate decision id '{decision.Id}'", $"mã quyết định '{decision.Id}' bị trùng"));
                else
                    decisions.Add(decision);
            }
        }

        return new DmnParseResult(decisions, errors);
    }

    /// <summary>Parses a file that must be valid; throws <see cref="BpmnValidationException"/> listing every problem.</summary>
    public static IReadOnlyList<Decision> ParseValid(string xml)
    {
        var result = Parse(xml);
        return result.IsValid ? result.Decisions : throw new BpmnValidationException(result.Errors, "Bảng quyết định không hợp lệ");
    }

    private sealed class TableReader(XNamespace dmn, XElement decision, List<BpmnValidationError> errors)
    {
        private readonly int errorsBefore = errors.Count;

        public Decision? Read()
        {
            var id = (string?)decision.Attribute("id");
            if (string.IsNullOrWhiteSpace(id))
            {
                Error(decision, null, "the decision has no id", "quyết định chưa có mã (id)");
                return null;
            }

            var table = decision.Element(dmn + "decisionTable");
            if (table is null)
            {
                Error(decision, id, "only decisions whose logic is a decision table are supported",
                    "chỉ hỗ trợ quyết định dạng bảng quyết định (decisionTable)");
                return null;
            }

            var (hitPolicy, aggregation) = ReadHitPolicy(table, id);
            var inputs = table.Elements(dmn + "input").Select(i => ReadInput(i, id)).ToList();
            var outputs = table.Elements(dmn + "output").Select(ReadOutput).ToList();
            if (outputs.Count == 0)
                Error(table, id, "the decision table has no output", "bảng quyết định chưa có cột kết quả (output)");
            if (inputs.Count > MaxColumns || outputs.Count > MaxColumns)
                Error(table, id, $"the decision table has more than {MaxColumns} inputs or outputs", $"bảng quyết định có quá {MaxColumns} cột");
            if (aggregation != CollectAggregation.None && outputs.Count != 1)
                Error(table, id, "a COLLECT table with an aggregation has exactly one output",
                    "bảng COLLECT có phép gộp (SUM, MIN, MAX, COUNT) phải có đúng một cột kết quả");
            var ruleElements = table.Elements(dmn + "rule").ToList();
            if (ruleElements.Count > MaxRules)
            {
                Error(table, id, $"the decision table has more than {MaxRules} rules", $"bảng quyết định có quá {MaxRules} quy tắc");
                return null;
            }

            var rules = ruleElements.Select((r, n) => ReadRule(r, n, inputs, outputs)).ToList();
            if (errors.Count > errorsBefore)
                return null;
            return new Decision(id, (string?)decision.Attribute("name"),
                new DecisionTable(hitPolicy, aggregation, [.. inputs.OfType<DecisionInput>()], outputs, rules), new SourceLocation(BpmnParser.Line(decision), 0));
        }

        private (HitPolicy, CollectAggregation) ReadHitPolicy(XElement table, string id)
        {
            var text = ((string?)table.Attribute("hitPolicy") ?? "UNIQUE").Trim();
            HitPolicy? policy = text switch
            {
                "UNIQUE" => HitPolicy.Unique,
                "FIRST" => HitPolicy.First,
                "ANY" => HitPolicy.Any,
                "COLLECT" => HitPolicy.Collect,
                "RULE ORDER" => HitPolicy.RuleOrder,
                _ => null,
            };
            if (policy is null)
                Error(table, id, $"hit policy '{text}' is not supported (UNIQUE, FIRST, ANY, COLLECT, RULE ORDER)",
                    $"chính sách chọn quy tắc '{text}' không được hỗ trợ (UNIQUE, FIRST, ANY, COLLECT, RULE ORDER)");
            var aggregationText = ((string?)table.Attribute("aggregation"))?.Trim();
            CollectAggregation? aggregation = aggregationText switch
            {
                null or "" => CollectAggregation.None,
                "SUM" => CollectAggregation.Sum,
                "MIN" => CollectAggregation.Min,
                "MAX" => CollectAggregation.Max,
                "COUNT" => CollectAggregation.Count,
                _ => null,
            };
            if (aggregation is null)
                Error(table, id, $"aggregation '{aggregationText}' is not SUM, MIN, MAX or COUNT", $"phép gộp '{aggregationText}' phải là SUM, MIN, MAX hoặc COUNT");
            else if (aggregation != CollectAggregation.None && policy != HitPolicy.Collect)
                Error(table, id, "an aggregation needs the COLLECT hit policy", "phép gộp chỉ dùng với chính sách COLLECT");
            return (policy ?? HitPolicy.Unique, aggregation ?? CollectAggregation.None);
        }

        private DecisionInput? ReadInput(XElement input, string decisionId)
        {
            var id = (string?)input.Attribute("id") ?? decisionId;
            var expression = input.Element(dmn + "inputExpression");
            var term = Cell(expression?.Element(dmn + "text") ?? expression ?? input, id, FeelParser.ParseTerm, "input expression");
            if (term is null)
            {
                Error(input, id, "the input has no expression naming the value it tests", "cột điều kiện chưa có biểu thức đầu vào (inputExpression)");
                return null;
            }

            return new DecisionInput(id, (string?)input.Attribute("label"), term, (string?)expression?.Attribute("typeRef"));
        }

        private DecisionOutput ReadOutput(XElement output)
        {
            var id = (string?)output.Attribute("id") ?? "";
            var name = (string?)output.Attribute("name");
            return new DecisionOutput(id, string.IsNullOrWhiteSpace(name) ? id : name, (string?)output.Attribute("typeRef"));
        }

        private DecisionRule ReadRule(XElement rule, int index, List<DecisionInput?> inputs, List<DecisionOutput> outputs)
        {
            var id = (string?)rule.Attribute("id") ?? $"rule {index + 1}";
            var inputEntries = rule.Elements(dmn + "inputEntry").ToList();
            var outputEntries = rule.Elements(dmn + "outputEntry").ToList();
            if (inputEntries.Count != inputs.Count || outputEntries.Count != outputs.Count)
                Error(rule, id, $"the rule has {inputEntries.Count} input and {outputEntries.Count} output entries; the table has {inputs.Count} and {outputs.Count} columns",
                    $"quy tắc có {inputEntries.Count} ô điều kiện và {outputEntries.Count} ô kết quả, trong khi bảng có {inputs.Count} và {outputs.Count} cột");
            var tests = inputEntries.Select(e => Cell(e.Element(dmn + "text") ?? e, id, FeelParser.ParseUnaryTests, "input entry") ?? AnyValue.Instance).ToList();
            var results = outputEntries.Select((e, n) => OutputEntry(e, id, n < outputs.Count ? outputs[n] : null)).ToList();
            return new DecisionRule(id, BpmnParser.Line(rule), tests, results);
        }

        private FeelTerm? OutputEntry(XElement entry, string ruleId, DecisionOutput? output)
        {
            var term = Cell(entry.Element(dmn + "text") ?? entry, ruleId, FeelParser.ParseTerm, "output entry");
            if (term is FeelLiteral { Literal: not (null or decimal) } literal && output?.TypeRef is { } type && NumberTypes.Contains(type))
                Error(entry, ruleId, $"output '{output.Name}' is a {type} but the entry is '{literal.Literal}'",
                    $"cột kết quả '{output.Name}' có kiểu {type} nhưng ô ghi '{literal.Literal}'");
            return term;
        }

        private T? Cell<T>(XElement text, string id, Func<string?, T?> parse, string what)
            where T : class
        {
            try
            {
                return parse(text.Value);
            }
            catch (FormatException ex)
            {
                Error(text, id, $"{what}: {ex.Message}", $"ô {(what == "output entry" ? "kết quả" : "điều kiện")} không đúng cú pháp FEEL được hỗ trợ: {ex.Message}");
                return null;
            }
        }

        private void Error(XElement element, string? id, string message, string messageVi) =>
            errors.Add(new(id, BpmnParser.Line(element), message, messageVi));
    }
}
