using System.Text.Json.Nodes;
using DocBpm.Engine.Expressions;

namespace DocBpm.Engine.Tests.Expressions;

[TestClass]
public sealed class JavaScriptSandboxTests
{
    private readonly JavaScriptSandbox sandbox = new(new SandboxLimits(TimeSpan.FromSeconds(1), 10_000, 8 * 1024 * 1024, 32));

    private static Dictionary<string, JsonNode?> Vars(string json) =>
        JsonNode.Parse(json)!.AsObject().ToDictionary(p => p.Key, p => p.Value?.DeepClone());

    [TestMethod]
    public void Expressions_see_variables_as_json_and_return_json()
    {
        var result = sandbox.Evaluate("({ count: units.length, first: units[0].name, due: deadline })",
            Vars("""{"units":[{"name":"Phòng TCCB"},{"name":"Văn phòng"}],"deadline":"2026-12-01"}"""));

        Assert.AreEqual("""{"count":2,"first":"Phòng TCCB","due":"2026-12-01"}""", result!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [TestMethod]
    public void Scripts_write_back_the_globals_they_change_and_nothing_else()
    {
        var written = new Dictionary<string, JsonNode?>();

        sandbox.RunScript("total = total + 1; note = 'đã xử lý'; var temp = 5; function helper() {}",
            Vars("""{"total":1,"untouched":true}"""), (name, value) => written[name] = value);

        CollectionAssert.AreEquivalent(new[] { "total", "note", "temp" }, written.Keys.ToArray());
        Assert.AreEqual(2, (int)written["total"]!);
    }

    [TestMethod]
    public void A_catastrophic_regular_expression_is_stopped_by_the_regex_limit_not_the_script_timeout()
    {
        var error = Assert.ThrowsExactly<ExpressionException>(() =>
            sandbox.Evaluate("/^(a+)+$/.test('a'.repeat(40) + '!')", new Dictionary<string, JsonNode?>()));

        StringAssert.Contains(error.Message, "regular expression time limit exceeded");
        Assert.AreEqual(new SandboxLimits(TimeSpan.FromSeconds(1), 1, 1, 1).RegexTimeout,
            ((System.Text.RegularExpressions.RegexMatchTimeoutException)error.InnerException!).MatchTimeout, "the regex ran under the sandbox's own limit");
    }

    [TestMethod]
    public void An_array_past_the_size_limit_is_refused_before_it_is_allocated()
    {
        var error = Assert.ThrowsExactly<ExpressionException>(() =>
            sandbox.Evaluate("new Array(2 ** 28).fill(0).length", new Dictionary<string, JsonNode?>()));

        Assert.IsNotNull(error.InnerException);
    }

    [TestMethod]
    [DataRow("'x'.repeat(2 ** 28)")]
    [DataRow("'x'.padEnd(2 ** 28, 'y')")]
    [DataRow("'x'.padStart(2 ** 28)")]
    [DataRow("''.concat('x'.repeat(600000), 'y'.repeat(600000))")]
    [DataRow("new Array(1000).fill('x'.repeat(1000)).join('-')")]
    public void Issue16_a_string_past_the_cap_is_refused_quickly_before_it_is_built(string script)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();

        var error = Assert.ThrowsExactly<ExpressionException>(() => sandbox.Evaluate(script, new Dictionary<string, JsonNode?>()));

        Assert.IsTrue(System.Diagnostics.Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(1), "refused at once");
        Assert.IsTrue(GC.GetAllocatedBytesForCurrentThread() - allocated < 16 * 1024 * 1024, "nothing near the string's size was allocated");
        StringAssert.Contains(error.Reason, "Invalid string length");
    }

    [TestMethod]
    public void Issue16_strings_up_to_the_cap_are_built_and_a_script_may_catch_the_refusal()
    {
        var empty = new Dictionary<string, JsonNode?>();

        Assert.AreEqual(1_000_000, (int)sandbox.Evaluate("'x'.repeat(1000000).length", empty)!);
        Assert.AreEqual("a-b-c", (string?)sandbox.Evaluate("['a', 'b', 'c'].join('-')", empty));
        Assert.AreEqual("a,1,", (string?)sandbox.Evaluate("['a', 1, null].join()", empty));
        Assert.AreEqual("0042", (string?)sandbox.Evaluate("'42'.padStart(4, '0')", empty));
        Assert.AreEqual("too long", (string?)sandbox.Evaluate("try { 'x'.repeat(2 ** 28) } catch (e) { e instanceof RangeError ? 'too long' : 'other' }", empty));
    }

    [TestMethod]
    public void Scripts_have_no_access_to_dotnet()
    {
        foreach (var escape in new[] { "System.IO.File.ReadAllText('/etc/passwd')", "importNamespace('System')", "clr" })
        {
            var error = Assert.ThrowsExactly<ExpressionException>(() => sandbox.Evaluate(escape, new Dictionary<string, JsonNode?>()));
            StringAssert.Contains(error.Reason, "not defined");
        }
    }

    [TestMethod]
    public void Endless_and_greedy_scripts_are_stopped_with_a_clear_reason()
    {
        var loop = Assert.ThrowsExactly<ExpressionException>(() => sandbox.Evaluate("while(true){}", new Dictionary<string, JsonNode?>()));
        var recursion = Assert.ThrowsExactly<ExpressionException>(() => sandbox.Evaluate("(function f(){ return f(); })()", new Dictionary<string, JsonNode?>()));
        var memory = Assert.ThrowsExactly<ExpressionException>(() => sandbox.Evaluate("let a = []; for (let i = 0; i < 9000; i++) a.push('x'.repeat(10000)); a.length", new Dictionary<string, JsonNode?>()));

        StringAssert.Contains(loop.Reason, "limit");
        StringAssert.Contains(recursion.Reason, "recursion");
        StringAssert.Contains(memory.Reason, "memory");
    }

    [TestMethod]
    public void Syntax_errors_say_so()
    {
        var error = Assert.ThrowsExactly<ExpressionException>(() => sandbox.Evaluate("a ===", new Dictionary<string, JsonNode?>()));

        StringAssert.Contains(error.Reason, "syntax error");
    }
}
