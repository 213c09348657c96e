using DocBpm.Engine.Decisions;
using static DocBpm.Engine.Tests.Decisions.Dmn;

namespace DocBpm.Engine.Tests.Decisions;

/// <summary>What a decision table gives when several of its rules match, one hit policy each.</summary>
[TestClass]
public sealed class HitPolicyTests
{
    /// <summary>Fees by amount: two overlapping rows (at 100 both match) and a catch-all last row.</summary>
    private static string Fees(string hitPolicy, string? aggregation = null) => Table(hitPolicy, [("amount", "number")], [("fee", "number")],
        [["<= 100", "5"], ["[100..1000]", "20"], ["-", "50"]], aggregation);

    [TestMethod]
    public void Dmn13_hit_policy_UNIQUE_gives_the_one_matching_rule()
    {
        var xml = Table("UNIQUE", [("amount", "number")], [("fee", "number")], [["< 100", "5"], ["[100..1000]", "20"]]);
        CollectionAssert.AreEqual(new[] { "20" }, Evaluate(xml, ("amount", 100)).Values("fee"));
        Assert.AreEqual(0, Evaluate(xml, ("amount", 5000)).Entries.Count);
    }

    [TestMethod]
    public void Dmn13_hit_policy_UNIQUE_with_two_matching_rules_is_an_error_naming_them()
    {
        var error = Assert.ThrowsExactly<DecisionException>(() => Evaluate(Fees("UNIQUE"), ("amount", 100)));
        StringAssert.Contains(error.Message, "UNIQUE");
        StringAssert.Contains(error.Message, "d_r1, d_r2, d_r3");
        Assert.AreEqual("d", error.DecisionId);
    }

    [TestMethod]
    public void Dmn13_hit_policy_FIRST_gives_the_first_matching_rule_in_table_order()
    {
        CollectionAssert.AreEqual(new[] { "5" }, Evaluate(Fees("FIRST"), ("amount", 100)).Values("fee"));
        CollectionAssert.AreEqual(new[] { "20" }, Evaluate(Fees("FIRST"), ("amount", 101)).Values("fee"));
        CollectionAssert.AreEqual(new[] { "50" }, Evaluate(Fees("FIRST"), ("amount", 1001)).Values("fee"));
    }

    [TestMethod]
    public void Dmn13_hit_policy_ANY_gives_one_result_when_the_matching_rules_agree()
    {
        var xml = Table("ANY", [("amount", "number")], [("approver", "string")],
            [["> 1000", "\"GiamDoc\""], ["> 5000", "\"GiamDoc\""], ["<= 1000", "\"TruongPhong\""]]);
        CollectionAssert.AreEqual(new[] { "\"GiamDoc\"" }, Evaluate(xml, ("amount", 6000)).Values("approver"));
    }

    [TestMethod]
    public void Dmn13_hit_policy_ANY_with_disagreeing_rules_is_an_error()
    {
        var error = Assert.ThrowsExactly<DecisionException>(() => Evaluate(Fees("ANY"), ("amount", 100)));
        StringAssert.Contains(error.Message, "ANY");
    }

    [TestMethod]
    public void Dmn13_hit_policy_COLLECT_gives_every_matching_rule()
    {
        CollectionAssert.AreEqual(new[] { "5", "20", "50" }, Evaluate(Fees("COLLECT"), ("amount", 100)).Values("fee"));
        CollectionAssert.AreEqual(new[] { "50" }, Evaluate(Fees("COLLECT"), ("amount", 1001)).Values("fee"));
    }

    [TestMethod]
    public void Dmn13_hit_policy_RULE_ORDER_gives_every_matching_rule_in_table_order()
    {
        var xml = Table("RULE ORDER", [("amount", "number")], [("fee", "number")], [["-", "1"], ["> 10", "2"], ["-", "3"]]);
        CollectionAssert.AreEqual(new[] { "1", "2", "3" }, Evaluate(xml, ("amount", 11)).Values("fee"));
        CollectionAssert.AreEqual(new[] { "1", "3" }, Evaluate(xml, ("amount", 10)).Values("fee"));
    }

    [TestMethod]
    [DataRow("SUM", 100, "75")]
    [DataRow("MIN", 100, "5")]
    [DataRow("MAX", 100, "50")]
    [DataRow("COUNT", 100, "3")]
    [DataRow("SUM", 1001, "50")]
    [DataRow("COUNT", 1001, "1")]
    public void Dmn13_hit_policy_COLLECT_with_an_aggregation_gives_one_value(string aggregation, int amount, string expected) =>
        CollectionAssert.AreEqual(new[] { expected }, Evaluate(Fees("COLLECT", aggregation), ("amount", amount)).Values("fee"));

    [TestMethod]
    public void Dmn13_COLLECT_aggregation_ignores_empty_outputs_and_counts_zero_when_nothing_matches()
    {
        var xml = Table("COLLECT", [("n", "number")], [("v", "number")], [["> 0", "4"], ["> 0", ""], ["> 5", "6"]], "SUM");
        CollectionAssert.AreEqual(new[] { "4" }, Evaluate(xml, ("n", 1)).Values("v"));
        Assert.AreEqual(0, Evaluate(xml, ("n", 0)).Entries.Count);
        var count = Table("COLLECT", [("n", "number")], [("v", "number")], [["> 0", "4"]], "COUNT");
        CollectionAssert.AreEqual(new[] { "0" }, Evaluate(count, ("n", 0)).Values("v"));
    }

    [TestMethod]
    public void Dmn13_COLLECT_SUM_of_text_outputs_is_an_error()
    {
        var xml = Table("COLLECT", [("n", "number")], [("v", "string")], [["-", "\"a\""]], "SUM");
        StringAssert.Contains(Assert.ThrowsExactly<DecisionException>(() => Evaluate(xml, ("n", 1))).Message, "SUM needs numbers");
    }

    [TestMethod]
    [DataRow("PRIORITY", null, "PRIORITY")]
    [DataRow("OUTPUT ORDER", null, "OUTPUT ORDER")]
    [DataRow("FIRST", "SUM", "COLLECT")]
    [DataRow("COLLECT", "AVG", "AVG")]
    public void Dmn13_hit_policies_outside_the_subset_are_refused_at_deploy(string hitPolicy, string? aggregation, string named)
    {
        var result = DmnReader.Parse(Table(hitPolicy, [("n", "number")], [("v", "number")], [["-", "1"]], aggregation));
        Assert.IsFalse(result.IsValid);
        Assert.AreEqual("d", result.Errors.Single().ElementId);
        StringAssert.Contains(result.Errors.Single().MessageVi, named);
    }

    [TestMethod]
    public void Dmn13_COLLECT_aggregation_over_two_outputs_is_refused_at_deploy()
    {
        var result = DmnReader.Parse(Table("COLLECT", [("n", "number")], [("a", "number"), ("b", "number")], [["-", "1", "2"]], "MAX"));
        StringAssert.Contains(result.Errors.Single().Message, "exactly one output");
    }
}
