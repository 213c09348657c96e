using DocBpm.Documents.Incoming;
using DocBpm.Documents.Files;
using DocBpm.Documents.Organisation;
using DocBpm.Documents.Text;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.Outgoing;

/// <summary>
/// The drafter's side of an outgoing document: creating it, every uploaded version, its recipients, its history and the
/// corrections of an issued one. Changes join the caller's unit of work; the caller saves them with the process step.
/// </summary>
public sealed class OutgoingDrafts(DbContext db, FileStore files, TimeProvider time)
{
    public const int SubjectLength = 2000;

    public async Task<OutgoingDocument> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Set<OutgoingDocument>().FirstOrDefaultAsync(d => d.Id == id, cancellationToken)
        ?? throw OutgoingRefusedException.NotFound(id);

    public async Task<OutgoingDocument> CreateAsync(NewDraft draft, Drafter drafter, CancellationToken cancellationToken)
    {
        var type = await db.Set<DocumentType>().AsNoTracking().FirstOrDefaultAsync(t => t.Code == draft.TypeCode, cancellationToken)
            ?? throw OutgoingRefusedException.Invalid($"Loại văn bản '{draft.TypeCode}' không có trong danh mục (Phụ lục III).",
                $"Unknown document type '{draft.TypeCode}'.");
        var subject = VietnameseText.Normalize(draft.Subject) ?? "";
        // A subject with no search key (nothing but combining marks) says nothing, and an empty key marks a row stored
        // before the keys (OutgoingDocument.SubjectKey).
        if (subject.Length > SubjectLength || VietnameseText.SearchKey(subject).Length == 0)
            throw OutgoingRefusedException.Invalid($"Trích yếu phải có từ 1 đến {SubjectLength} ký tự.", "Subject is empty or too long.");
        if (!Enum.IsDefined(draft.Urgency) || !Enum.IsDefined(draft.Confidentiality))
            throw OutgoingRefusedException.Invalid("Mức độ khẩn hoặc độ mật không hợp lệ.", "Unknown urgency or confidentiality.");
        if (draft.Confidentiality != Confidentiality.None)
            throw OutgoingRefusedException.Invalid(
                "Văn bản có nội dung bí mật nhà nước (Mật, Tối mật, Tuyệt mật) không được soạn thảo, xử lý trên hệ thống (Điều 5 khoản 2, Điều 11 khoản 1 Quy chế).",
                "State-secret documents stay out of the system (Articles 5.2, 11.1).");
        if (draft.Copies < 1 || draft.PageCount is < 1)
            throw OutgoingRefusedException.Invalid("Số lượng bản và số trang phải là số dương.", "Copies or page count below 1.");
        if (draft.InReplyTo is { } reply && !await db.Set<IncomingDocument>().AnyAsync(r => r.Id == reply, cancellationToken))
            throw OutgoingRefusedException.Invalid("Văn bản đến được trả lời không tồn tại.", $"Received document {reply} does not exist.");

        var document = new OutgoingDocument
        {
            Id = Guid.CreateVersion7(),
            TypeCode = type.Code,
            TypeName = type.Name,
            Subject = subject,
            DraftingUnit = drafter.UnitCode,
            Drafter = drafter.UserName,
            Urgency = draft.Urgency,
            Confidentiality = draft.Confidentiality,
            PaperAlsoSent = draft.PaperAlsoSent,
            Copies = draft.Copies,
            PageCount = draft.PageCount,
            Notes = VietnameseText.Normalize(draft.Notes),
            ArchiveHolder = VietnameseText.Normalize(draft.ArchiveHolder),
            InReplyToId = draft.InReplyTo,
            CreatedAt = time.GetUtcNow(),
        };
        db.Set<OutgoingDocument>().Add(document);
        await SetRecipientsAsync(document, draft.Recipients ?? [], cancellationToken);
        Record(document, drafter.UserName, OutgoingAction.Created, null);
        return document;
    }

    /// <summary>Keeps an upload as the next version of the main file or as an attachment; nothing earlier is replaced.</summary>
    public async Task<DraftVersion> AddVersionAsync(OutgoingDocument document, DraftFileKind kind, string fileName, string? contentType,
        byte[] content, string actor, string? note, CancellationToken cancellationToken)
    {
        EnsureDrafting(document, actor);
        var file = files.Add(fileName, contentType, content);
        var last = await db.Set<DraftVersion>().Where(v => v.DocumentId == document.Id && v.Kind == kind)
            .MaxAsync(v => (int?)v.Version, cancellationToken) ?? 0;
        var version = new DraftVersion
        {
            Id = Guid.CreateVersion7(),
            DocumentId = document.Id,
            Kind = kind,
            Version = last + 1,
            FileId = file.Id,
            FileName = file.Name,
            UploadedBy = actor,
            UploadedAt = time.GetUtcNow(),
            Note = VietnameseText.Normalize(note),
        };
        db.Set<DraftVersion>().Add(version);
        return version;
    }

    /// <summary>Replaces the recipients: agencies must be in the directory, units must exist; people come checked by the caller.</summary>
    public async Task SetRecipientsAsync(OutgoingDocument document, IReadOnlyList<RecipientChoice> choices, CancellationToken cancellationToken)
    {
        var unique = choices.DistinctBy(c => (c.Kind, c.Code)).ToList();
        var agencyCodes = unique.Where(c => c.Kind == RecipientKind.Agency).Select(c => c.Code).ToList();
        var agencies = await db.Set<AgencyEntry>().AsNoTracking().Where(a => agencyCodes.Contains(a.Code) && a.IsActive)
            .ToDictionaryAsync(a => a.Code, a => a.Name, cancellationToken);
        var unitCodes = unique.Where(c => c.Kind == RecipientKind.Unit).Select(c => c.Code).ToList();
        var units = await db.Set<Unit>().AsNoTracking().Where(u => unitCodes.Contains(u.Code))
            .ToDictionaryAsync(u => u.Code, u => u.Name, cancellationToken);
        var unknown = agencyCodes.Where(c => !agencies.ContainsKey(c)).Concat(unitCodes.Where(c => !units.ContainsKey(c))).ToList();
        if (unknown.Count > 0)
            throw OutgoingRefusedException.Invalid($"Nơi nhận không có trong danh bạ cơ quan hoặc danh sách đơn vị: {string.Join(", ", unknown)}.",
                $"Unknown recipients: {string.Join(", ", unknown)}.");
        if (unique.Any(c => !Enum.IsDefined(c.Kind)))
            throw OutgoingRefusedException.Invalid("Loại nơi nhận không hợp lệ.", "Unknown recipient kind.");

        var set = db.Set<OutgoingRecipient>();
        set.RemoveRange(await set.Where(r => r.DocumentId == document.Id).ToListAsync(cancellationToken));
        set.AddRange(unique.Select(c => new OutgoingRecipient
        {
            Id = Guid.CreateVersion7(),
            DocumentId = document.Id,
            Kind = c.Kind,
            Code = c.Code,
            Name = c.Kind switch
            {
                RecipientKind.Agency => agencies[c.Code],
                RecipientKind.Unit => units[c.Code],
                _ => c.Name ?? c.Code,
            },
        }));
    }

    /// <summary>
    /// A draft goes to review only with its main file and at least one recipient; the main file is what the leader signs,
    /// so its last version must be a PDF (Article 3.3a), checked by the type detected from its content.
    /// </summary>
    public async Task EnsureCompleteAsync(OutgoingDocument document, CancellationToken cancellationToken)
    {
        var main = await (from v in db.Set<DraftVersion>().AsNoTracking()
                          where v.DocumentId == document.Id && v.Kind == DraftFileKind.Main
                          orderby v.Version descending
                          join f in db.Set<StoredFile>() on v.FileId equals f.Id
                          select new { v.FileName, f.ContentType }).FirstOrDefaultAsync(cancellationToken)
            ?? throw OutgoingRefusedException.Invalid("Chưa tải lên tệp dự thảo văn bản.", "No main file was uploaded.");
        if (!FileFormat.Pdf.ContentTypes.Contains(main.ContentType))
            throw OutgoingRefusedException.Invalid(
                $"Tệp văn bản chính '{main.FileName}' không phải PDF: văn bản được ký số phải ở định dạng *.pdf (Điều 3.3a); hãy tải lên bản PDF rồi trình.",
                $"The main file of {document.Id} is {main.ContentType}, not a PDF.");
        if (!await db.Set<OutgoingRecipient>().AnyAsync(r => r.DocumentId == document.Id, cancellationToken))
            throw OutgoingRefusedException.Invalid("Chưa chọn nơi nhận.", "No recipient was chosen.");
    }

    /// <summary>
    /// A replacement or a correction notice of an issued document (Article 9.5), linked both ways and addressed to the
    /// same recipients. A replacement keeps the type; a notice is a công văn.
    /// </summary>
    public async Task<OutgoingDocument> CorrectAsync(OutgoingDocument original, CorrectionKind kind, string subject, Drafter drafter,
        CancellationToken cancellationToken)
    {
        if (original.Stage != OutgoingStage.Issued)
            throw OutgoingRefusedException.Conflict("Chỉ đính chính hoặc thay thế văn bản đã ban hành.", $"Document {original.Id} is not issued.");
        if (original.CorrectedById is not null)
            throw OutgoingRefusedException.Conflict("Văn bản này đã có văn bản đính chính hoặc thay thế.", $"Document {original.Id} is corrected already.");
        if (!Enum.IsDefined(kind))
            throw OutgoingRefusedException.Invalid("Hình thức đính chính không hợp lệ.", $"Unknown correction kind {kind}.");
        var recipients = await db.Set<OutgoingRecipient>().AsNoTracking().Where(r => r.DocumentId == original.Id)
            .Select(r => new RecipientChoice(r.Kind, r.Code, r.Name)).ToListAsync(cancellationToken);
        var draft = new NewDraft(kind == CorrectionKind.Replacement ? original.TypeCode : DocumentTypeSeed.OfficialLetter, subject,
            original.Urgency, original.Confidentiality, original.Copies, Recipients: recipients, ArchiveHolder: original.ArchiveHolder,
            PaperAlsoSent: original.PaperAlsoSent);
        var correction = await CreateAsync(draft, drafter, cancellationToken);
        correction.CorrectsId = original.Id;
        correction.CorrectionKind = kind;
        original.CorrectedById = correction.Id;
        Record(original, drafter.UserName, OutgoingAction.Corrected, correction.Id.ToString());
        return correction;
    }

    public void Record(OutgoingDocument document, string actor, OutgoingAction action, string? comment) =>
        db.Set<OutgoingHistoryEntry>().Add(new OutgoingHistoryEntry
        {
            Id = Guid.CreateVersion7(),
            DocumentId = document.Id,
            At = time.GetUtcNow(),
            Actor = actor,
            Action = action,
            Comment = VietnameseText.Normalize(comment),
        });

    private static void EnsureDrafting(OutgoingDocument document, string actor)
    {
        if (document.Stage != OutgoingStage.Drafting || !string.Equals(document.Drafter, actor, StringComparison.Ordinal))
            throw OutgoingRefusedException.Conflict("Chỉ người soạn thảo sửa dự thảo, khi văn bản đang ở bước soạn thảo.",
                $"{actor} may not change document {document.Id} at stage {document.Stage}.");
    }
}
