using System.Text.Json.Nodes;
using DocBpm.Documents.Exchange;
using DocBpm.Documents.Files;
using DocBpm.Documents.Registers;
using DocBpm.Edxml;
using DocBpm.Engine;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Engine.Timers;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.Incoming;

public sealed record UploadedFile(string Name, string ContentType, byte[] Content);

public sealed class IncomingNotFoundException(Guid documentId)
    : DocumentRefusedException(RefusalKind.NotFound, "Không tìm thấy", "Văn bản đến không tồn tại.", $"Incoming document {documentId} does not exist.");

/// <summary>
/// The clerk's side of an incoming document (Article 8.1, 8.2a): it arrives from the axis or is uploaded, is checked,
/// then registered with its incoming number or returned to the sender with a reason.
/// </summary>
public sealed class IncomingRegistry(DbContext db, WorkflowRuntime runtime, FileStore files, RegisterNumbers numbers,
    IBusinessCalendar calendar, UrgentHandling urgent, TimeProvider time)
{
    /// <summary>
    /// Adds the document the axis delivered to the intake's unit of work; <paramref name="paperFollows"/> is the package's
    /// word that a paper original is also sent (Article 5.5).
    /// </summary>
    public IncomingDocument AddFromAxis(ReceivedDocument received, string documentType, string? signer, bool paperFollows)
    {
        var document = new IncomingDocument
        {
            Id = Guid.CreateVersion7(),
            Source = IncomingSource.Axis,
            ReceivedDocumentId = received.Id,
            ProcessKey = received.DocumentId,
            InstanceId = Guid.CreateVersion7(),
            IssuingAgency = received.SenderName,
            IssuingAgencyCode = received.SenderCode,
            CodeNumber = received.CodeNumber,
            CodeNotation = received.CodeNotation,
            DocumentDate = received.PromulgationDate,
            DocumentType = documentType,
            Subject = received.Subject,
            Signer = signer,
            Urgency = UrgencyOf(received.Priority),
            ArrivedAt = received.ArrivedAt,
            ReceivedAt = received.ReceivedAt,
            FileIds = received.FileIds,
            Status = IncomingStatus.Arrived,
            PaperOriginalFollows = paperFollows,
        };
        db.Set<IncomingDocument>().Add(document);
        db.Record(document, received.ArrivedAt, "axis", IncomingActions.Arrived, received.SenderName);
        return document;
    }

    /// <summary>The axis's scheduled flash (4) is a flash document here; the other priorities are the same scale.</summary>
    public static Urgency UrgencyOf(EdxmlPriority priority) => priority == EdxmlPriority.FlashScheduled ? Urgency.Flash : (Urgency)(int)priority;

    /// <summary>A paper document the clerk digitised: stored with its files, and its incoming process started.</summary>
    public async Task<IncomingDocument> UploadAsync(IncomingFields fields, IReadOnlyList<UploadedFile> uploaded, TaskActor clerk,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var errors = fields.Validate(IncomingProcess.DayOf(now));
        if (uploaded.Count == 0)
            errors["files"] = ["Cần tải lên ít nhất một tệp văn bản đã số hóa."];
        var stored = new List<StoredFile>();
        foreach (var file in uploaded)
        {
            try
            {
                stored.Add(files.Add(file.Name, file.ContentType, file.Content));
            }
            catch (FileRefusedException refused)
            {
                errors["files"] = [refused.DetailVi];
            }
        }

        IncomingValidationException.ThrowIfAny(errors);
        var id = Guid.CreateVersion7();
        var document = new IncomingDocument
        {
            Id = id,
            Source = IncomingSource.Paper,
            ProcessKey = id.ToString(),
            InstanceId = Guid.CreateVersion7(),
            IssuingAgency = "",
            CodeNumber = "",
            CodeNotation = "",
            DocumentType = "",
            Subject = "",
            ArrivedAt = now.ToUniversalTime(),
            ReceivedAt = calendar.NextWorkingInstant(now).ToUniversalTime(),
            FileIds = string.Join(",", stored.Select(f => f.Id)),
            Status = IncomingStatus.Arrived,
        };
        fields.ApplyTo(document);
        db.Set<IncomingDocument>().Add(document);
        db.Record(document, now, clerk.UserName, IncomingActions.Uploaded, string.Join(", ", uploaded.Select(f => f.Name)));

        // The runtime stores the new instance in the same SaveChanges as the document.
        await runtime.CorrelateAsync(new MessageRequest(IncomingProcess.PaperArrived, document.ProcessKey,
            StartVariables(document), Actor: clerk.UserName, BusinessKey: document.ProcessKey, InstanceId: document.InstanceId),
            cancellationToken);
        return document;
    }

    /// <summary>What the document's process starts with, the clerk's Article 6.2 time limit included.</summary>
    public Dictionary<string, JsonNode?> StartVariables(IncomingDocument document) => IncomingProcess.StartVariables(document, urgent);

    /// <summary>
    /// Registers the checked document: its Appendix VI fields and the next number of the incoming register book for the
    /// year of its receipt time, stored with the step; a clerk who lost the race for a number runs the step again.
    /// </summary>
    public Task<IncomingDocument> RegisterAsync(Guid id, IncomingFields fields, TaskActor clerk, CancellationToken cancellationToken) =>
        numbers.RetryOnConflictAsync(ct => RegisterOnceAsync(id, fields, clerk, ct), cancellationToken);

    private async Task<IncomingDocument> RegisterOnceAsync(Guid id, IncomingFields fields, TaskActor clerk, CancellationToken cancellationToken)
    {
        var document = await LoadAsync(db, id, cancellationToken);
        var task = await ClerkTaskAsync(document, "Văn bản đã được vào sổ hoặc trả lại; không vào sổ lại.", cancellationToken);
        var now = time.GetUtcNow();
        IncomingValidationException.ThrowIfAny(fields.Validate(IncomingProcess.DayOf(now)));

        fields.ApplyTo(document);
        var number = (await numbers.AllocateAsync(RegisterBookSeed.Incoming, RegisterNumbers.YearOf(document.ReceivedAt), cancellationToken)).Value;
        document.RegisterBookId = RegisterBookSeed.Incoming;
        document.IncomingNumber = number;
        document.RegisteredAt = now.ToUniversalTime();
        document.RegisteredBy = clerk.UserName;
        document.Status = IncomingStatus.Registered;
        document.Revision++;
        db.Record(document, now, clerk.UserName, IncomingActions.Registered, $"Số đến {RegisterNumber.Format(number)}");
        await runtime.CompleteTaskAsync(task.Id, new Dictionary<string, JsonNode?>
        {
            ["accepted"] = true, ["incomingNumber"] = number, ["priority"] = document.Urgency.ToString(),
            // The urgency the clerk settles on starts the Director's clock (Article 6.2).
            [IncomingProcess.DirectorDueAt] = urgent.DueAt(now, document.Urgency),
        }, clerk, cancellationToken);
        return document;
    }

    /// <summary>Returns the document to its sender (Article 8.1b): invalid signature, wrong recipient…</summary>
    public async Task ReturnAsync(Guid id, string? reason, TaskActor clerk, CancellationToken cancellationToken)
    {
        var document = await LoadAsync(db, id, cancellationToken);
        var task = await ClerkTaskAsync(document, "Văn bản đã được vào sổ hoặc trả lại; không trả lại được nữa.", cancellationToken);
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 2000)
            throw IncomingValidationException.For("reason", "Cần ghi lý do trả lại (không quá 2000 ký tự).");

        var now = time.GetUtcNow();
        document.Status = IncomingStatus.Returned;
        document.ReturnReason = reason.Trim();
        document.Revision++;
        db.Record(document, now, clerk.UserName, IncomingActions.Returned, document.ReturnReason);
        await runtime.CompleteTaskAsync(task.Id, new Dictionary<string, JsonNode?> { ["accepted"] = false, ["refuseReason"] = document.ReturnReason }, clerk, cancellationToken);
    }

    /// <summary>
    /// The clerk handed the paper original to the main handler (Articles 5.5, 8.2b): who, when and to whom go into the
    /// record and the history. Saying it again changes nothing: the history keeps one line, whoever clicks twice.
    /// </summary>
    public async Task MarkPaperDeliveredAsync(Guid id, string clerk, CancellationToken cancellationToken)
    {
        var document = await LoadAsync(db, id, cancellationToken);
        if (document.Status is not (IncomingStatus.Assigned or IncomingStatus.Completed))
            throw new IncomingStateException(id, document.Status, "Chỉ chuyển bản giấy sau khi văn bản đã được phân công.");
        if (!document.HasPaperOriginal)
            throw new IncomingStateException(id, document.Status, "Văn bản điện tử này không gửi kèm bản giấy (Điều 5.5).");
        if (document.PaperCopyDelivered)
            return;
        var main = await db.Set<IncomingAssignment>().AsNoTracking()
            .Where(a => a.DocumentId == id && a.Role == HandlingRole.Main && !a.Delegated)
            .OrderByDescending(a => a.AssignedAt).Select(a => a.AssigneeName).FirstAsync(cancellationToken);
        var now = time.GetUtcNow();
        document.PaperCopyDelivered = true;
        document.PaperDeliveredAt = now.ToUniversalTime();
        document.PaperDeliveredBy = clerk;
        document.Revision++;
        db.Record(document, now, clerk, IncomingActions.PaperDelivered, $"Chuyển bản giấy cho {main}");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The clerk has reported the sender's recall to the office leaders (Article 8.2c): the process cancels the document
    /// and tells the sender, in the same step.
    /// </summary>
    public async Task ConfirmRecallAsync(Guid id, TaskActor clerk, CancellationToken cancellationToken)
    {
        var document = await LoadAsync(db, id, cancellationToken);
        var task = await db.WaitingTaskAsync(document, IncomingProcess.RecallReport, cancellationToken)
            ?? throw new IncomingStateException(id, document.Status, "Không có đề nghị thu hồi nào đang chờ đối với văn bản này.");
        await runtime.CompleteTaskAsync(task.Id, null, clerk, cancellationToken);
    }

    public static async Task<IncomingDocument> LoadAsync(DbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Set<IncomingDocument>().FirstOrDefaultAsync(d => d.Id == id, cancellationToken) ?? throw new IncomingNotFoundException(id);

    private async Task<BookmarkRecord> ClerkTaskAsync(IncomingDocument document, string whenNot, CancellationToken cancellationToken)
    {
        if (document.Status != IncomingStatus.Arrived)
            throw new IncomingStateException(document.Id, document.Status, whenNot);
        return await db.WaitingTaskAsync(document, IncomingProcess.ClerkCheck, cancellationToken)
            ?? throw new IncomingStateException(document.Id, document.Status, "Quy trình của văn bản chưa đến bước văn thư kiểm tra.");
    }
}
