namespace DocBpm.Documents.Records;

public enum HandoverState
{
    /// <summary>The keeper handed the file in; the archivist has not decided yet.</summary>
    Submitted,

    /// <summary>The archivist checked it against the plan and took it into archival management (NĐ30 Art. 31).</summary>
    Accepted,

    /// <summary>The archivist sent it back with a reason; the keeper fixes it and submits again.</summary>
    Returned,

    /// <summary>The keeper took it back before the archivist decided.</summary>
    Withdrawn,
}

/// <summary>
/// Where one file stands in its handover to the agency archive (lưu trữ cơ quan, NĐ30 Articles 30–31). One row per file,
/// created by its first submission; the revision makes two people deciding at once a lost race, never two decisions.
/// </summary>
public sealed partial class RecordHandover
{
    public const int ReasonLength = 1000;

    public Guid Id { get; set; }
    public Guid FileId { get; set; }
    public HandoverState State { get; set; }

    /// <summary>The submission (one keeper's list of files) the file was last handed in with.</summary>
    public Guid SubmissionId { get; set; }

    public required string SubmittedBy { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>Why the archivist returned it; shown to the keeper until the next submission.</summary>
    public string? Reason { get; set; }

    public int Revision { get; set; }
}

/// <summary>One keeper's handing in of one or more files at once: the unit of the submission list (Mục lục hồ sơ, tài liệu nộp lưu).</summary>
public sealed class HandoverSubmission
{
    public Guid Id { get; set; }
    public required string SubmittedBy { get; set; }
    public string? UnitCode { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
}

public enum HandoverAction
{
    Warned,
    Submitted,
    Withdrawn,
    Accepted,
    Returned,
    KeepBackRequested,
    KeepBackApproved,
    KeepBackRefused,
}

/// <summary>The trail of a file's handover: every transition, who made it, when and why.</summary>
public sealed class HandoverEvent
{
    public Guid Id { get; set; }
    public Guid FileId { get; set; }
    public Guid? SubmissionId { get; set; }
    public HandoverAction Action { get; set; }
    public required string Actor { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset At { get; set; }
}

public enum KeepBackState
{
    Requested,
    Approved,
    Refused,
}

/// <summary>
/// Keeping a due file back in the unit (NĐ30 Art. 30.3): the keeper asks with a reason, the head of the agency approves,
/// and the file falls due again on <see cref="Until"/>, at most two years after the day it was due.
/// </summary>
public sealed partial class KeepBack
{
    public Guid Id { get; set; }
    public Guid FileId { get; set; }
    public required string RequestedBy { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public required string Reason { get; set; }

    /// <summary>The day the file was due when the keep-back was asked for.</summary>
    public DateOnly DueDate { get; set; }

    /// <summary>The day the file falls due again.</summary>
    public DateOnly Until { get; set; }

    public KeepBackState State { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public int Revision { get; set; }
}
