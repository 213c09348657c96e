namespace DocBpm.Engine.Expressions;

/// <summary>A JavaScript expression or script failed: syntax, runtime error, or a sandbox limit.</summary>
public sealed class ExpressionException(string expression, string reason, Exception? inner = null)
    : Exception($"Expression '{Shorten(expression)}' failed: {reason}", inner)
{
    public string Expression { get; } = expression;
    public string Reason { get; } = reason;

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
