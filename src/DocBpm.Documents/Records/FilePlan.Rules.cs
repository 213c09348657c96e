namespace DocBpm.Documents.Records;

/// <summary>NĐ30 Article 28: the plan is built while in draft, reviewed once submitted and fixed once the Director approves it.</summary>
public sealed partial class FilePlan
{
    public void ExpectDraft()
    {
        if (State == FilePlanState.Submitted)
            throw new RecordsRefusedException(Engine.RefusalKind.Conflict, "plan-submitted",
                $"Danh mục hồ sơ năm {Year} đang trình Giám đốc phê duyệt; chỉ sửa được khi được trả lại.",
                $"File plan {Year} is submitted for approval.");
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

    /// <summary>The office hands the draft to the Director; an empty plan is nothing to approve.</summary>
    public void Submit(int files)
    {
        ExpectDraft();
        if (files == 0)
            throw RecordsRefusedException.Invalid("plan-empty", $"Danh mục hồ sơ năm {Year} chưa có hồ sơ nào.", $"File plan {Year} has no files.");
        State = FilePlanState.Submitted;
    }

    /// <summary>A reviewer sends the plan back to the office, which edits and submits it again.</summary>
    public void Return()
    {
        ExpectSubmitted();
        State = FilePlanState.Draft;
    }

    public void Approve(string director, string? decision, DateTimeOffset now)
    {
        ExpectSubmitted();
        State = FilePlanState.Approved;
        ApprovedBy = director;
        ApprovedAt = now;
        Decision = string.IsNullOrWhiteSpace(decision) ? null : decision.Trim();
    }

    /// <summary>Only a submitted plan is reviewed: a draft is still the office's, an approved one is fixed.</summary>
    public void ExpectSubmitted()
    {
        if (State != FilePlanState.Submitted)
            throw NotSubmitted();
    }

    public RecordsRefusedException NotSubmitted() => new(Engine.RefusalKind.Conflict, "plan-not-submitted",
        State == FilePlanState.Approved
            ? $"Danh mục hồ sơ năm {Year} đã được phê duyệt."
            : $"Danh mục hồ sơ năm {Year} không chờ phê duyệt: chưa được trình hoặc đã được trả lại cho Văn phòng.",
        $"File plan {Year} is {State}, not waiting for a review.");
}
