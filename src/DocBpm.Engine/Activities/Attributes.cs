namespace DocBpm.Engine.Activities;

/// <summary>Marks a class as an activity type that a BPMN service or send task can be bound to.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute(string type) : Attribute
{
    /// <summary>The name used in <c>docbpm:activity type="..."</c>.</summary>
    public string Type { get; } = type;

    /// <summary>Palette group in the designer (Vietnamese).</summary>
    public string Category { get; init; } = "Chung";

    /// <summary>Name shown to analysts (Vietnamese).</summary>
    public string? DisplayName { get; init; }

    public string? Description { get; init; }

    /// <summary>Named outcomes besides "done", visible to sequence-flow conditions as <c>outcome</c>.</summary>
    public string[] Outcomes { get; init; } = [];

    /// <summary>
    /// True for activities that call the outside world: they run after the step's transaction commits,
    /// retried with exponential back-off, and raise an incident after the last attempt.
    /// </summary>
    public bool Asynchronous { get; init; }

    /// <summary>Attempts before an incident is raised (asynchronous activities only).</summary>
    public int MaxAttempts { get; init; } = 3;
}

[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class InputAttribute : Attribute
{
    public string? DisplayName { get; init; }
    public string? Description { get; init; }

    /// <summary>False for inputs that only take a literal (e.g. a choice fixed at design time).</summary>
    public bool IsExpression { get; init; } = true;
}

[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class OutputAttribute : Attribute
{
    public string? DisplayName { get; init; }
    public string? Description { get; init; }
}
