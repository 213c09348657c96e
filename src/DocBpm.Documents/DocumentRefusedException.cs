namespace DocBpm.Documents;

/// <summary>What kind of refusal it is, so the host can choose the HTTP status without knowing each exception.</summary>
public enum RefusalKind
{
    Invalid,
    NotFound,
    Conflict,
    TooLarge,
    Damaged,

    /// <summary>The person may see the document but not take this action on it.</summary>
    Forbidden,
}

/// <summary>
/// A domain rule refused the request before anything was stored. It carries the Vietnamese title and detail a person
/// reads (problem details) and the English message for the log.
/// </summary>
public class DocumentRefusedException(RefusalKind kind, string titleVi, string detailVi, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public RefusalKind Kind { get; } = kind;
    public string TitleVi { get; } = titleVi;
    public string DetailVi { get; } = detailVi;
}
