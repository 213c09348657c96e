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

    /// <summary>
    /// Phụ lục V numbers the files in the order the plan lists them: headings by their ordinal, files under a heading in
    /// their present order, the serial through the plan or from 01 under each heading. Recomputed after every change of a
    /// draft, so the numbering never has gaps; nothing is opened before approval, so no file code has left the plan yet.
    /// </summary>
    public IReadOnlyList<(RecordFile File, int Serial, string Notation)> Numbering(IEnumerable<RecordFile> planned)
    {
        var numbering = new List<(RecordFile, int, string)>();
        var serial = 0;
        foreach (var heading in Headings.OrderBy(h => h.Ordinal))
        {
            if (SerialPerHeading)
                serial = 0;
            foreach (var file in planned.Where(f => f.HeadingId == heading.Id).OrderBy(f => f.Serial ?? int.MaxValue))
            {
                serial++;
                numbering.Add((file, serial, $"{serial:00}.{heading.Abbreviation}"));
            }
        }

        return numbering;
    }

    /// <summary>The abbreviation that ends a heading's notations: 1–10 letters or digits, upper case, unique in the plan.</summary>
    public string Abbreviation(string abbreviation, FilePlanHeading? renamed = null)
    {
        var code = abbreviation.Trim().ToUpperInvariant();
        if (code.Length is 0 or > 10 || !code.All(char.IsLetterOrDigit))
            throw RecordsRefusedException.Invalid("abbreviation", "Chữ viết tắt của đề mục gồm 1–10 chữ cái hoặc chữ số, không dấu cách (ví dụ TCCB).",
                $"Bad abbreviation '{abbreviation}'.", "abbreviation");
        if (Headings.Any(h => h.Abbreviation == code && h != renamed))
            throw RecordsRefusedException.Invalid("abbreviation-taken", $"Đề mục viết tắt {code} đã có trong danh mục.", $"Abbreviation {code} is taken.",
                "abbreviation");
        return code;
    }

    /// <summary>Puts a heading at <paramref name="ordinal"/> (1 for I); the headings between close up, and the files are renumbered after.</summary>
    public void MoveHeading(FilePlanHeading heading, int ordinal)
    {
        ExpectDraft();
        if (ordinal < 1 || ordinal > Headings.Count)
            throw RecordsRefusedException.Invalid("heading-position", $"Vị trí của đề mục phải từ 1 đến {Headings.Count}.",
                $"Heading position {ordinal} is outside 1–{Headings.Count}.");
        var order = Headings.OrderBy(h => h.Ordinal).Where(h => h != heading).ToList();
        order.Insert(ordinal - 1, heading);
        for (var i = 0; i < order.Count; i++)
            order[i].Ordinal = i + 1;
    }

    /// <summary>Only an empty heading goes: a planned file is never removed as a side effect; the headings after it move up.</summary>
    public void RemoveHeading(FilePlanHeading heading, IEnumerable<RecordFile> planned)
    {
        ExpectDraft();
        if (planned.Count(f => f.HeadingId == heading.Id) is > 0 and var files)
            throw new RecordsRefusedException(Engine.RefusalKind.Conflict, "heading-not-empty",
                $"Đề mục {heading.Abbreviation} còn {files} hồ sơ; hãy xoá hoặc chuyển các hồ sơ sang đề mục khác trước.",
                $"Heading {heading.Abbreviation} still has {files} files.");
        Headings.Remove(heading);
        foreach (var after in Headings.Where(h => h.Ordinal > heading.Ordinal))
            after.Ordinal--;
    }

    /// <summary>A planned file of this plan, changed while the plan is a draft; moved to another heading it comes last there.</summary>
    public void Replan(RecordFile file, FilePlanHeading heading, string title, int? retentionYears, string? keeper, string? unitCode, string? note)
    {
        ExpectDraft();
        ExpectPlanned(file);
        Retention.Expect(retentionYears);
        if (file.HeadingId != heading.Id)
            (file.HeadingId, file.Serial) = (heading.Id, null);
        (file.Title, file.RetentionYears, file.Keeper, file.UnitCode, file.Note) = (title, retentionYears, keeper, unitCode, note);
        file.Revision++;
    }

    /// <summary>A planned file leaves the draft with no trace; the files after it are renumbered.</summary>
    public void Unplan(RecordFile file)
    {
        ExpectDraft();
        ExpectPlanned(file);
    }

    private void ExpectPlanned(RecordFile file)
    {
        if (file.PlanId != Id || file.State != RecordFileState.Planned)
            throw RecordsRefusedException.NotFound("hồ sơ trong danh mục", file.Id);
    }

    /// <summary>
    /// The plan as <paramref name="read"/> names it: the revision its page or client showed. A change made since by
    /// someone else is refused, so that nobody overwrites or submits or approves a plan he has not seen; a change that
    /// names no revision is refused too, as it would apply to whatever the plan has become.
    /// </summary>
    public void ExpectRevision(int? read)
    {
        if (read is not { } revision)
            throw new RecordsRefusedException(Engine.RefusalKind.PreconditionRequired, "plan-revision-required",
                $"Thay đổi danh mục hồ sơ năm {Year} phải nêu phiên bản danh mục đã xem (revision); không có thay đổi nào được lưu. Tải lại trang rồi thực hiện lại.",
                $"A change of file plan {Year} named no revision (it is at {Revision}).");
        if (revision != Revision)
            throw new RecordsRefusedException(Engine.RefusalKind.Conflict, "plan-changed",
                $"Danh mục hồ sơ năm {Year} đã được người khác sửa sau khi bạn mở; không có thay đổi nào được lưu. Tải lại trang để xem bản mới.",
                $"File plan {Year} is at revision {Revision}, the request read {revision}.");
    }

    /// <summary>Every change of the plan — its headings, its files, its state — counts one revision.</summary>
    public void Changed() => Revision++;

    /// <summary>The office hands the draft to the Director; an empty plan is nothing to approve.</summary>
    public void ExpectSubmittable(int files)
    {
        ExpectDraft();
        if (files == 0)
            throw RecordsRefusedException.Invalid("plan-empty", $"Danh mục hồ sơ năm {Year} chưa có hồ sơ nào.", $"File plan {Year} has no files.");
    }

    public void Submit(int files)
    {
        ExpectSubmittable(files);
        State = FilePlanState.Submitted;
        Changed();
    }

    /// <summary>A reviewer sends the plan back to the office, which edits and submits it again.</summary>
    public void Return()
    {
        ExpectSubmitted();
        State = FilePlanState.Draft;
        Changed();
    }

    public void Approve(string director, string? decision, DateTimeOffset now)
    {
        ExpectSubmitted();
        State = FilePlanState.Approved;
        Changed();
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

    /// <summary>Someone else's change of the plan committed between this request's check and its write; nothing was stored.</summary>
    public RecordsRefusedException LostRace() => new(Engine.RefusalKind.Conflict, "lost-race",
        $"Danh mục hồ sơ năm {Year} vừa được người khác sửa cùng lúc; không có thay đổi nào được lưu. Hãy tải lại trang.",
        $"File plan {Year} changed meanwhile.");

    public RecordsRefusedException NotSubmitted() => new(Engine.RefusalKind.Conflict, "plan-not-submitted",
        State == FilePlanState.Approved
            ? $"Danh mục hồ sơ năm {Year} đã được phê duyệt."
            : $"Danh mục hồ sơ năm {Year} không chờ phê duyệt: chưa được trình hoặc đã được trả lại cho Văn phòng.",
        $"File plan {Year} is {State}, not waiting for a review.");
}
