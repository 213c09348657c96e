namespace DocBpm.Engine.Expressions;

/// <summary>
/// The '=' convention of BPMN attributes: a value that starts with '=' is JavaScript, anything else is a literal
/// (so analysts can type <c>chuyenvien1</c> or <c>=document.mainHandler</c>).
/// </summary>
public static class ExpressionText
{
    public static bool IsExpression(string? value) => value is { Length: > 1 } && value[0] == '=';

    public static string Body(string value) => IsExpression(value) ? value[1..] : value;
}
