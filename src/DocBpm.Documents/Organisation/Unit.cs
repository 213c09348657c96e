namespace DocBpm.Documents.Organisation;

public enum UnitKind
{
    /// <summary>Ban Giám đốc.</summary>
    Leadership,

    /// <summary>Văn phòng: the clerks and the office chief.</summary>
    Office,

    /// <summary>Phòng chuyên môn.</summary>
    Division,

    /// <summary>Thanh tra.</summary>
    Inspectorate,
}

/// <summary>
/// A unit of the Department. Its <see cref="Code"/> is also the candidate group of user tasks offered to the whole unit.
/// </summary>
public sealed class Unit
{
    public Guid Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public UnitKind Kind { get; set; }
    public int SortOrder { get; set; }

    /// <summary>
    /// The Director or deputy who supervises the unit (Lãnh đạo Sở phụ trách): the unit's drafts are presented to them
    /// for signing unless the unit head chooses the Director (Article 9.2a).
    /// </summary>
    public string? SupervisorUserName { get; set; }
}
