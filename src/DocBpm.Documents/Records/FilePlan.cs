namespace DocBpm.Documents.Records;

public enum FilePlanState
{
    Draft,

    /// <summary>Submitted for approval: the process (workflows/file-plan.bpmn) has it; the office no longer edits it until it is returned.</summary>
    Submitted,
    Approved,
}

/// <summary>
/// The annual file plan (Danh mục hồ sơ, NĐ30 Article 28, Phụ lục V): headings by unit or by field, the files planned
/// under them, approved by the Director at the start of the year through the <c>file-plan</c> process
/// (<see cref="FilePlanProcess"/>), whose steps set the state. Once approved it no longer changes; files outside it are
/// opened on their own.
/// </summary>
public sealed partial class FilePlan
{
    public const int DecisionLength = 100;

    public Guid Id { get; set; }
    public int Year { get; set; }
    public FilePlanState State { get; set; }

    /// <summary>The agency's choice: file serials restart under each top heading, or run through the whole plan.</summary>
    public bool SerialPerHeading { get; set; }

    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? ApprovedBy { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }

    /// <summary>The approving decision's number, printed in the plan's header ("Kèm theo Quyết định số …").</summary>
    public string? Decision { get; set; }

    /// <summary>
    /// Goes up with every change of the plan (its headings, its files, its state) and guards each change: an edit or a
    /// decision made on what someone read before another's change is refused, and so is one that meets a concurrent change.
    /// </summary>
    public int Revision { get; set; }

    public List<FilePlanHeading> Headings { get; set; } = [];
}

/// <summary>A top heading of the plan (Roman numeral), with the abbreviation that ends its files' notation (e.g. TCCB).</summary>
public sealed class FilePlanHeading
{
    public Guid Id { get; set; }
    public Guid PlanId { get; set; }

    /// <summary>1 for I, 2 for II, …</summary>
    public int Ordinal { get; set; }

    public required string Title { get; set; }
    public required string Abbreviation { get; set; }
}
