namespace DocBpm.Documents.Records;

/// <summary>NĐ30 Articles 29–30 on one file: who opens it, what goes in, when it closes.</summary>
public sealed partial class RecordFile
{
    /// <summary>The person handling the work opens the planned file; one with no keeper named becomes theirs.</summary>
    public void Open(string userName, string? unitCode, DateTimeOffset now, DateOnly today)
    {
        if (State != RecordFileState.Planned)
            throw RecordsRefusedException.Invalid("not-planned", $"Hồ sơ {Notation} đã được mở.", $"File {Id} is {State}.");
        if (Keeper is { } keeper && !string.Equals(keeper, userName, StringComparison.OrdinalIgnoreCase))
            throw RecordsRefusedException.Forbidden("not-keeper", $"Hồ sơ {Notation} được giao cho người khác lập.", $"{userName} is not the keeper of {Id}.");
        Keeper = userName;
        UnitCode ??= unitCode;
        State = RecordFileState.Open;
        OpenedAt = now;
        StartDate = today;
        Revision++;
    }

    public void ExpectKeeper(string userName)
    {
        if (!string.Equals(Keeper, userName, StringComparison.OrdinalIgnoreCase))
            throw RecordsRefusedException.Forbidden("not-keeper", $"Chỉ người lập hồ sơ {Notation} được thay đổi hồ sơ này.",
                $"{userName} is not the keeper of {Id}.");
    }

    public void ExpectOpen()
    {
        if (State != RecordFileState.Open)
            throw RecordsRefusedException.Invalid(State == RecordFileState.Closed ? "file-closed" : "not-open",
                State == RecordFileState.Closed ? $"Hồ sơ {Notation} đã kết thúc, không thêm hay bớt văn bản được." : $"Hồ sơ {Notation} chưa được mở.",
                $"File {Id} is {State}.");
    }

    /// <summary>Adds a document by reference with the next ordinal; a document already in the file is refused, not doubled.</summary>
    public FiledDocument Add(FiledKind kind, Guid documentId, string userName, DateTimeOffset now)
    {
        ExpectKeeper(userName);
        ExpectOpen();
        if (Documents.Any(d => d.Kind == kind && d.DocumentId == documentId))
            throw RecordsRefusedException.Invalid("already-filed", $"Văn bản đã có trong hồ sơ {Notation}.", $"{kind} {documentId} is in file {Id} already.");
        var filed = new FiledDocument
        {
            Id = Guid.CreateVersion7(), FileId = Id, Kind = kind, DocumentId = documentId,
            Ordinal = Documents.Select(d => d.Ordinal).DefaultIfEmpty(0).Max() + 1, AddedBy = userName, AddedAt = now,
        };
        Documents.Add(filed);
        Revision++;
        return filed;
    }

    /// <summary>Takes a duplicate or a draft out before closing (Article 30); the ordinals close up.</summary>
    public FiledDocument Remove(Guid filedId, string userName)
    {
        ExpectKeeper(userName);
        ExpectOpen();
        var filed = Documents.FirstOrDefault(d => d.Id == filedId) ?? throw RecordsRefusedException.NotFound("văn bản trong hồ sơ", filedId);
        Documents.Remove(filed);
        foreach (var later in Documents.Where(d => d.Ordinal > filed.Ordinal))
            later.Ordinal--;
        Revision++;
        return filed;
    }

    /// <summary>
    /// Closes the file when the work is done: the keeper confirms the retention, the file holds at least one document,
    /// and its time span runs from the opening to the closing day.
    /// </summary>
    public void Close(string userName, int? retentionYears, string? title, DateTimeOffset now, DateOnly today)
    {
        ExpectKeeper(userName);
        ExpectOpen();
        if (Documents.Count == 0)
            throw RecordsRefusedException.Invalid("file-empty", $"Hồ sơ {Notation} chưa có văn bản nào; chưa kết thúc được.", $"File {Id} is empty.");
        Retention.Expect(retentionYears);
        if (title is { Length: > 0 })
            Title = title.Trim();
        RetentionYears = retentionYears;
        State = RecordFileState.Closed;
        ClosedAt = now;
        EndDate = today;
        Revision++;
    }
}
