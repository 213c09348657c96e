namespace DocBpm.Engine.Activities;

/// <summary>How an activity type presents itself to the designer palette and properties panel.</summary>
public sealed record ActivityDescriptor(
    string Type,
    string Category,
    string DisplayName,
    string? Description,
    bool Asynchronous,
    int MaxAttempts,
    IReadOnlyList<PortDescriptor> Inputs,
    IReadOnlyList<PortDescriptor> Outputs,
    IReadOnlyList<string> Outcomes,
    string? BpmnElement = null);

/// <param name="Type">A JSON-ish type name: string, number, boolean, date-time, uuid, array, object.</param>
public sealed record PortDescriptor(
    string Name,
    string DisplayName,
    string? Description,
    string Type,
    bool IsExpression,
    bool Required);
