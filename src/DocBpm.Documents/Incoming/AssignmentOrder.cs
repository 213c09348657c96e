namespace DocBpm.Documents.Incoming;

/// <summary>
/// The Director's instruction, or a re-assignment: one main handler, coordinating handlers, for-information recipients
/// and a deadline. A handler is written <c>unit:GDTrH</c> or <c>person:chuyenvien</c>.
/// </summary>
public sealed record AssignmentOrder(
    string? Instruction,
    string? MainHandler,
    IReadOnlyList<string>? Coordinating,
    IReadOnlyList<string>? Information,
    DateOnly? Deadline);

/// <summary>The Director forwards the document to a deputy (by user name) for instruction, with an optional note.</summary>
public sealed record ForwardOrder(string? Deputy, string? Note);

/// <summary>The main handler finishes the document; the reply document is linked once outgoing documents exist.</summary>
public sealed record CompletionReport(string? Result, Guid? ReplyDocumentId);

/// <summary>Who re-assigns: a deputy may hand on to any unit or person, a unit head to the people of the unit.</summary>
public sealed record Reassigner(Engine.Runtime.TaskActor Actor, string? UnitCode, bool IsDeputy, bool IsUnitHead);

internal readonly record struct HandlerRef(AssigneeKind Kind, string Code)
{
    public static bool TryParse(string? text, out HandlerRef handler)
    {
        handler = default;
        var parts = text?.Trim().Split(':', 2);
        if (parts is not [var kind, var code] || string.IsNullOrWhiteSpace(code))
            return false;
        AssigneeKind? parsed = kind switch { "unit" => AssigneeKind.Unit, "person" => AssigneeKind.Person, _ => null };
        if (parsed is null)
            return false;
        handler = new HandlerRef(parsed.Value, code.Trim());
        return true;
    }
}
