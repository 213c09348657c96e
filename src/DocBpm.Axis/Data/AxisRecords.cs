namespace DocBpm.Axis.Data;

/// <summary>An agency connected to the axis; its key is stored only as a SHA-256 hash.</summary>
public sealed class AgencyRecord
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string KeyHash { get; set; }
}

/// <summary>A package as the axis received it (with its trace header added), kept until every recipient acknowledged it.</summary>
public sealed class PackageRecord
{
    /// <summary>Arrival order, assigned by the database: packages are listed in the order the axis took them.</summary>
    public long Sequence { get; set; }

    public Guid Id { get; set; }
    public DocBpm.Edxml.AxisPackageKind Kind { get; set; }
    public required string SenderCode { get; set; }
    public required string DocumentId { get; set; }

    /// <summary>When the axis accepted the package: the legal send time (Article 10.1).</summary>
    public DateTimeOffset ReceivedAt { get; set; }

    public required byte[] Content { get; set; }
    public string? StatusCode { get; set; }
}

public enum DeliveryState
{
    Pending,
    Acknowledged,
}

public sealed class DeliveryRecord
{
    public Guid Id { get; set; }
    public Guid PackageId { get; set; }
    public required string RecipientCode { get; set; }
    public DeliveryState State { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
}
