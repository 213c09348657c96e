namespace DocBpm.Documents.Outgoing;

/// <summary>
/// An outgoing document was issued: queued by <see cref="IssueOutgoing"/> in the issuing step and delivered after it
/// commits, so that features that wait for an issue (a provincial task's reply, Article 12.2) hear of it only if it
/// really happened.
/// </summary>
public sealed record OutgoingIssued(Guid OutgoingId, string DocumentId, DateTimeOffset IssuedAt)
{
    public const string Topic = "OutgoingIssued";
}
