using System.Text.Json.Nodes;

namespace DocBpm.Engine.Runtime;

public enum BookmarkKind
{
    UserTask,
    Message,
    Timer,

    /// <summary>An asynchronous service activity waiting for the job executor.</summary>
    Job,

    /// <summary>A signal subscription; the signal's name is kept in the message name.</summary>
    Signal,

    /// <summary>A conditional event, evaluated at the end of each run that changed variables.</summary>
    Condition,

    /// <summary>A call activity waiting for the instance it started; the called process key is kept in the message name.</summary>
    Call,
}

/// <summary>A wait state: the only way a waiting token moves on is by resuming one of its bookmarks.</summary>
public sealed class Bookmark
{
    public Guid Id { get; init; }
    public Guid TokenId { get; init; }
    public BookmarkKind Kind { get; init; }

    /// <summary>The element the bookmark belongs to: the task, the catch event, or the boundary event.</summary>
    public required string ElementId { get; init; }

    public string? MessageName { get; init; }
    public string? CorrelationKey { get; init; }

    /// <summary>When a timer fires or a job is due.</summary>
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>Remaining repetitions of a cycle timer; -1 repeats for ever.</summary>
    public int? RemainingRepetitions { get; set; }

    /// <summary>The evaluated ISO-8601 cycle of a repeating timer, to compute the next due time.</summary>
    public string? CycleText { get; init; }

    /// <summary>The timer counts working time only (business calendar).</summary>
    public bool WorkingTime { get; init; }

    public UserTaskInfo? Task { get; init; }
}

/// <summary>The assignment of a user-task bookmark, evaluated when the task was created.</summary>
public sealed record UserTaskInfo(
    string? Name,
    string? Assignee,
    IReadOnlyList<string> CandidateUsers,
    IReadOnlyList<string> CandidateGroups,
    DateTimeOffset? DueDate,
    string? FormKey,
    int Priority,
    JsonObject? Context);
