namespace DocBpm.Documents.Records;

/// <summary>NĐ30 Article 28: the plan is built while in draft and fixed once the Director approves it.</summary>
public sealed partial class FilePlan
{
    public void ExpectDraft()
    {
        if (State != FilePlanState.Draft)
            throw RecordsRefusedException.Invalid("plan-approved",
                $"Danh mục hồ sơ năm {Year} đã được phê duyệt, không sửa được; hồ sơ phát sinh ngoài danh mục được lập riêng (Điều 29 Nghị định 30/2020/NĐ-CP).",
                $"File plan {Year} is approved.");
    }

    /// <summary>
    /// The next serial: through the whole plan, or from 01 under each top heading (the agency's setting, Phụ lục V);
    /// the notation is the two-digit serial, a dot, then the heading's abbreviation (<c>01.TCCB</c>).
    /// </summary>
    public (int Serial, string Notation) Next(FilePlanHeading heading, IEnumerable<RecordFile> planned)
    {
        var serials = planned.Where(f => !SerialPerHeading || f.HeadingId == heading.Id).Select(f => f.Serial ?? 0);
        var serial = serials.DefaultIfEmpty(0).Max() + 1;
        return (serial, $"{serial:00}.{heading.Abbreviation}");
    }

    public void Approve(int files, string director, string? decision, DateTimeOffset now)
    {
        ExpectDraft();
        if (files == 0)
            throw RecordsRefusedException.Invalid("plan-empty", $"Danh mục hồ sơ năm {Year} chưa có hồ sơ nào.", $"File plan {Year} has no files.");
        State = FilePlanState.Approved;
        ApprovedBy = director;
        ApprovedAt = now;
        Decision = decision?.Trim();
    }
}
