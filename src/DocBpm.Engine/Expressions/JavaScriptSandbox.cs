using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Acornima.Ast;
using Jint;
using Jint.Native;
using Jint.Runtime;

namespace DocBpm.Engine.Expressions;

/// <summary>
/// Limits that keep analyst-written JavaScript from hurting the host: no script may cost a request more than a second.
/// A regular expression gets a fraction of that (a catastrophic pattern backtracks inside .NET's regex engine, where the
/// statement and time checks between statements cannot stop it), and arrays and the strings built-ins make are capped
/// because one statement can allocate far past the memory limit, which is only checked between statements. One step of
/// an instance has a budget too, so that a model cycling through scripts stops with an incident instead of running
/// thousands of them.
/// </summary>
public sealed record SandboxLimits(TimeSpan Timeout, int MaxStatements, long MaxMemoryBytes, int MaxRecursion)
{
    public static SandboxLimits Default { get; } = new(TimeSpan.FromSeconds(1), 50_000, 32 * 1024 * 1024, 64);

    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromMilliseconds(250);

    public uint MaxArraySize { get; init; } = 100_000;

    /// <summary>The longest string (UTF-16 code units) <c>repeat</c>, <c>padStart</c>, <c>padEnd</c>, <c>concat</c> and <c>join</c> may build.</summary>
    public int MaxStringLength { get; init; } = 1_000_000;

    /// <summary>Script tasks one step of an instance may run; the next element entered after that raises an incident.</summary>
    public int MaxScriptsPerStep { get; init; } = 1_000;

    /// <summary>Time one step may spend in JavaScript (scripts, expressions, conditions) before it stops the same way.</summary>
    public TimeSpan ScriptTimePerStep { get; init; } = TimeSpan.FromSeconds(10);
}

/// <summary>
/// Evaluates JavaScript with Jint: no CLR access (Jint's default), time, statement, memory and recursion limits.
/// Variables go in as JSON and come out as JSON, so nothing of the host leaks into scripts.
/// </summary>
public sealed class JavaScriptSandbox(SandboxLimits limits)
{
    private readonly ConcurrentDictionary<string, Prepared<Script>> scripts = new(StringComparer.Ordinal);

    public JavaScriptSandbox()
        : this(SandboxLimits.Default)
    {
    }

    public SandboxLimits Limits => limits;

    /// <summary>Evaluates an expression against the visible variables and returns its value as JSON.</summary>
    public JsonNode? Evaluate(string expression, IReadOnlyDictionary<string, JsonNode?> variables) =>
        Run(expression, variables, writeBack: null);

    public bool EvaluateCondition(string expression, IReadOnlyDictionary<string, JsonNode?> variables)
    {
        var value = Evaluate(expression, variables);
        return value is JsonValue v && v.TryGetValue<bool>(out var b) ? b : Truthy(value);
    }

    /// <summary>
    /// Runs a script; globals it assigns (new or changed variables) are reported through <paramref name="writeBack"/>.
    /// </summary>
    public JsonNode? RunScript(string script, IReadOnlyDictionary<string, JsonNode?> variables,
        Action<string, JsonNode?> writeBack) => Run(script, variables, writeBack);

    private JsonNode? Run(string code, IReadOnlyDictionary<string, JsonNode?> variables, Action<string, JsonNode?>? writeBack)
    {
        var prepared = Prepare(code);
        var engine = new Jint.Engine(options =>
        {
            options.TimeoutInterval(limits.Timeout)
                .MaxStatements(limits.MaxStatements)
                .LimitMemory(limits.MaxMemoryBytes)
                .LimitRecursion(limits.MaxRecursion);
            options.Constraints.RegexTimeout = limits.RegexTimeout;
            options.Constraints.MaxArraySize = limits.MaxArraySize;
        });
        StringLengthGuard.Install(engine, limits.MaxStringLength);
        var builtIns = writeBack is null ? null : engine.Global.GetOwnPropertyKeys().Select(k => k.ToString()).ToHashSet();
        try
        {
            var parser = new Jint.Native.Json.JsonParser(engine);
            foreach (var (name, value) in variables)
                engine.SetValue(name, value is null ? JsValue.Null : parser.Parse(value.ToJsonString()));

            var result = engine.Evaluate(prepared);
            if (writeBack is not null)
                WriteBackGlobals(engine, builtIns!, variables, writeBack);
            return ToJson(engine, result);
        }
        catch (JavaScriptException ex)
        {
            throw new ExpressionException(code, ex.Message, ex);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException ex)
        {
            throw new ExpressionException(code, "regular expression time limit exceeded", ex);
        }
        catch (ExecutionCanceledException ex)
        {
            throw new ExpressionException(code, "time limit exceeded", ex);
        }
        catch (TimeoutException ex)
        {
            throw new ExpressionException(code, "time limit exceeded", ex);
        }
        catch (StatementsCountOverflowException ex)
        {
            throw new ExpressionException(code, "statement limit exceeded", ex);
        }
        catch (MemoryLimitExceededException ex)
        {
            throw new ExpressionException(code, "memory limit exceeded", ex);
        }
        catch (RecursionDepthOverflowException ex)
        {
            throw new ExpressionException(code, "recursion limit exceeded", ex);
        }
    }

    private Prepared<Script> Prepare(string code) => scripts.GetOrAdd(code, static c =>
    {
        try
        {
            return Jint.Engine.PrepareScript(c);
        }
        catch (ScriptPreparationException ex)
        {
            throw new ExpressionException(c, "syntax error: " + (ex.InnerException ?? ex).Message, ex);
        }
    });

    private static void WriteBackGlobals(Jint.Engine engine, HashSet<string> builtIns,
        IReadOnlyDictionary<string, JsonNode?> before, Action<string, JsonNode?> writeBack)
    {
        foreach (var key in engine.Global.GetOwnPropertyKeys())
        {
            var name = key.ToString();
            if (builtIns.Contains(name) && !before.ContainsKey(name))
                continue;
            var value = engine.Global.Get(key);
            if (value.IsUndefined() || value is Jint.Native.Function.Function)
                continue;
            var json = ToJson(engine, value);
            before.TryGetValue(name, out var old);
            if (!JsonNode.DeepEquals(old, json))
                writeBack(name, json);
        }
    }

    private static JsonNode? ToJson(Jint.Engine engine, JsValue value)
    {
        if (value.IsUndefined() || value.IsNull())
            return null;
        var text = new Jint.Native.Json.JsonSerializer(engine).Serialize(value);
        return text.IsUndefined() ? null : JsonNode.Parse(text.AsString());
    }

    private static bool Truthy(JsonNode? value) => value switch
    {
        null => false,
        JsonValue v when v.TryGetValue<double>(out var d) => d != 0 && !double.IsNaN(d),
        JsonValue v when v.TryGetValue<string>(out var s) => s.Length > 0,
        _ => true,
    };
}
