using DocBpm.Engine.Decisions;
using static DocBpm.Engine.Tests.Decisions.Dmn;

namespace DocBpm.Engine.Tests.Decisions;

/// <summary>The FEEL unary tests of an input entry, one form each: which values a cell lets through and which it does not.</summary>
[TestClass]
public sealed class UnaryTestTests
{
    private static bool Passes(string entry, object? value, string type = "number", params (string Name, object? Value)[] others)
    {
        var xml = Table("FIRST", [("x", type)], [("hit", "boolean")], [[entry, "true"]]);
        return Evaluate(xml, [("x", value), .. others]).Entries.Count == 1;
    }

    [TestMethod]
    [DataRow("-")]
    [DataRow("")]
    public void Dmn13_unary_test_dash_or_empty_matches_any_value_even_none(string entry)
    {
        Assert.IsTrue(Passes(entry, 5));
        Assert.IsTrue(Passes(entry, "text", "string"));
        Assert.IsTrue(Passes(entry, null));
    }

    [TestMethod]
    public void Dmn13_unary_test_number_literal_matches_an_equal_number_only()
    {
        Assert.IsTrue(Passes("100", 100));
        Assert.IsTrue(Passes("2.50", 2.5));
        Assert.IsTrue(Passes("-3", -3));
        Assert.IsFalse(Passes("100", 101));
        Assert.IsFalse(Passes("100", "100", "string"));
    }

    [TestMethod]
    public void Dmn13_unary_test_string_literal_matches_the_same_text_exactly()
    {
        Assert.IsTrue(Passes("\"Khẩn\"", "Khẩn", "string"));
        Assert.IsFalse(Passes("\"Khẩn\"", "khẩn", "string"));
        Assert.IsTrue(Passes("\"say \\\"hi\\\"\"", "say \"hi\"", "string"));
    }

    [TestMethod]
    public void Dmn13_unary_test_boolean_literal_matches_that_boolean()
    {
        Assert.IsTrue(Passes("true", true, "boolean"));
        Assert.IsFalse(Passes("true", false, "boolean"));
        Assert.IsTrue(Passes("false", false, "boolean"));
        Assert.IsFalse(Passes("false", null, "boolean"));
    }

    [TestMethod]
    public void Dmn13_unary_test_date_literal_compares_with_a_date_input()
    {
        Assert.IsTrue(Passes("date(\"2026-12-06\")", "2026-12-06", "date"));
        Assert.IsTrue(Passes("< date(\"2027-01-01\")", "2026-12-31", "date"));
        Assert.IsFalse(Passes("< date(\"2027-01-01\")", "2027-01-01", "date"));
        Assert.IsTrue(Passes("[date(\"2026-01-01\")..date(\"2026-12-31\")]", "2026-06-15", "date"));
    }

    [TestMethod]
    [DataRow("< 10", 9, true)]
    [DataRow("< 10", 10, false)]
    [DataRow("<= 10", 10, true)]
    [DataRow("<= 10", 11, false)]
    [DataRow("> 10", 11, true)]
    [DataRow("> 10", 10, false)]
    [DataRow(">= 10", 10, true)]
    [DataRow(">= 10", 9, false)]
    public void Dmn13_unary_test_comparison_is_strict_or_not_by_its_operator(string entry, int value, bool passes) =>
        Assert.AreEqual(passes, Passes(entry, value));

    [TestMethod]
    [DataRow("[1..10]", 1, true)]
    [DataRow("[1..10]", 10, true)]
    [DataRow("[1..10]", 11, false)]
    [DataRow("(1..10)", 1, false)]
    [DataRow("(1..10)", 10, false)]
    [DataRow("(1..10)", 5, true)]
    [DataRow("]1..10[", 1, false)]
    [DataRow("]1..10]", 10, true)]
    [DataRow("[1..10[", 10, false)]
    public void Dmn13_unary_test_range_includes_its_ends_by_its_brackets(string entry, int value, bool passes) =>
        Assert.AreEqual(passes, Passes(entry, value));

    [TestMethod]
    public void Dmn13_unary_test_list_matches_any_of_its_tests()
    {
        Assert.IsTrue(Passes("\"A\",\"B\",\"C\"", "B", "string"));
        Assert.IsFalse(Passes("\"A\",\"B\",\"C\"", "D", "string"));
        Assert.IsTrue(Passes("< 0, [10..20], 99", 15));
        Assert.IsTrue(Passes("< 0, [10..20], 99", 99));
        Assert.IsFalse(Passes("< 0, [10..20], 99", 5));
    }

    [TestMethod]
    public void Dmn13_unary_test_not_matches_what_none_of_its_tests_matches()
    {
        Assert.IsFalse(Passes("not(\"A\", \"B\")", "A", "string"));
        Assert.IsTrue(Passes("not(\"A\", \"B\")", "C", "string"));
        Assert.IsTrue(Passes("not([1..5])", 6));
        Assert.IsFalse(Passes("not([1..5])", 3));
    }

    [TestMethod]
    public void Dmn13_unary_test_name_compares_with_another_variable()
    {
        Assert.IsTrue(Passes("<= limit", 100, "number", ("limit", 100)));
        Assert.IsFalse(Passes("<= limit", 101, "number", ("limit", 100)));
        Assert.IsTrue(Passes("[low..policy.high]", 5, "number", ("low", 1), ("policy", new { high = 5 })));
    }

    [TestMethod]
    public void Dmn13_unary_test_null_matches_a_missing_value_and_comparisons_never_do()
    {
        Assert.IsTrue(Passes("null", null));
        Assert.IsFalse(Passes("null", 0));
        Assert.IsFalse(Passes("< 10", null));
        Assert.IsFalse(Passes("[1..10]", null));
        Assert.IsFalse(Passes("< 10", "5", "string"));
    }

    [TestMethod]
    [DataRow(">= ")]
    [DataRow("[1..10")]
    [DataRow("[1 10]")]
    [DataRow("\"open")]
    [DataRow("date(\"06/12/2026\")")]
    [DataRow("amount > 10")]
    [DataRow("not(1")]
    [DataRow("1,")]
    [DataRow("x + 1")]
    public void Dmn13_unary_test_outside_the_subset_is_refused_at_deploy_naming_the_rule(string entry)
    {
        var result = DmnReader.Parse(Table("UNIQUE", [("x", "number")], [("y", "string")], [["1", "\"a\""], [entry, "\"b\""]]));
        Assert.IsFalse(result.IsValid);
        var error = result.Errors.Single();
        Assert.AreEqual("d_r2", error.ElementId);
        Assert.IsTrue(error.Line > 0);
        StringAssert.Contains(error.MessageVi, "FEEL");
    }

    [TestMethod]
    public void Dmn13_output_entry_name_gives_the_variable_it_names()
    {
        var xml = Table("FIRST", [("x", "number")], [("y", "number")], [["> 0", "x"], ["-", "fallback.value"]]);
        Assert.AreEqual("7", Evaluate(xml, ("x", 7)).Values("y").Single());
        Assert.AreEqual("3", Evaluate(xml, ("x", -1), ("fallback", new { value = 3 })).Values("y").Single());
    }
}
