namespace DocBpm.Documents.Incoming;

public enum HandlingRole
{
    /// <summary>Chủ trì: the one who processes and completes.</summary>
    Main,

    /// <summary>Phối hợp.</summary>
    Coordinating,

    /// <summary>Để biết.</summary>
    Information,
}

public enum AssigneeKind
{
    Person,
    Unit,
}

/// <summary>
/// One line of the assignment tree: the Director's assignments are its roots; a deputy or unit head who re-assigns
/// adds children under their own line.
/// </summary>
public sealed class IncomingAssignment
{
    public Guid Id { get; set; }
    public Guid DocumentId { get; set; }
    public Guid? ParentId { get; set; }
    public HandlingRole Role { get; set; }
    public AssigneeKind Kind { get; set; }

    /// <summary>The user name of a person, or the code of a unit.</summary>
    public required string Assignee { get; set; }

    public required string AssigneeName { get; set; }

    /// <summary>The unit of a person, or the unit itself: unit heads see what is assigned into their unit.</summary>
    public string? UnitCode { get; set; }

    public required string AssignedBy { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
    public string? Instruction { get; set; }
    public DateTimeOffset? Deadline { get; set; }

    /// <summary>Set when this line was handed on by re-assignment; the work continues in its children.</summary>
    public bool Delegated { get; set; }

    /// <summary>Whether the person holds this line: it names them, or it names their unit and they head it.</summary>
    public bool IsHeldBy(string userName, string? unitCode, bool isUnitHead) =>
        Kind == AssigneeKind.Person ? Assignee == userName : isUnitHead && UnitCode == unitCode;
}

/// <summary>One entry of a document's history: who did what, when (Article 16.2: every action with its user).</summary>
public sealed class IncomingEvent
{
    public long Id { get; set; }
    public Guid DocumentId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string UserName { get; set; }
    public required string Action { get; set; }
    public string? Detail { get; set; }
}
