namespace DocBpm.Documents.Coordination;

/// <summary>
/// An opinion given by a coordinating unit or person (đơn vị, cá nhân phối hợp: NĐ30 Điều 23.4) on a provincial task
/// line or an incoming document that someone else handles as main handler; kept as part of that record's history.
/// </summary>
public sealed class CoordinationOpinion
{
    public Guid Id { get; set; }

    /// <summary>The process the coordination item belonged to (<c>provincial-task</c> or <c>incoming</c>).</summary>
    public required string ProcessKey { get; set; }

    /// <summary>The provincial task line or the incoming document the opinion is about.</summary>
    public Guid SubjectId { get; set; }

    /// <summary>The coordinating unit the item was offered to; null when it was offered to a person.</summary>
    public string? UnitCode { get; set; }

    public required string UserName { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Text { get; set; }

    /// <summary>An optional file (in the <see cref="Files.FileStore"/>) given with the opinion.</summary>
    public Guid? FileId { get; set; }

    public string? FileName { get; set; }
}
