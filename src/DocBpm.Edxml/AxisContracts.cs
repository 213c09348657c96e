namespace DocBpm.Edxml;

/// <summary>What an axis package carries: a document, or a status message about one.</summary>
public enum AxisPackageKind
{
    Document,
    Status,
}

/// <summary>The axis's receipt: its time is the legal send time of the document (Article 10.1).</summary>
public sealed record SendReceipt(Guid PackageId, string DocumentId, DateTimeOffset ReceivedAt, IReadOnlyList<string> Recipients);

public sealed record PendingPackage(Guid PackageId, AxisPackageKind Kind, string SenderCode, string DocumentId, DateTimeOffset ReceivedAt, long Size);

public sealed record StatusSummary(Guid PackageId, string FromCode, string StatusCode, string? Description, DateTimeOffset Timestamp,
    string DocumentId, DateTimeOffset ReceivedAt);
