using DocBpm.Documents.Outgoing;

namespace DocBpm.Web.Outgoing;

public sealed record SubmitRequest(List<string>? Reviewers, string? Comment);

public sealed record CommentRequest(string? Comment);

public sealed record OutgoingReturnRequest(string? Reason);

public sealed record CorrectionRequest(CorrectionKind Kind, string Subject);

public sealed record AgencyRequest(string Code, string Name, bool IsActive = true);

public sealed record OutgoingCreated(Guid Id);
