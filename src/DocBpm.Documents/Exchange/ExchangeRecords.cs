using DocBpm.Edxml;

namespace DocBpm.Documents.Exchange;

/// <summary>A document received over the axis, registered once per sender and document identifier.</summary>
public sealed class ReceivedDocument
{
    public Guid Id { get; set; }
    public required string SenderCode { get; set; }
    public required string SenderName { get; set; }
    public required string DocumentId { get; set; }
    public required string CodeNumber { get; set; }
    public required string CodeNotation { get; set; }
    public DateOnly PromulgationDate { get; set; }
    public required string Subject { get; set; }
    public EdxmlPriority Priority { get; set; }
    public Guid PackageId { get; set; }

    /// <summary>
    /// <see cref="EdxmlContentHash"/> of the package: a later package with the same identifier and hash is a redelivery,
    /// with another hash a different document claiming the identifier. Null for documents received before it was kept.
    /// </summary>
    public string? ContentHash { get; set; }

    /// <summary>When the axis accepted the package (the sender's legal send time).</summary>
    public DateTimeOffset ArrivedAt { get; set; }

    /// <summary>The receipt time of Article 10.2: outside working hours, the start of the next working period.</summary>
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>Comma-separated ids of the stored attachments.</summary>
    public required string FileIds { get; set; }

    public ExchangeStatus LastStatus { get; set; }
}

public enum DispatchState
{
    Queued,
    Sent,
}

/// <summary>One recipient of a dispatched document: delivery and the processing status the recipient reports (Article 9.4).</summary>
public sealed class DispatchRecord
{
    public Guid Id { get; set; }

    /// <summary>All recipients of one dispatch share it; the outbox message names it.</summary>
    public Guid BatchId { get; set; }

    public required string DocumentId { get; set; }
    public required string RecipientCode { get; set; }
    public DispatchState State { get; set; }
    public DateTimeOffset QueuedAt { get; set; }

    /// <summary>The axis's receipt time: the legal send time (Article 10.1).</summary>
    public DateTimeOffset? SentAt { get; set; }

    public Guid? PackageId { get; set; }
    public ExchangeStatus? LastStatus { get; set; }
    public string? LastStatusNote { get; set; }
    public DateTimeOffset? LastStatusAt { get; set; }

    /// <summary>The edXML package to send (a stored file), built when the dispatch step ran; shared by the batch.</summary>
    public Guid PackageFileId { get; set; }
}
