namespace DocBpm.Engine.Persistence;

/// <summary>A deployed version of a process: key + version, identified by the hash of its XML.</summary>
public sealed class DefinitionRecord : DeployedFile
{
    /// <summary>Names of the messages that start this process (comma separated), for message start lookups.</summary>
    public string? StartMessages { get; set; }
}

public enum InstanceStatus
{
    Running,
    Completed,
    Terminated,
    Cancelled,
}

public sealed class InstanceRecord
{
    public Guid Id { get; set; }
    public Guid DefinitionId { get; set; }
    public required string DefinitionKey { get; set; }
    public int DefinitionVersion { get; set; }
    public string? BusinessKey { get; set; }
    public InstanceStatus Status { get; set; }
    public required string State { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public string? StartedBy { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Optimistic concurrency: every stored run increments it; a stale run is refused.</summary>
    public long Revision { get; set; }

    /// <summary>Open incidents on this instance, kept here so that lists filter on it cheaply.</summary>
    public int OpenIncidents { get; set; }

    /// <summary>The instance whose call activity started this one; null for an instance started on its own.</summary>
    public Guid? ParentInstanceId { get; set; }

    /// <summary>The parent's call bookmark that waits for this instance to end.</summary>
    public Guid? CallerBookmarkId { get; set; }
}

public enum BookmarkStatus
{
    Active,
    Completed,
    Cancelled,
}

/// <summary>The queryable copy of a bookmark: task lists, message correlation and due timers read it.</summary>
public sealed class BookmarkRecord
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public Runtime.BookmarkKind Kind { get; set; }
    public BookmarkStatus Status { get; set; }
    public required string ElementId { get; set; }
    public string? MessageName { get; set; }
    public string? CorrelationKey { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }

    public string? TaskName { get; set; }
    public string? Assignee { get; set; }

    /// <summary>Comma-delimited with leading and trailing commas (",a,b,") so that membership is a LIKE '%,a,%'.</summary>
    public string? CandidateUsers { get; set; }

    public string? CandidateGroups { get; set; }

    public DateTimeOffset? TaskDueDate
    {
        get;
        set
        {
            field = value;
            TaskDueOrder = value ?? NoDeadline;
        }
    }

    /// <summary>
    /// The due date as task lists sort it, stored and indexed with <see cref="Priority"/> so that an inbox page is read in
    /// index order: a task without one sorts after every deadline. It follows <see cref="TaskDueDate"/> by itself,
    /// whichever code sets that.
    /// </summary>
    public DateTimeOffset TaskDueOrder { get; private set; } = NoDeadline;

    /// <summary>Far enough to follow every real deadline, and a whole second so that every database stores it exactly.</summary>
    public static readonly DateTimeOffset NoDeadline = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public string? FormKey { get; set; }
    public int Priority { get; set; }
    public string? BusinessKey { get; set; }
    public string? DefinitionKey { get; set; }

    /// <summary>Failed attempts of a job or timer.</summary>
    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>
    /// The host whose sweep took this due timer or job to run it (see <see cref="Runtime.WorkflowRuntime.ClaimDueAsync"/>);
    /// other hosts pass it by until <see cref="ClaimedUntil"/>, so that a host that dies mid-batch loses nothing.
    /// </summary>
    public string? ClaimedBy { get; set; }

    public DateTimeOffset? ClaimedUntil { get; set; }
}

public sealed class JournalRecord
{
    public long Id { get; set; }
    public Guid InstanceId { get; set; }

    /// <summary>The instance revision the step stored; with <see cref="Ordinal"/> unique per instance (see EngineDb.Step).</summary>
    public long Revision { get; set; }

    public int Ordinal { get; set; }
    public DateTimeOffset At { get; set; }
    public required string ElementId { get; set; }
    public required string ElementKind { get; set; }
    public required string Event { get; set; }
    public string? Actor { get; set; }
    public string? Outcome { get; set; }
    public string? Detail { get; set; }
}

public sealed class IncidentRecord
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public Guid? BookmarkId { get; set; }
    public required string ElementId { get; set; }
    public required string Error { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
    public string? Resolution { get; set; }
}

/// <summary>A message to the outside world, stored in the step's transaction and delivered after it commits.</summary>
public sealed class OutboxRecord
{
    public Guid Id { get; set; }
    public Guid? InstanceId { get; set; }
    public required string Topic { get; set; }
    public required string Payload { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }

    /// <summary>A node that took the message for delivery holds it until then; a crashed node's claim expires.</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    public string? LockedBy { get; set; }
}

/// <summary>An idempotency key of a delivered message: a repeated delivery finds it and does nothing.</summary>
public sealed class ProcessedMessageRecord
{
    public required string IdempotencyKey { get; set; }
    public DateTimeOffset ProcessedAt { get; set; }
    public Guid? InstanceId { get; set; }
}

/// <summary>A timer start event of the latest version of a process: when it is due, a new instance starts.</summary>
public sealed class StartTimerRecord
{
    public Guid Id { get; set; }
    public Guid DefinitionId { get; set; }
    public required string DefinitionKey { get; set; }
    public required string ElementId { get; set; }
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>Remaining repetitions of a cycle; -1 repeats for ever, null for a one-off date or duration.</summary>
    public int? RemainingRepetitions { get; set; }

    public string? CycleText { get; set; }
    public bool WorkingTime { get; set; }
}
