using DocBpm.Documents.Authorisations;
using DocBpm.Documents.Incoming;
using DocBpm.Documents.Exchange;
using DocBpm.Documents.Outgoing;
using DocBpm.Edxml;

namespace DocBpm.Web.Outgoing;

public sealed record VersionView(Guid Id, DraftFileKind Kind, int Version, Guid FileId, string FileName, string UploadedBy,
    DateTimeOffset UploadedAt, string? Note);

/// <summary>How far a recipient has got: queued and sent over the axis, or delivered to and read in an inbox of the Department.</summary>
public enum RecipientDelivery
{
    NotSent,
    Queued,
    Sent,
    Delivered,
    Read,
}

/// <summary>
/// One recipient's delivery and processing status (Article 9.4), as the drafter follows it; an agency's
/// <paramref name="Dispatch"/> is read from its dispatch record (<see cref="DispatchStates"/>), null before the dispatch.
/// </summary>
public sealed record RecipientStatus(RecipientKind Kind, string Code, string Name, RecipientDelivery Delivery, DateTimeOffset? DeliveredAt,
    ExchangeStatus? Processing, string? ProcessingNote, DateTimeOffset? ProcessingAt, DispatchProgress? Dispatch = null);

public sealed record OutgoingHistoryView(DateTimeOffset At, string Actor, OutgoingAction Action, string? Comment);

public sealed record LinkView(Guid Id, string? NumberAndNotation, string Subject);

/// <summary>A step waiting on the document; <paramref name="Mine"/> when the person looking may take it.</summary>
public sealed record OpenStep(Guid TaskId, string ElementId, string? Name, string? CandidateUsers, string? CandidateGroups,
    string? Assignee, DateTimeOffset? DueDate, bool Mine);

/// <summary>
/// A step with side effects that stopped the document (an engine incident), as the page says it: what failed, what to do,
/// and whether the person looking may retry it.
/// </summary>
/// <summary>A failed step on the document page; <paramref name="Detail"/>, the engine's technical text (it may name key files or
/// hosts), only for those who can act on it and report it.</summary>
public sealed record FailureView(Guid IncidentId, FailedStep Step, string Message, string? Detail, DateTimeOffset At, bool MayRetry);

/// <summary>Everything the document page shows.</summary>
public sealed record OutgoingPage(
    Guid Id,
    string TypeCode,
    string TypeName,
    string Subject,
    OutgoingStage Stage,
    bool SignedFileReady,
    Urgency Urgency,
    Confidentiality Confidentiality,
    bool PaperAlsoSent,
    string DraftingUnit,
    string Drafter,
    string? SigningLeader,
    string? SigningLeaderName,
    int Copies,
    int? PageCount,
    string? Notes,
    string? ArchiveHolder,
    string? SignerName,
    string? SignerPosition,
    string? SignerCompetence,
    DateTimeOffset? SignedAt,
    string? NumberAndNotation,
    DateOnly? DocumentDate,
    DateTimeOffset? IssuedAt,
    string? NationalId,
    Guid? SignedFileId,
    Guid? IssuedFileId,
    LinkView? InReplyTo,
    CorrectionKind? CorrectionKind,
    LinkView? Corrects,
    LinkView? CorrectedBy,
    List<VersionView> Versions,
    List<RecipientStatus> Recipients,
    List<OutgoingHistoryView> History,
    List<OpenStep> OpenSteps,
    List<FailureView> Failures)
{
    /// <summary>Thẩm quyền ký asked for at submission (NĐ30 Art. 13); null: the signer's own.</summary>
    public SigningCapacity? RequestedCapacity { get; init; }

    /// <summary>The authorising decision of a TUQ. signature, as registered.</summary>
    public string? SignerAuthorisation { get; init; }
}
