using DocBpm.Edxml;

namespace DocBpm.Documents.Exchange;

/// <summary>How a failed package left the failure list.</summary>
public enum IntakeFailureResolution
{
    TakenIn,
    Dismissed,

    /// <summary>Refused with status 02 and its reason; listed so the administrator sees who tried what.</summary>
    Refused,
}

/// <summary>
/// A package from the axis whose handling failed. Its attempts are counted per sweep; after the last one it is set
/// aside ("gói tin không tiếp nhận được") until an administrator retries it or dismisses it with a reason.
/// </summary>
public sealed class IntakeFailure
{
    public Guid PackageId { get; set; }
    public AxisPackageKind Kind { get; set; }
    public required string SenderCode { get; set; }
    public required string DocumentId { get; set; }

    /// <summary>When the axis accepted the package; kept so that a retry registers the same Article 10.2 receipt time.</summary>
    public DateTimeOffset ArrivedAt { get; set; }

    public long Size { get; set; }
    public int Attempts { get; set; }

    /// <summary>The last error, in English, as it was logged.</summary>
    public required string LastError { get; set; }

    public IntakeFailureCause Cause { get; set; }

    /// <summary>The innermost error (the database's own message behind a failed write), for the administrator.</summary>
    public string? InnerError { get; set; }

    public DateTimeOffset FirstFailedAt { get; set; }
    public DateTimeOffset LastFailedAt { get; set; }

    /// <summary>Set after the last automatic attempt: the sweep no longer retries the package.</summary>
    public DateTimeOffset? SetAsideAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }
    public IntakeFailureResolution? Resolution { get; set; }
    public string? ResolvedBy { get; set; }

    /// <summary>Why an administrator dismissed the package (acknowledged it at the axis without taking it in).</summary>
    public string? DismissReason { get; set; }

    public PendingPackage ToPending() => new(PackageId, Kind, SenderCode, DocumentId, ArrivedAt, Size);
}

/// <summary>Intake settings (configuration section <c>Exchange:Intake</c>).</summary>
public sealed class IntakeOptions
{
    public const string Section = "Exchange:Intake";

    /// <summary>Sweeps that may fail on one package before it is set aside for an administrator.</summary>
    public int MaxAttempts { get; set; } = 5;
}
