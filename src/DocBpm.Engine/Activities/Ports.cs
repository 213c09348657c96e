namespace DocBpm.Engine.Activities;

/// <summary>A typed input of an activity; its value comes from the expression bound in the BPMN task.</summary>
public sealed class Input<T>
{
    public Input(string name) => Name = name;

    public string Name { get; }
}

/// <summary>A typed output of an activity; the BPMN task maps it to a process variable.</summary>
public sealed class Output<T>
{
    public Output() => Name = string.Empty;

    public Output(string name) => Name = name;

    /// <summary>Set by the registry from the property name when the activity is created.</summary>
    public string Name { get; internal set; }
}

/// <summary>What happens after an activity ran: continue, continue on a named outcome, or throw a BPMN error.</summary>
public sealed record Outcome
{
    public const string DoneName = "done";

    private Outcome(string name, string? errorCode, string? errorMessage)
    {
        Name = name;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
    }

    public string Name { get; }
    public string? ErrorCode { get; }
    public string? ErrorMessage { get; }
    public bool IsError => ErrorCode is not null;

    public static Outcome Done { get; } = new(DoneName, null, null);

    public static Outcome Named(string name) => new(name, null, null);

    /// <summary>A business error, caught by an error boundary event with the same code.</summary>
    public static Outcome Error(string code, string? message = null) => new("error", code, message);
}

/// <summary>An activity type: a small class with typed inputs and outputs and one method.</summary>
public interface IActivity
{
    ValueTask<Outcome> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken);
}
