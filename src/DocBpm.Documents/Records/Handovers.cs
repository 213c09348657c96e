using DocBpm.Documents.Access;
using DocBpm.Engine;
using DocBpm.Engine.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DocBpm.Documents.Records;

/// <summary>
/// A closed file subject to handover and the day it is due: by the rule, or the end of an approved keep-back.
/// <see cref="WarningSource"/> names the due date the 30-day warning is about, so a file that falls due again after a
/// keep-back is warned again, once.
/// </summary>
public sealed record DueFile(RecordFile File, DateOnly DueDate, Guid WarningSource, RecordHandover? Handover, KeepBack? KeepBack)
{
    public bool HandedIn => Handover?.State is HandoverState.Submitted or HandoverState.Accepted;
}

/// <summary>
/// The handover of closed files to the agency archive (NĐ30 Articles 30–31; docs/records.md): the keeper submits, the
/// archivist (Lưu trữ cơ quan) accepts or returns each file with a reason, the Director lets a file be kept back. A domain
/// state machine (<see cref="RecordHandover"/>), each call one unit of work, every transition a <see cref="HandoverEvent"/>.
/// </summary>
public sealed partial class Handovers(DbContext db, TimeProvider time, IOptions<HandoverOptions> options, ILogger<Handovers> logger)
{
    private HandoverOptions Rule => options.Value;

    public DateOnly Today => VietnamTime.DateOf(time.GetUtcNow());

    /// <summary>How many days before its due day a file is warned of (Phụ lục VI I.III.8).</summary>
    public int WarningDays => Rule.WarningDays;

    /// <summary>The archivist sees the files handed over or falling due and nothing else; the office and the leaders follow them.</summary>
    public static bool Oversees(Reader reader) =>
        reader.Has(StaffRole.Archivist) || reader.Has(StaffRole.OfficeChief) || reader.Has(StaffRole.Director) || reader.Has(StaffRole.Deputy);

    /// <summary>Every closed file subject to handover that is not handed in, with the day it is due.</summary>
    public async Task<List<DueFile>> SubjectAsync(CancellationToken cancellationToken) =>
        [.. (await ClosedSubjectAsync(null, cancellationToken)).Where(d => !d.HandedIn)];

    /// <summary>The keeper's own files subject to handover, whether handed in or not, due soon or not: his handover page.</summary>
    public Task<List<DueFile>> KeptByAsync(Reader reader, CancellationToken cancellationToken) => ClosedSubjectAsync(reader.UserName, cancellationToken);

    private async Task<List<DueFile>> ClosedSubjectAsync(string? keeper, CancellationToken cancellationToken)
    {
        var files = await db.Set<RecordFile>().AsNoTracking().Include(f => f.Documents).Where(f => f.State == RecordFileState.Closed)
            .ToListAsync(cancellationToken);
        files = [.. files.Where(Rule.Applies).Where(f => keeper is null || string.Equals(f.Keeper, keeper, StringComparison.OrdinalIgnoreCase))];
        var ids = files.Select(f => f.Id).ToList();
        var handovers = await db.Set<RecordHandover>().AsNoTracking().Where(h => ids.Contains(h.FileId)).ToDictionaryAsync(h => h.FileId, cancellationToken);
        var keepBacks = (await db.Set<KeepBack>().AsNoTracking().Where(k => ids.Contains(k.FileId) && k.State == KeepBackState.Approved)
            .ToListAsync(cancellationToken)).GroupBy(k => k.FileId).ToDictionary(g => g.Key, g => g.MaxBy(k => k.Until)!);
        return [.. files.Select(f => Due(f, handovers.GetValueOrDefault(f.Id), keepBacks.GetValueOrDefault(f.Id)))
            .OrderBy(d => d.DueDate).ThenBy(d => d.File.Year).ThenBy(d => d.File.Notation)];
    }

    /// <summary>Files within the warning period or past their due day: the keeper's own, or all for those who oversee.</summary>
    public async Task<List<DueFile>> DueAsync(Reader reader, CancellationToken cancellationToken)
    {
        var horizon = Today.AddDays(Rule.WarningDays);
        return [.. (await SubjectAsync(cancellationToken)).Where(d => d.DueDate <= horizon)
            .Where(d => Oversees(reader) || string.Equals(d.File.Keeper, reader.UserName, StringComparison.OrdinalIgnoreCase))];
    }

    /// <summary>Hands in one or more of the keeper's closed files as one submission (Art. 30.1: files kept five years or more).</summary>
    public async Task<(HandoverSubmission Submission, List<RecordFile> Files)> SubmitAsync(IReadOnlyCollection<Guid> fileIds, Reader reader,
        CancellationToken cancellationToken)
    {
        var ids = fileIds.Distinct().ToList();
        if (ids.Count == 0)
            throw RecordsRefusedException.Invalid("no-files", "Chọn ít nhất một hồ sơ để nộp lưu.", "No files to submit.");
        var files = await db.Set<RecordFile>().AsNoTracking().Include(f => f.Documents).Where(f => ids.Contains(f.Id)).ToListAsync(cancellationToken);
        var missing = ids.Except(files.Select(f => f.Id)).FirstOrDefault();
        if (missing != Guid.Empty)
            throw RecordsRefusedException.NotFound("hồ sơ", missing);
        foreach (var file in files)
        {
            file.ExpectKeeper(reader.UserName);
            if (file.State != RecordFileState.Closed)
                throw RecordsRefusedException.Invalid("not-closed", $"Hồ sơ {file.Notation} chưa kết thúc; chỉ nộp lưu hồ sơ đã kết thúc (Điều 30 Nghị định 30/2020/NĐ-CP).",
                    $"File {file.Id} is {file.State}.");
            if (!Rule.Applies(file))
                throw RecordsRefusedException.Invalid("short-retention",
                    $"Hồ sơ {file.Notation} có thời hạn bảo quản dưới {Rule.MinimumRetentionYears} năm, không thuộc diện nộp lưu (Điều 30 Nghị định 30/2020/NĐ-CP).",
                    $"File {file.Id} is kept {file.RetentionYears} years.");
        }

        var now = time.GetUtcNow();
        var submission = new HandoverSubmission { Id = Guid.CreateVersion7(), SubmittedBy = reader.UserName, UnitCode = reader.UnitCode, SubmittedAt = now };
        db.Set<HandoverSubmission>().Add(submission);
        var existing = await db.Set<RecordHandover>().Where(h => ids.Contains(h.FileId)).ToDictionaryAsync(h => h.FileId, cancellationToken);
        foreach (var file in files)
        {
            if (existing.TryGetValue(file.Id, out var handover))
                handover.Resubmit(submission.Id, reader.UserName, now);
            else
                db.Set<RecordHandover>().Add(new RecordHandover
                {
                    Id = Guid.CreateVersion7(), FileId = file.Id, State = HandoverState.Submitted, SubmissionId = submission.Id,
                    SubmittedBy = reader.UserName, SubmittedAt = now,
                });
            Record(file.Id, submission.Id, HandoverAction.Submitted, reader.UserName, null, now);
        }

        await SaveSubmissionAsync([.. ids.Except(existing.Keys)], reader, cancellationToken);
        return (submission, [.. files.OrderBy(f => f.Year).ThenBy(f => f.Notation)]);
    }

    public Task<RecordHandover> WithdrawAsync(Guid fileId, Reader reader, CancellationToken cancellationToken) =>
        MoveAsync(fileId, reader, HandoverAction.Withdrawn, null, cancellationToken);

    public Task<RecordHandover> AcceptAsync(Guid fileId, Reader reader, CancellationToken cancellationToken) =>
        MoveAsync(fileId, reader, HandoverAction.Accepted, null, cancellationToken);

    public Task<RecordHandover> ReturnAsync(Guid fileId, string? reason, Reader reader, CancellationToken cancellationToken) =>
        MoveAsync(fileId, reader, HandoverAction.Returned, reason, cancellationToken);

    /// <summary>The keeper takes a file back; the archivist decides. One save: a concurrent decision makes this one a 409.</summary>
    private async Task<RecordHandover> MoveAsync(Guid fileId, Reader reader, HandoverAction action, string? reason, CancellationToken cancellationToken)
    {
        var handover = await db.Set<RecordHandover>().FirstOrDefaultAsync(h => h.FileId == fileId, cancellationToken)
            ?? throw RecordsRefusedException.NotFound("hồ sơ nộp lưu", fileId);
        var now = time.GetUtcNow();
        if (action == HandoverAction.Withdrawn)
        {
            if (!string.Equals(handover.SubmittedBy, reader.UserName, StringComparison.OrdinalIgnoreCase))
                throw RecordsRefusedException.Forbidden("not-keeper", "Chỉ người nộp hồ sơ được rút hồ sơ lại.", $"{reader.UserName} did not submit {fileId}.");
            handover.Withdraw(reader.UserName, now);
        }
        else
        {
            ExpectArchivist(reader);
            if (action == HandoverAction.Accepted)
                handover.Accept(reader.UserName, now);
            else
                handover.Return(reader.UserName, reason, now);
        }

        Record(fileId, handover.SubmissionId, action, reader.UserName, handover.Reason, now);
        await SaveDecisionAsync(fileId, reader, cancellationToken);
        return handover;
    }

    /// <summary>The keeper asks to keep a due file back until <paramref name="until"/> (by default as long as the rule allows).</summary>
    public async Task<KeepBack> RequestKeepBackAsync(Guid fileId, string? reason, DateOnly? until, Reader reader, CancellationToken cancellationToken)
    {
        var due = (await SubjectAsync(cancellationToken)).FirstOrDefault(d => d.File.Id == fileId) ?? throw RecordsRefusedException.NotFound("hồ sơ đến hạn nộp lưu", fileId);
        due.File.ExpectKeeper(reader.UserName);
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > RecordHandover.ReasonLength)
            throw RecordsRefusedException.Invalid("reason-required", $"Đề nghị giữ lại hồ sơ cần ghi lý do (tối đa {RecordHandover.ReasonLength} ký tự).", "A keep-back needs a reason.", "reason");
        var ruleDue = Rule.DueDate(due.File);
        var limit = Rule.KeepBackLimit(ruleDue);
        var end = until ?? limit;
        if (end <= due.DueDate || end > limit)
            throw RecordsRefusedException.Invalid("keep-back-period",
                $"Thời hạn giữ lại phải sau ngày đến hạn nộp lưu ({due.DueDate:dd/MM/yyyy}) và không quá {Rule.KeepBackMonths / 12} năm kể từ ngày đến hạn ({limit:dd/MM/yyyy}) (Điều 30 Nghị định 30/2020/NĐ-CP).",
                $"Keep-back until {end} is outside ({due.DueDate}, {limit}].", "until");
        if (await db.Set<KeepBack>().AnyAsync(k => k.FileId == fileId && k.State == KeepBackState.Requested, cancellationToken))
            throw new RecordsRefusedException(RefusalKind.Conflict, "keep-back-pending", "Đã có đề nghị giữ lại hồ sơ này đang chờ Giám đốc quyết định.", $"Keep-back of {fileId} pending.");
        var now = time.GetUtcNow();
        var keepBack = new KeepBack
        {
            Id = Guid.CreateVersion7(), FileId = fileId, RequestedBy = reader.UserName, RequestedAt = now, Reason = reason.Trim(), DueDate = ruleDue, Until = end,
            State = KeepBackState.Requested,
        };
        db.Set<KeepBack>().Add(keepBack);
        Record(fileId, null, HandoverAction.KeepBackRequested, reader.UserName, $"{keepBack.Reason} (đến {end:dd/MM/yyyy})", now);
        await db.SaveChangesAsync(cancellationToken);
        return keepBack;
    }

    /// <summary>The head of the agency consents, or not (Art. 30.3: "được người đứng đầu cơ quan đồng ý").</summary>
    public async Task<KeepBack> DecideKeepBackAsync(Guid keepBackId, bool approve, Reader reader, CancellationToken cancellationToken)
    {
        if (!reader.Has(StaffRole.Director))
            throw RecordsRefusedException.Forbidden("not-director", "Chỉ Giám đốc đồng ý cho giữ lại hồ sơ đến hạn nộp lưu (Điều 30 Nghị định 30/2020/NĐ-CP).",
                $"{reader.UserName} may not decide keep-backs.");
        var keepBack = await db.Set<KeepBack>().FirstOrDefaultAsync(k => k.Id == keepBackId, cancellationToken)
            ?? throw RecordsRefusedException.NotFound("đề nghị giữ lại hồ sơ", keepBackId);
        var now = time.GetUtcNow();
        keepBack.Decide(approve, reader.UserName, now);
        Record(keepBack.FileId, null, approve ? HandoverAction.KeepBackApproved : HandoverAction.KeepBackRefused, reader.UserName, null, now);
        await SaveDecisionAsync(keepBack.FileId, reader, cancellationToken);
        return keepBack;
    }

    /// <summary>Every keep-back asked for these files, oldest first: the keeper sees each request and the Director's answer.</summary>
    public Task<List<KeepBack>> KeepBacksAsync(IReadOnlyCollection<Guid> fileIds, CancellationToken cancellationToken) =>
        db.Set<KeepBack>().AsNoTracking().Where(k => fileIds.Contains(k.FileId)).OrderBy(k => k.RequestedAt).ToListAsync(cancellationToken);

    /// <summary>The keep-backs waiting for the Director's consent, oldest first, with their files.</summary>
    public async Task<List<(KeepBack KeepBack, RecordFile File)>> PendingKeepBacksAsync(CancellationToken cancellationToken)
    {
        var pending = await db.Set<KeepBack>().AsNoTracking().Where(k => k.State == KeepBackState.Requested).OrderBy(k => k.RequestedAt)
            .ToListAsync(cancellationToken);
        var ids = pending.Select(k => k.FileId).ToList();
        var files = await db.Set<RecordFile>().AsNoTracking().Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);
        return [.. pending.Select(k => (k, files[k.FileId]))];
    }

    /// <summary>
    /// What the archivist checks a submission against (NĐ30 Art. 31): the files the plans of these years list that fall
    /// under handover by their planned retention, whatever their state.
    /// </summary>
    public async Task<List<RecordFile>> PlannedAsync(IReadOnlyCollection<int> years, CancellationToken cancellationToken) =>
        [.. (await db.Set<RecordFile>().AsNoTracking().Where(f => f.PlanId != null && years.Contains(f.Year)).ToListAsync(cancellationToken))
            .Where(f => Rule.Retained(f.RetentionYears)).OrderBy(f => f.Year).ThenBy(f => f.Notation)];

    /// <summary>The files handed over with their state, for the archivist: waiting ones first.</summary>
    public async Task<List<(RecordHandover Handover, RecordFile File)>> HandedOverAsync(HandoverState? state, Guid? submissionId, Reader reader,
        CancellationToken cancellationToken)
    {
        var handovers = db.Set<RecordHandover>().AsNoTracking().Where(h => state == null || h.State == state).Where(h => submissionId == null || h.SubmissionId == submissionId);
        if (!Oversees(reader))
        {
            var user = reader.UserName;
            handovers = handovers.Where(h => h.SubmittedBy == user);
        }

        var rows = await handovers.ToListAsync(cancellationToken);
        var ids = rows.Select(h => h.FileId).ToList();
        var files = await db.Set<RecordFile>().AsNoTracking().Include(f => f.Documents).Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);
        return [.. rows.Select(h => (h, files[h.FileId])).OrderBy(r => r.h.State).ThenBy(r => r.Item2.Year).ThenBy(r => r.Item2.Notation)];
    }

    public async Task<HandoverSubmission> SubmissionAsync(Guid submissionId, Reader reader, CancellationToken cancellationToken)
    {
        var submission = await db.Set<HandoverSubmission>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == submissionId, cancellationToken);
        return submission is not null && (Oversees(reader) || string.Equals(submission.SubmittedBy, reader.UserName, StringComparison.OrdinalIgnoreCase))
            ? submission
            : throw RecordsRefusedException.NotFound("đợt nộp lưu", submissionId);
    }

    /// <summary>
    /// A file as the archivist may see it: closed, subject to handover, and handed in or within its warning period.
    /// The keeper and the people who see the file in the unit see it as <see cref="RecordVisibility"/> says.
    /// </summary>
    public async Task<(RecordFile File, RecordHandover? Handover, List<HandoverEvent> Trail)> FileAsync(Guid fileId, Reader reader, CancellationToken cancellationToken)
    {
        var file = await db.Set<RecordFile>().AsNoTracking().Include(f => f.Documents).FirstOrDefaultAsync(f => f.Id == fileId, cancellationToken);
        var handover = await db.Set<RecordHandover>().AsNoTracking().FirstOrDefaultAsync(h => h.FileId == fileId, cancellationToken);
        var visible = file is not null && (reader.MaySee(file) || (reader.Has(StaffRole.Archivist) && Rule.Applies(file)
            && (handover is not null || (await SubjectAsync(cancellationToken)).Any(d => d.File.Id == fileId && d.DueDate <= Today.AddDays(Rule.WarningDays)))));
        if (!visible)
            throw RecordsRefusedException.NotFound("hồ sơ", fileId);
        var trail = await db.Set<HandoverEvent>().AsNoTracking().Where(e => e.FileId == fileId).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        return (file!, handover, trail);
    }

    /// <summary>Adds the audit row of a transition; the caller saves it with the transition itself.</summary>
    public void Record(Guid fileId, Guid? submissionId, HandoverAction action, string actor, string? reason, DateTimeOffset at) =>
        db.Set<HandoverEvent>().Add(new HandoverEvent
        {
            Id = Guid.CreateVersion7(), FileId = fileId, SubmissionId = submissionId, Action = action, Actor = actor, Reason = reason, At = at,
        });

    /// <summary>
    /// One save for a decision: two people who loaded the same state both pass the rule, and the revision makes the
    /// second save fail; that is a lost race, said in Vietnamese as a 409, not a server error.
    /// </summary>
    private async Task SaveDecisionAsync(Guid fileId, Reader reader, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw LostRace(fileId, reader);
        }
    }

    /// <summary>
    /// One save for a submission. Two submissions of one file at once both pass the rules: a resubmission loses on the
    /// handover's revision, a first submission on the key that allows one handover row per file (the other request
    /// stored it meanwhile, which the database names in its own words). Either is the same lost race as a decision's.
    /// </summary>
    private async Task SaveSubmissionAsync(List<Guid> firstSubmissions, Reader reader, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException raced)
        {
            throw LostRace(raced.Entries.Select(e => e.Entity).OfType<RecordHandover>().Select(h => h.FileId).FirstOrDefault(), reader);
        }
        catch (DbUpdateException) when (firstSubmissions.Count > 0)
        {
            db.ChangeTracker.Clear();
            var taken = await db.Set<RecordHandover>().AsNoTracking().Where(h => firstSubmissions.Contains(h.FileId)).Select(h => (Guid?)h.FileId)
                .FirstOrDefaultAsync(cancellationToken);
            if (taken is not { } fileId)
                throw;
            throw LostRace(fileId, reader);
        }
    }

    private RecordsRefusedException LostRace(Guid fileId, Reader reader)
    {
        LogLostRace(fileId, reader.UserName);
        return new RecordsRefusedException(RefusalKind.Conflict, "lost-race",
            "Hồ sơ vừa được người khác xử lý cùng lúc; không có thay đổi nào được lưu. Hãy tải lại trang.", $"Handover of file {fileId} changed meanwhile.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Handover of file {FileId}: {UserName} lost the race to submit or decide it; nothing was saved")]
    private partial void LogLostRace(Guid fileId, string userName);

    private DueFile Due(RecordFile file, RecordHandover? handover, KeepBack? keepBack) =>
        keepBack is not null
            ? new DueFile(file, keepBack.Until, keepBack.Id, handover, keepBack)
            : new DueFile(file, Rule.DueDate(file), file.Id, handover, null);

    private static void ExpectArchivist(Reader reader)
    {
        if (!reader.Has(StaffRole.Archivist))
            throw RecordsRefusedException.Forbidden("not-archivist", "Chỉ Lưu trữ cơ quan kiểm tra, tiếp nhận hoặc trả lại hồ sơ nộp lưu (Điều 31 Nghị định 30/2020/NĐ-CP).",
                $"{reader.UserName} is not an archivist.");
    }
}
