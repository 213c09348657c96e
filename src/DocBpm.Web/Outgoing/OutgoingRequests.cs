using DocBpm.Documents.Outgoing;

namespace DocBpm.Web.Outgoing;

public sealed record SubmitRequest(List<string>? Reviewers, string? Comment);

public sealed record CommentRequest(string? Comment);

/// <summary>The unit head's approval; <paramref name="Leader"/> is the user name of the leader it is presented to (default: the unit's supervisor).</summary>
public sealed record ApproveRequest(string? Comment, string? Leader);

public sealed record OutgoingReturnRequest(string? Reason);

public sealed record CorrectionRequest(CorrectionKind Kind, string Subject);

public sealed record AgencyRequest(string Code, string Name, bool IsActive = true);

public sealed record OutgoingCreated(Guid Id);
