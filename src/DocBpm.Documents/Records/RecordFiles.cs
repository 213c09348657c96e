using DocBpm.Documents.Access;
using DocBpm.Documents.Exchange;
using DocBpm.Documents.Organisation;
using DocBpm.Engine;
using DocBpm.Engine.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DocBpm.Documents.Records;

public sealed record RetentionRuleInput(string Source, string Group, string Item, int? Years);

public sealed record PlannedFileInput(Guid HeadingId, string Title, int? RetentionYears, string? Keeper, string? UnitCode, string? Note);

public sealed record OutsideFileInput(string Title, string Notation, int? RetentionYears, string? Note);

/// <summary>A page of files and how many the reader may see in all.</summary>
public sealed record RecordFileList(int Total, int Page, int PageSize, IReadOnlyList<RecordFile> Items)
{
    public const int MaxPageSize = 200;
}

/// <summary>
/// The annual file plan and the files of NĐ30 Articles 28–30: the office builds the plan, the Director approves it
/// (<see cref="FilePlanApproval"/>), the
/// people handling the work open their files, add documents by reference and close them. Each call is one unit of work.
/// </summary>
public sealed partial class RecordFiles(DbContext db, TimeProvider time, IOptions<AxisConnection> agency, IPeopleDirectory people)
{
    /// <summary>The agency's identifier code, the first part of every file code (OrganId).</summary>
    public string OrganId => agency.Value.AgencyCode;

    /// <summary>Adds or updates schedule rows by (source, group, item); returns how many rows changed.</summary>
    public async Task<int> ImportRetentionAsync(IReadOnlyList<RetentionRuleInput> rows, CancellationToken cancellationToken)
    {
        if (rows.FirstOrDefault(r => r.Years is < 1 or > Retention.MaxYears || string.IsNullOrWhiteSpace(r.Source)
                || string.IsNullOrWhiteSpace(r.Group) || string.IsNullOrWhiteSpace(r.Item)) is { } bad)
            throw RecordsRefusedException.Invalid("retention-row",
                $"Dòng \"{bad.Item}\" thiếu nguồn, nhóm, mục hoặc có thời hạn ngoài khoảng 1–{Retention.MaxYears} năm (để trống là Vĩnh viễn).",
                $"Retention row '{bad.Item}' is incomplete or out of range.");
        var existing = await db.Set<RetentionRule>().ToListAsync(cancellationToken);
        var changed = 0;
        foreach (var row in rows.DistinctBy(r => (r.Source.Trim(), r.Group.Trim(), r.Item.Trim())))
        {
            var rule = existing.FirstOrDefault(e => e.Source == row.Source.Trim() && e.Group == row.Group.Trim() && e.Item == row.Item.Trim());
            if (rule is null)
                db.Set<RetentionRule>().Add(new RetentionRule { Id = Guid.CreateVersion7(), Source = row.Source.Trim(), Group = row.Group.Trim(), Item = row.Item.Trim(), Years = row.Years });
            else if (rule.Years == row.Years)
                continue;
            else
                rule.Years = row.Years;
            changed++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return changed;
    }

    public Task<List<RetentionRule>> RetentionAsync(CancellationToken cancellationToken) =>
        db.Set<RetentionRule>().AsNoTracking().OrderBy(r => r.Source).ThenBy(r => r.Group).ThenBy(r => r.Item).ToListAsync(cancellationToken);

    public async Task<FilePlan> CreatePlanAsync(int year, bool serialPerHeading, Reader reader, CancellationToken cancellationToken)
    {
        ExpectPlanner(reader);
        ExpectOrganId();
        var now = time.GetUtcNow();
        if (year < VietnamTime.DateOf(now).Year - 1 || year > VietnamTime.DateOf(now).Year + 1)
            throw RecordsRefusedException.Invalid("plan-year", "Chỉ lập danh mục hồ sơ cho năm trước, năm nay hoặc năm sau.", $"Plan year {year} is out of range.");
        if (await db.Set<FilePlan>().AnyAsync(p => p.Year == year, cancellationToken))
            throw new RecordsRefusedException(RefusalKind.Conflict, "plan-exists", $"Đã có danh mục hồ sơ năm {year}.", $"File plan {year} exists.");
        var plan = new FilePlan { Id = Guid.CreateVersion7(), Year = year, SerialPerHeading = serialPerHeading, CreatedBy = reader.UserName, CreatedAt = now };
        db.Set<FilePlan>().Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        return plan;
    }

    public async Task<FilePlanHeading> AddHeadingAsync(Guid planId, string title, string abbreviation, int? revision, Reader reader,
        CancellationToken cancellationToken)
    {
        var plan = await DraftAsync(planId, revision, reader, cancellationToken);
        var heading = new FilePlanHeading
        {
            Id = Guid.CreateVersion7(), PlanId = plan.Id, Ordinal = plan.Headings.Count + 1, Title = Required(title, "Tên đề mục", "title"),
            Abbreviation = plan.Abbreviation(abbreviation),
        };
        db.Set<FilePlanHeading>().Add(heading);
        await SaveNumberedAsync(plan, await PlannedAsync(plan, cancellationToken), cancellationToken);
        return heading;
    }

    public async Task<RecordFile> PlanFileAsync(Guid planId, PlannedFileInput input, int? revision, Reader reader, CancellationToken cancellationToken)
    {
        var plan = await DraftAsync(planId, revision, reader, cancellationToken);
        var heading = HeadingOf(plan, input.HeadingId);
        Retention.Expect(input.RetentionYears);
        var (keeper, unit) = await KeeperAsync(input, cancellationToken);
        var planned = await PlannedAsync(plan, cancellationToken);
        var (serial, notation) = plan.Next(heading, planned);
        var file = new RecordFile
        {
            Id = Guid.CreateVersion7(), PlanId = plan.Id, HeadingId = heading.Id, Year = plan.Year, Serial = serial, Notation = notation,
            Title = Required(input.Title, "Tiêu đề hồ sơ", "title"), RetentionYears = input.RetentionYears, Keeper = keeper,
            UnitCode = unit, Note = Blank(input.Note), State = RecordFileState.Planned,
        };
        db.Set<RecordFile>().Add(file);
        await SaveNumberedAsync(plan, [.. planned, file], cancellationToken);
        return file;
    }

    public async Task<(FilePlan Plan, List<RecordFile> Files)> PlanWithFilesAsync(Guid planId, CancellationToken cancellationToken)
    {
        // The plan before its files: the revision shown is never newer than the rows shown, so an edit sent back with it
        // can be refused wrongly (reload and retry) but never accepted on rows its sender did not see.
        var plan = await db.Set<FilePlan>().AsNoTracking().Include(p => p.Headings).FirstOrDefaultAsync(p => p.Id == planId, cancellationToken)
            ?? throw RecordsRefusedException.NotFound("danh mục hồ sơ", planId);
        var files = await db.Set<RecordFile>().AsNoTracking().Where(f => f.PlanId == planId).ToListAsync(cancellationToken);
        return (plan, [.. files.OrderBy(f => plan.Headings.First(h => h.Id == f.HeadingId).Ordinal).ThenBy(f => f.Serial)]);
    }

    public Task<List<FilePlan>> PlansAsync(CancellationToken cancellationToken) =>
        db.Set<FilePlan>().AsNoTracking().OrderByDescending(p => p.Year).ToListAsync(cancellationToken);

    /// <summary>Opens a planned file: only once its plan is approved, by its keeper (or anyone, who then keeps it).</summary>
    public async Task<RecordFile> OpenPlannedAsync(Guid fileId, Reader reader, CancellationToken cancellationToken)
    {
        var file = await FileAsync(fileId, cancellationToken);
        var approved = await db.Set<FilePlan>().AnyAsync(p => p.Id == file.PlanId && p.State == FilePlanState.Approved, cancellationToken);
        if (!approved)
            throw RecordsRefusedException.Invalid("plan-not-approved", "Danh mục hồ sơ chưa được Giám đốc phê duyệt; chưa mở hồ sơ theo danh mục được.", $"Plan of {fileId} is not approved.");
        var now = time.GetUtcNow();
        file.Open(reader.UserName, reader.UnitCode, now, VietnamTime.DateOf(now));
        await db.SaveChangesAsync(cancellationToken);
        return file;
    }

    /// <summary>A file outside the plan (Article 29): the person sets its title, notation and retention, and keeps it.</summary>
    public async Task<RecordFile> OpenOutsideAsync(OutsideFileInput input, Reader reader, CancellationToken cancellationToken)
    {
        ExpectOrganId();
        Retention.Expect(input.RetentionYears);
        var notation = Required(input.Notation, "Số và ký hiệu hồ sơ");
        if (notation.Length > RecordFile.NotationLength)
            throw RecordsRefusedException.Invalid("notation-length", $"Số và ký hiệu hồ sơ tối đa {RecordFile.NotationLength} ký tự.", "Notation too long.");
        var now = time.GetUtcNow();
        var today = VietnamTime.DateOf(now);
        if (await db.Set<RecordFile>().AnyAsync(f => f.Year == today.Year && f.Notation == notation, cancellationToken))
            throw new RecordsRefusedException(RefusalKind.Conflict, "notation-taken", $"Năm {today.Year} đã có hồ sơ số, ký hiệu {notation}.", $"Notation {notation} is taken.");
        var file = new RecordFile
        {
            Id = Guid.CreateVersion7(), Year = today.Year, Notation = notation, Title = Required(input.Title, "Tiêu đề hồ sơ"),
            RetentionYears = input.RetentionYears, Keeper = reader.UserName, UnitCode = reader.UnitCode, Note = Blank(input.Note),
            State = RecordFileState.Open, OpenedAt = now, StartDate = today,
        };
        db.Set<RecordFile>().Add(file);
        await db.SaveChangesAsync(cancellationToken);
        return file;
    }

    /// <summary>The caller has checked that <paramref name="reader"/> may read the document.</summary>
    public async Task<FiledDocument> AddAsync(Guid fileId, FiledKind kind, Guid documentId, Reader reader, CancellationToken cancellationToken)
    {
        var file = await FileAsync(fileId, cancellationToken);
        // Added to the set as well: a new row with its key already set would otherwise be taken for an existing one.
        var filed = db.Set<FiledDocument>().Add(file.Add(kind, documentId, reader.UserName, time.GetUtcNow())).Entity;
        await db.SaveChangesAsync(cancellationToken);
        return filed;
    }

    public async Task RemoveAsync(Guid fileId, Guid filedId, Reader reader, CancellationToken cancellationToken)
    {
        var file = await FileAsync(fileId, cancellationToken);
        db.Set<FiledDocument>().Remove(file.Remove(filedId, reader.UserName));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Closing confirms the retention: <paramref name="permanent"/> or a number of years, never left to a default.</summary>
    public async Task<RecordFile> CloseAsync(Guid fileId, bool permanent, int? retentionYears, string? title, Reader reader,
        CancellationToken cancellationToken)
    {
        if (!permanent && retentionYears is null)
            throw RecordsRefusedException.Invalid("retention-unconfirmed", "Khi kết thúc hồ sơ cần xác định lại thời hạn bảo quản: Vĩnh viễn hoặc số năm.",
                "Closing needs the retention confirmed.");
        var file = await FileAsync(fileId, cancellationToken);
        var now = time.GetUtcNow();
        file.Close(reader.UserName, permanent ? null : retentionYears, title, now, VietnamTime.DateOf(now));
        await db.SaveChangesAsync(cancellationToken);
        return file;
    }

    /// <summary>The file with its documents, if <paramref name="reader"/> may see it.</summary>
    public async Task<RecordFile> VisibleAsync(Guid fileId, Reader reader, CancellationToken cancellationToken)
    {
        var file = await db.Set<RecordFile>().AsNoTracking().Include(f => f.Documents).FirstOrDefaultAsync(f => f.Id == fileId, cancellationToken);
        return file is not null && (reader.MaySee(file) || await ArchivedAsync(file, reader, cancellationToken))
            ? file
            : throw RecordsRefusedException.NotFound("hồ sơ", fileId);
    }

    /// <summary>
    /// NĐ30 Art. 31: a file the agency archive accepted is under archival management, so the archivist reads it and its
    /// documents; before that (submitted, returned, never handed in) it is still the unit's, and the archivist sees only
    /// its handover record.
    /// </summary>
    private async Task<bool> ArchivedAsync(RecordFile file, Reader reader, CancellationToken cancellationToken) =>
        reader.Has(StaffRole.Archivist)
        && await db.Set<RecordHandover>().AnyAsync(h => h.FileId == file.Id && h.State == HandoverState.Accepted, cancellationToken);

    /// <summary>One page of the files <paramref name="reader"/> may see, newest year first, then by file code.</summary>
    public async Task<RecordFileList> ListAsync(Reader reader, int? year, int page, int pageSize, CancellationToken cancellationToken)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, RecordFileList.MaxPageSize);
        var files = db.Set<RecordFile>().AsNoTracking().Where(RecordVisibility.Visible(reader)).Where(f => year == null || f.Year == year);
        var total = await files.CountAsync(cancellationToken);
        var items = await files.OrderByDescending(f => f.Year).ThenBy(f => f.Notation).ThenBy(f => f.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).Include(f => f.Documents).AsSplitQuery().ToListAsync(cancellationToken);
        return new RecordFileList(total, page, pageSize, items);
    }

    /// <summary>The files a document is in that <paramref name="reader"/> may see (one document, several people's files).</summary>
    public async Task<List<RecordFile>> ContainingAsync(FiledKind kind, Guid documentId, Reader reader, CancellationToken cancellationToken)
    {
        var files = await db.Set<RecordFile>().AsNoTracking()
            .Where(f => f.Documents.Any(d => d.Kind == kind && d.DocumentId == documentId)).ToListAsync(cancellationToken);
        return [.. files.Where(reader.MaySee)];
    }

    private async Task<FilePlan> PlanAsync(Guid planId, CancellationToken cancellationToken) =>
        await db.Set<FilePlan>().Include(p => p.Headings).FirstOrDefaultAsync(p => p.Id == planId, cancellationToken)
        ?? throw RecordsRefusedException.NotFound("danh mục hồ sơ", planId);

    private async Task<RecordFile> FileAsync(Guid fileId, CancellationToken cancellationToken) =>
        await db.Set<RecordFile>().Include(f => f.Documents).FirstOrDefaultAsync(f => f.Id == fileId, cancellationToken)
        ?? throw RecordsRefusedException.NotFound("hồ sơ", fileId);

    /// <summary>Every file code starts with the agency's identifier: without it no code would name the file anywhere else.</summary>
    private void ExpectOrganId()
    {
        if (!Edxml.AgencyCode.TryParse(OrganId, out _))
            throw RecordsRefusedException.Invalid("organ-id-missing",
                "Chưa cấu hình mã định danh của cơ quan (Exchange:AgencyCode) nên chưa tạo được mã hồ sơ; đề nghị quản trị cấu hình.",
                "Exchange:AgencyCode is not a valid agency code; file codes need it.");
    }

    private static void ExpectPlanner(Reader reader)
    {
        if (!reader.MayPlan())
            throw RecordsRefusedException.Forbidden("not-office", "Danh mục hồ sơ do Văn phòng lập, Giám đốc phê duyệt.", $"{reader.UserName} may not edit the file plan.");
    }

    private static string Required(string? value, string field, string? fieldName = null) => string.IsNullOrWhiteSpace(value)
        ? throw RecordsRefusedException.Invalid("required", $"{field} không được để trống.", $"{field} is empty.", fieldName)
        : value.Trim();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
