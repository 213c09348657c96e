namespace DocBpm.Documents.Records;

public enum RecordFileState
{
    /// <summary>In the plan; nobody has opened it yet.</summary>
    Planned,
    Open,
    Closed,
}

/// <summary>
/// A file (hồ sơ công việc, NĐ30 Articles 29–30): planned in the year's plan or opened outside it, kept by the person
/// handling the work, who adds the documents the work produces and closes it when the work is done.
/// </summary>
public sealed partial class RecordFile
{
    public const int NotationLength = 20;

    public Guid Id { get; set; }
    public Guid? PlanId { get; set; }
    public Guid? HeadingId { get; set; }

    /// <summary>The year the file is formed (FileCatalog).</summary>
    public int Year { get; set; }

    /// <summary>The serial in the plan; null for a file outside the plan.</summary>
    public int? Serial { get; set; }

    /// <summary>Số và ký hiệu hồ sơ (FileNotation, 20 characters), e.g. <c>01.TCCB</c>.</summary>
    public required string Notation { get; set; }

    public required string Title { get; set; }

    /// <summary>Years to keep; null is "Vĩnh viễn".</summary>
    public int? RetentionYears { get; set; }

    /// <summary>Người lập hồ sơ: the user who keeps the file.</summary>
    public string? Keeper { get; set; }

    public string? UnitCode { get; set; }
    public string? Note { get; set; }
    public RecordFileState State { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public DateTimeOffset? OpenedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    public List<FiledDocument> Documents { get; set; } = [];

    /// <summary>Moves on every change, so two people changing one file at once cannot both win (ordinals stay unique).</summary>
    public int Revision { get; set; }

    /// <summary>NĐ30 Phụ lục VI II.III: OrganId + FileCatalog + FileNotation, joined with "." as implementations do.</summary>
    public string Code(string organId) => $"{organId}.{Year}.{Notation}";
}

public enum FiledKind
{
    Incoming,
    Outgoing,
}

/// <summary>
/// A document in a file, by reference: one document may be in several people's files without being copied
/// (NĐ30 Phụ lục VI I.III.5). Its ordinal in the file is given by the system.
/// </summary>
public sealed class FiledDocument
{
    public Guid Id { get; set; }
    public Guid FileId { get; set; }
    public FiledKind Kind { get; set; }
    public Guid DocumentId { get; set; }
    public int Ordinal { get; set; }
    public required string AddedBy { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}
