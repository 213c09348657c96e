using DocBpm.Documents.Outgoing;
using DocBpm.Documents.Authorisations;

namespace DocBpm.Web.Outgoing;

/// <param name="Capacity">Thẩm quyền ký (NĐ30 Art. 13); null: the one the signer's rank or authorisation gives.</param>
public sealed record SubmitRequest(List<string>? Reviewers, string? Comment, SigningCapacity? Capacity = null);

/// <summary>The waiting signature goes to <paramref name="Leader"/> (a user name), for <paramref name="Reason"/>.</summary>
public sealed record SigningHandOverRequest(string? Leader, string? Reason);

public sealed record CommentRequest(string? Comment);

/// <summary>The unit head's approval; <paramref name="Leader"/> is the user name of the leader it is presented to (default: the unit's supervisor).</summary>
public sealed record ApproveRequest(string? Comment, string? Leader);

public sealed record OutgoingReturnRequest(string? Reason);

public sealed record CorrectionRequest(CorrectionKind Kind, string Subject);

public sealed record AgencyRequest(string Code, string Name, bool IsActive = true);

public sealed record OutgoingCreated(Guid Id);
