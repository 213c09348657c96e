namespace DocBpm.Documents.ProvincialTasks;

/// <summary>Where a task is in its handling at the Department (the stored stage; the reported status is derived, see <see cref="TaskStanding"/>).</summary>
public enum TaskStage
{
    /// <summary>The clerk checks the line against the provincial document (Article 12.1a).</summary>
    Reconciling,

    /// <summary>The clerk asked the provincial office to correct the line; waiting for the corrected content or deadline.</summary>
    AwaitingCorrection,

    /// <summary>Returned to the provincial office as assigned by mistake.</summary>
    Returned,

    /// <summary>Registered and forwarded to the Director, who assigns the units.</summary>
    Registered,

    /// <summary>Assigned to a main unit; its head names the main handler.</summary>
    Assigned,

    /// <summary>The main handler works on the reply (also after a rejection: Article 12.1c).</summary>
    InProgress,

    /// <summary>The reply is issued and reported; waiting for the province's approval.</summary>
    CompletionProposed,

    /// <summary>The province approved the completion.</summary>
    Completed,
}

public enum ReconcileDecision
{
    Accept,
    AskCorrection,
    Return,
}

public enum ExtensionState
{
    None,
    Requested,
    Approved,
    Refused,
}

/// <summary>One task line of a task document: its content and deadline, its units and handler, its reply and extension.</summary>
public sealed partial class ProvincialTask
{
    public Guid Id { get; set; }
    public Guid DocumentId { get; set; }

    /// <summary>
    /// Its <c>provincial-task</c> instance, chosen when the line is recorded and started in the SaveChanges that stores it
    /// or right after; the line's actions act on this instance alone. Null for lines recorded before it was kept.
    /// </summary>
    public Guid? InstanceId { get; set; }
    public TaskDocument? Document { get; set; }

    /// <summary>The line's number on the document, from 1.</summary>
    public int Line { get; set; }

    public required string Content { get; set; }

    /// <summary>The deadline in force (moved by an approved extension).</summary>
    public DateTimeOffset Deadline { get; set; }

    /// <summary>The deadline the province first gave.</summary>
    public DateTimeOffset OriginalDeadline { get; set; }

    public TaskStage Stage { get; set; }
    public string? Note { get; set; }

    public string? MainUnit { get; set; }

    /// <summary>Comma-separated codes of the coordinating units, in the Director's order; who may read goes through <see cref="CoordinatorRows"/>.</summary>
    public string? CoordinatingUnits { get; private set; }

    /// <summary>The same units as rows, for the access condition (<see cref="TaskCoordinator"/>).</summary>
    public List<TaskCoordinator> CoordinatorRows { get; private set; } = [];

    public string? Handler { get; set; }

    /// <summary>
    /// The lead unit the clerk suggested when recording the line: the Director's assignment starts from it, but the
    /// Director decides (Article 12.1a: the clerk passes every task to the Director).
    /// </summary>
    public string? ProposedUnit { get; set; }

    /// <summary>The main handler suggested with <see cref="ProposedUnit"/>: the unit head's choice starts from it.</summary>
    public string? ProposedHandler { get; set; }

    /// <summary>The outgoing document started from "Văn bản trả lời" (khởi tạo văn bản đi) for this task.</summary>
    public Guid? ReplyOutgoingId { get; set; }

    /// <summary>The issued reply's document identifier on the axis; the province's decision refers to it.</summary>
    public string? ReplyDocumentId { get; set; }

    /// <summary>The completion time of Article 12.2: when the reply document was issued.</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }
    public int Rejections { get; set; }
    public ExtensionState Extension { get; set; }

    /// <summary>The issued extension-request letter (its document identifier on the axis).</summary>
    public string? ExtensionLetterId { get; set; }

    public DateTimeOffset? RequestedDeadline { get; set; }
    public DateTimeOffset? RemindedAt { get; set; }
    public DateTimeOffset? OverdueAt { get; set; }

    /// <summary>Open until the province approves it, unless it was returned as assigned by mistake.</summary>
    public bool IsOpen => Stage is not (TaskStage.Completed or TaskStage.Returned);

    /// <summary>Someone at the Department still has to act on it (before its reply is issued).</summary>
    public bool IsBeingHandled => IsOpen && Stage != TaskStage.CompletionProposed;

    public IReadOnlyList<string> Coordinators =>
        CoordinatingUnits?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];
}
