using System.Diagnostics;
using DocBpm.Engine.Decisions;
using static DocBpm.Engine.Tests.Decisions.Dmn;

namespace DocBpm.Engine.Tests.Decisions;

/// <summary>Reading DMN files: the shapes a modeler writes, and the hostile or broken ones refused before anything runs.</summary>
[TestClass]
public sealed class DmnReaderTests
{
    [TestMethod]
    public void Dmn13_file_with_several_decisions_reads_each_with_its_hit_policy_and_columns()
    {
        var xml = Definitions(Decision("a", "FIRST", [("x", "number")], [("y", "string")], [["1", "\"one\""]])
            + Decision("b", "COLLECT", [("x", "number"), ("z", "string")], [("n", "number")], [["-", "-", "1"]], "SUM"));
        var decisions = DmnReader.ParseValid(xml);
        Assert.AreEqual(2, decisions.Count);
        Assert.AreEqual(HitPolicy.First, decisions[0].Table.HitPolicy);
        Assert.AreEqual(CollectAggregation.Sum, decisions[1].Table.Aggregation);
        Assert.AreEqual(2, decisions[1].Table.Inputs.Count);
        Assert.AreEqual("Decision a", decisions[0].Name);
    }

    [TestMethod]
    [DataRow("http://www.omg.org/spec/DMN/20180521/MODEL/")]
    [DataRow("http://www.omg.org/spec/DMN/20151101/dmn.xsd")]
    public void Dmn_1_1_and_1_2_files_of_older_modelers_read_like_1_3(string ns)
    {
        var xml = Table("UNIQUE", [("x", "number")], [("y", "number")], [["1", "2"]]).Replace("https://www.omg.org/spec/DMN/20191111/MODEL/", ns);
        Assert.IsTrue(DmnReader.LooksLikeDmn(xml));
        Assert.AreEqual("d", DmnReader.ParseValid(xml).Single().Id);
    }

    [TestMethod]
    public void Dmn_file_with_a_DTD_is_refused_without_expanding_entities()
    {
        var xml = """<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x "xxxxxxxxxx"><!ENTITY y "&x;&x;&x;&x;&x;">]>"""
            + """<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"><decision id="d">&y;</decision></definitions>""";
        var result = DmnReader.Parse(xml);
        Assert.IsFalse(result.IsValid);
        StringAssert.Contains(result.Errors.Single().Message, "not well-formed XML");
    }

    [TestMethod]
    public void Dmn_decision_that_is_not_a_table_is_refused_naming_it()
    {
        var xml = Definitions("""<decision id="literal"><literalExpression><text>1 + 1</text></literalExpression></decision>""");
        var error = DmnReader.Parse(xml).Errors.Single();
        Assert.AreEqual("literal", error.ElementId);
        StringAssert.Contains(error.MessageVi, "decisionTable");
    }

    [TestMethod]
    public void Dmn_rule_with_too_few_cells_or_a_number_output_holding_text_is_refused_naming_the_rule()
    {
        var xml = Definitions(Decision("d", "UNIQUE", [("x", "number"), ("z", "number")], [("y", "integer")],
            [["1", "2", "3"], ["1", "2", "\"three\""], ["1"]]));
        var errors = DmnReader.Parse(xml).Errors;
        CollectionAssert.AreEqual(new[] { "d_r2", "d_r3" }, errors.Select(e => e.ElementId).ToArray());
    }

    [TestMethod]
    public void Dmn_bpmn_file_or_empty_definitions_is_not_a_decision_file()
    {
        Assert.IsFalse(DmnReader.Parse(DocBpm.Engine.Tests.Runtime.Bpmn.Process("<bpmn:startEvent id=\"s\"/>")).IsValid);
        var empty = DmnReader.Parse(Definitions(""));
        StringAssert.Contains(empty.Errors.Single().Message, "no decision");
    }

    [TestMethod]
    public void Dmn_table_over_the_rule_cap_is_refused()
    {
        var rules = Enumerable.Range(0, DmnReader.MaxRules + 1).Select(i => new[] { i.ToString(System.Globalization.CultureInfo.InvariantCulture), "1" }).ToArray();
        var result = DmnReader.Parse(Table("FIRST", [("x", "number")], [("y", "number")], rules));
        StringAssert.Contains(result.Errors.Single().Message, $"more than {DmnReader.MaxRules} rules");
    }

    [TestMethod]
    public void Dmn_cell_longer_than_the_cap_is_refused()
    {
        var result = DmnReader.Parse(Table("FIRST", [("x", "string")], [("y", "number")], [[$"\"{new string('a', FeelParser.MaxCellLength)}\"", "1"]]));
        StringAssert.Contains(result.Errors.Single().Message, "longer than");
    }

    [TestMethod]
    public void Dmn_large_table_within_the_caps_reads_and_evaluates_each_within_one_second()
    {
        // Every rule tests 5 inputs with 20-item lists and matches at the last item: the most cell work a file under
        // the size limit can ask for, in this shape.
        var list = string.Join(",", Enumerable.Range(0, 20));
        var inputs = Enumerable.Range(0, 5).Select(i => ($"x{i}", "number")).ToArray();
        var rules = Enumerable.Range(0, DmnReader.MaxRules).Select(_ => inputs.Select(_ => list).Append("1").ToArray()).ToArray();
        var xml = Table("COLLECT", inputs, [("y", "number")], rules, "SUM");
        var variables = Variables([.. inputs.Select(i => (i.Item1, (object?)19))]);
        // Processor time, not the wall clock: the claim is about the work, and a shared build machine stalls threads.
        var (decision, reading) = CpuTime(() => Read(xml));
        var (result, evaluating) = CpuTime(() => DecisionEvaluator.Evaluate(decision, variables));
        Assert.AreEqual($"{DmnReader.MaxRules}", result.Values("y").Single());
        Assert.IsTrue(reading < TimeSpan.FromSeconds(1), $"reading took {reading}");
        Assert.IsTrue(evaluating < TimeSpan.FromSeconds(1), $"evaluating took {evaluating}");
    }

    private static (T Result, TimeSpan Cpu) CpuTime<T>(Func<T> work)
    {
        using var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        var result = work();
        process.Refresh();
        return (result, process.TotalProcessorTime - before);
    }
}
