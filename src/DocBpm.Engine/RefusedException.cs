namespace DocBpm.Engine;

/// <summary>What kind of refusal it is, so the host chooses the HTTP status without knowing each exception.</summary>
public enum RefusalKind
{
    /// <summary>The request breaks a rule of the process or the regulation (422).</summary>
    Invalid,
    NotFound,

    /// <summary>The request came too late or lost a race: the state it assumed has moved on (409).</summary>
    Conflict,
    TooLarge,

    /// <summary>Stored data failed its check: the server's fault, not the request's (500, with a message that says so).</summary>
    Damaged,

    /// <summary>The person may not do this (not their task, not their document).</summary>
    Forbidden,

    /// <summary>The request itself is malformed: fields that fail validation, a diagram that does not parse (400).</summary>
    Malformed,

    /// <summary>
    /// A change that must name the state it was made against (the revision its client read) did not (428): applying it
    /// to whatever the state now is could overwrite or approve something its sender never saw.
    /// </summary>
    PreconditionRequired,
}

/// <summary>
/// A rule refused the request before anything was stored: the one base of every refusal of the engine and the domain.
/// It carries the Vietnamese title and detail a person reads (problem details, form messages) and the English message
/// for the log; one exception handler in the host maps every refusal, and forms show it.
/// </summary>
public class RefusedException(RefusalKind kind, string titleVi, string detailVi, string message, Exception? inner = null)
    : Exception(message, inner)
{
    private static readonly Dictionary<string, string[]> NoFields = [];
    private static readonly Dictionary<string, object?> NoFacts = [];

    public RefusalKind Kind { get; } = kind;
    public string TitleVi { get; } = titleVi;
    public string DetailVi { get; } = detailVi;

    /// <summary>Field-by-field messages (camelCase field → Vietnamese messages), when the refusal is about fields.</summary>
    public virtual IReadOnlyDictionary<string, string[]> FieldErrors => NoFields;

    /// <summary>Facts a client may act on, added to the problem details (the rule's code, the element, missing elements).</summary>
    public virtual IReadOnlyDictionary<string, object?> Facts => NoFacts;
}
