namespace DocBpm.Web.AccessLog;

/// <summary>What was opened: a document of one of the three procedures, or a record file.</summary>
public enum AccessedKind
{
    Incoming,
    Outgoing,
    ProvincialTask,
    RecordFile,
}

/// <summary>
/// Who opened which document or file, to the minute (issue 18: "an access log of who opened which document and file";
/// NĐ30 Phụ lục VI I.V asks for the statistics of accesses). One row per person, item and minute however often it is read.
/// </summary>
public sealed class AccessLogEntry
{
    public long Id { get; set; }
    public required string UserName { get; set; }
    public AccessedKind Kind { get; set; }
    public Guid ItemId { get; set; }

    /// <summary>The minute of the read (UTC, seconds cut off): the unique key with the person and the item.</summary>
    public DateTimeOffset At { get; set; }
}

/// <summary>Configuration section <c>AccessLog</c>.</summary>
public sealed class AccessLogOptions
{
    public const string Section = "AccessLog";

    /// <summary>How long the rows are kept; older ones are deleted once a day. The agency decides; five years by default.</summary>
    public int RetentionDays { get; set; } = 5 * 365;

    /// <summary>Reads waiting to be written; beyond this a read is not queued, and a warning says so.</summary>
    public int QueueCapacity { get; set; } = 10_000;
}
