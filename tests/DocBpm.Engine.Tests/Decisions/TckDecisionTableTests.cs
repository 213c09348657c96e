using DocBpm.Engine.Decisions;
using static DocBpm.Engine.Tests.Decisions.Dmn;

namespace DocBpm.Engine.Tests.Decisions;

/// <summary>
/// Decision-table cases of the public DMN TCK (github.com/dmn-tck/tck, compliance level 2) within our subset, written
/// by hand from their published shapes: the same columns, rules and expected results, our own file text.
/// </summary>
[TestClass]
public sealed class TckDecisionTableTests
{
    /// <summary>0004-simpletable-U: the approval status from age, risk category and affordability.</summary>
    private static string ApprovalStatus(string hitPolicy) => Table(hitPolicy,
        [("Age", "number"), ("RiskCategory", "string"), ("isAffordable", "boolean")], [("Approval Status", "string")],
        [
            [">=18", "\"Medium\",\"Low\"", "true", "\"Approved\""],
            ["<18", "\"Medium\",\"Low\"", "true", "\"Declined\""],
            ["-", "\"High\"", "-", "\"Declined\""],
            ["-", "-", "false", "\"Declined\""],
        ]);

    [TestMethod]
    [DataRow(18, "Medium", true, "Approved")]
    [DataRow(17, "Medium", true, "Declined")]
    [DataRow(18, "High", true, "Declined")]
    public void Tck_0004_simpletable_U(int age, string risk, bool affordable, string status) =>
        CollectionAssert.AreEqual(new[] { $"\"{status}\"" },
            Evaluate(ApprovalStatus("UNIQUE"), ("Age", age), ("RiskCategory", risk), ("isAffordable", affordable)).Values("Approval Status"));

    /// <summary>0005-simpletable-A: the same table under ANY; rules 3 and 4 overlap and agree.</summary>
    [TestMethod]
    [DataRow(18, "Medium", true, "Approved")]
    [DataRow(17, "Medium", true, "Declined")]
    [DataRow(18, "High", false, "Declined")]
    public void Tck_0005_simpletable_A(int age, string risk, bool affordable, string status) =>
        CollectionAssert.AreEqual(new[] { $"\"{status}\"" },
            Evaluate(ApprovalStatus("ANY"), ("Age", age), ("RiskCategory", risk), ("isAffordable", affordable)).Values("Approval Status"));

    /// <summary>0004-simpletable-U under UNIQUE with overlapping rules 3 and 4: the TCK expects an error (null result).</summary>
    [TestMethod]
    public void Tck_0004_simpletable_U_overlap_is_an_error() =>
        Assert.ThrowsExactly<DecisionException>(() =>
            Evaluate(ApprovalStatus("UNIQUE"), ("Age", 18), ("RiskCategory", "High"), ("isAffordable", false)));

    /// <summary>0008-LX-arithmetic's shape as a table: a collect of the matching rows of a loan, counted and summed.</summary>
    [TestMethod]
    public void Tck_collect_sum_and_count_of_the_matching_rows()
    {
        string Loan(string aggregation) => Table("COLLECT", [("principal", "number"), ("term", "number")], [("points", "number")],
            [["> 500000", "-", "10"], ["[100000..500000]", "-", "5"], ["-", "> 240", "3"], ["-", "<= 240", "1"]], aggregation);
        CollectionAssert.AreEqual(new[] { "13" }, Evaluate(Loan("SUM"), ("principal", 600000), ("term", 360)).Values("points"));
        CollectionAssert.AreEqual(new[] { "2" }, Evaluate(Loan("COUNT"), ("principal", 200000), ("term", 120)).Values("points"));
        CollectionAssert.AreEqual(new[] { "1" }, Evaluate(Loan("MIN"), ("principal", 200000), ("term", 120)).Values("points"));
        CollectionAssert.AreEqual(new[] { "5" }, Evaluate(Loan("MAX"), ("principal", 200000), ("term", 120)).Values("points"));
    }

    /// <summary>0006-simpletable-P1 style, written as FIRST (PRIORITY is outside our subset): the first of several matches.</summary>
    [TestMethod]
    public void Tck_multi_output_row_gives_every_output_of_the_rule()
    {
        var xml = Table("FIRST", [("Age", "number")], [("Approval Status", "string"), ("Rate", "number")],
            [["< 18", "\"Declined\"", "0"], [">= 18", "\"Approved\"", "4.5"]]);
        var result = Evaluate(xml, ("Age", 30));
        Assert.AreEqual("\"Approved\"", result.Values("Approval Status").Single());
        Assert.AreEqual("4.5", result.Values("Rate").Single());
    }
}
