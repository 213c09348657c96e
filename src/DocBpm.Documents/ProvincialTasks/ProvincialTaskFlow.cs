using System.Globalization;
using System.Text.Json.Nodes;
using DocBpm.Documents.Exchange;
using DocBpm.Documents.Incoming;
using DocBpm.Documents.Organisation;
using DocBpm.Edxml;
using DocBpm.Engine;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.ProvincialTasks;

/// <summary>
/// A task line as the clerk records it from the provincial document: its content and its own deadline, and optionally
/// the lead unit and main handler the clerk suggests (checked by the caller; the Director and the unit head decide).
/// </summary>
public sealed record TaskLine(string Content, DateTimeOffset Deadline, string? ProposedUnit = null, string? ProposedHandler = null);

public sealed record NewTaskDocument(Guid? ReceivedDocumentId, string? Code, string? Subject, IReadOnlyList<TaskLine> Lines,
    DateOnly? DocumentDate = null, string? IssuingBody = null);

/// <summary>
/// What people do with provincial tasks (Chapter III). Each action changes the task line and moves its
/// <c>provincial-task</c> process in one SaveChanges, so a refused or conflicting step stores neither.
/// </summary>
public sealed class ProvincialTaskFlow(DbContext db, WorkflowRuntime runtime, TaskStanding standing, TimeProvider time)
{
    /// <summary>The clerk records a task-bearing document; each line starts its own process at reconciliation.</summary>
    public async Task<TaskDocument> RecordAsync(NewTaskDocument request, string clerk, CancellationToken cancellationToken)
    {
        if (request.Lines.Count == 0)
            throw new TaskRuleException("no-lines", "Văn bản giao nhiệm vụ phải có ít nhất một dòng nhiệm vụ.", "A task document needs a line.");
        var received = request.ReceivedDocumentId is { } id
            ? await db.Set<ReceivedDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken)
              ?? throw new TaskRuleException("no-received-document", "Không tìm thấy văn bản đến đã tiếp nhận.", $"Received document {id} does not exist.")
            : null;
        var code = request.Code ?? (received is null ? null : $"{received.CodeNumber}/{received.CodeNotation}");
        var subject = request.Subject ?? received?.Subject;
        if (string.IsNullOrWhiteSpace(code) || string.IsNullOrWhiteSpace(subject) || request.Lines.Any(l => string.IsNullOrWhiteSpace(l.Content)))
            throw new TaskRuleException("fields-required", "Cần số, ký hiệu, trích yếu văn bản và nội dung của từng nhiệm vụ.", "Missing code, subject or content.");
        if (request.IssuingBody?.Trim().Length > TaskDocument.IssuingBodyMaxLength)
            throw new TaskRuleException("issuing-body-too-long", $"Cơ quan ban hành không quá {TaskDocument.IssuingBodyMaxLength} ký tự.",
                "The issuing body is too long.");
        await EnsureUnitsExistAsync(db, request.Lines.Select(l => l.ProposedUnit).OfType<string>(), cancellationToken);
        var now = time.GetUtcNow();
        var document = new TaskDocument
        {
            Id = Guid.CreateVersion7(),
            ReceivedDocumentId = received?.Id,
            Code = code.Trim(),
            Subject = subject.Trim(),
            DocumentDate = request.DocumentDate,
            IssuingBody = string.IsNullOrWhiteSpace(request.IssuingBody) ? null : request.IssuingBody.Trim(),
            RecordedAt = now,
            RecordedBy = clerk,
        };
        document.Tasks.AddRange(request.Lines.Select((l, i) => new ProvincialTask
        {
            Id = Guid.CreateVersion7(),
            InstanceId = Guid.CreateVersion7(),
            Line = i + 1,
            Content = l.Content.Trim(),
            Deadline = l.Deadline.ToUniversalTime(),
            OriginalDeadline = l.Deadline.ToUniversalTime(),
            ProposedUnit = l.ProposedUnit,
            ProposedHandler = l.ProposedHandler,
        }));
        db.Set<TaskDocument>().Add(document);
        // The first start stores the document with its instance; the others follow, one instance per line.
        foreach (var task in document.Tasks)
        {
            await runtime.StartAsync(new StartRequest(ProvincialTaskProcess.Key, Variables(document, task), task.Id.ToString(), clerk,
                InstanceId: task.InstanceId), cancellationToken);
        }

        return document;
    }

    public async Task ReconcileAsync(Guid taskId, ReconcileDecision decision, string? note, string? content, DateTimeOffset? deadline,
        TaskActor clerk, CancellationToken cancellationToken)
    {
        var task = await LoadAsync(taskId, cancellationToken);
        task.Reconcile(decision, note, content, deadline);
        await CompleteAsync(task, ProvincialTaskProcess.Reconcile, clerk, new()
        {
            ["reconciliation"] = decision.ToString(),
            ["reconcileNote"] = task.Note,
            ["content"] = task.Content,
            ["deadline"] = Iso(task.Deadline),
            ["reminderAt"] = Iso(standing.ReminderAt(task.Deadline)),
        }, cancellationToken);
    }

    public async Task AssignAsync(Guid taskId, string mainUnit, IReadOnlyList<string> coordinatingUnits, TaskActor director,
        CancellationToken cancellationToken)
    {
        await EnsureUnitsExistAsync(db, coordinatingUnits.Append(mainUnit), cancellationToken);
        var task = await LoadAsync(taskId, cancellationToken);
        task.Assign(mainUnit, coordinatingUnits);
        await CompleteAsync(task, ProvincialTaskProcess.DirectorAssigns, director, new()
        {
            ["mainUnit"] = mainUnit,
            ["coordinatingUnits"] = new JsonArray([.. task.Coordinators.Select(c => JsonValue.Create(c))]),
        }, cancellationToken);
    }

    public static async Task EnsureUnitsExistAsync(DbContext db, IEnumerable<string> unitCodes, CancellationToken cancellationToken)
    {
        var codes = unitCodes.Distinct(StringComparer.Ordinal).ToList();
        var known = await db.Set<Unit>().AsNoTracking().Where(u => codes.Contains(u.Code)).Select(u => u.Code).ToListAsync(cancellationToken);
        var unknown = codes.Except(known, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
            throw new TaskRuleException("unknown-unit", $"Không có đơn vị mã {string.Join(", ", unknown)}.", $"Unknown units: {string.Join(", ", unknown)}.");
    }

    /// <summary>The head of the main unit names the main handler (who belongs to the unit: the caller checks).</summary>
    public async Task AssignHandlerAsync(Guid taskId, string handler, TaskActor unitHead, CancellationToken cancellationToken)
    {
        var task = await LoadAsync(taskId, cancellationToken);
        task.AssignHandler(handler);
        await CompleteAsync(task, ProvincialTaskProcess.UnitHeadAssigns, unitHead, new() { ["handler"] = handler, ["unitHead"] = unitHead.UserName },
            cancellationToken);
    }

    /// <summary>
    /// "Khởi tạo văn bản đi" at "Văn bản trả lời": <paramref name="draftReply"/> creates the outgoing draft answering the
    /// carrying incoming document (null when the task document did not come over the axis) and the task is linked to it,
    /// in one transaction, so that a refusal on either side leaves neither a stray draft nor a link. Returns the draft.
    /// </summary>
    public async Task<Guid> StartReplyAsync(Guid taskId, Func<Guid?, CancellationToken, Task<Guid>> draftReply, TaskActor handler,
        CancellationToken cancellationToken)
    {
        var task = await LoadAsync(taskId, cancellationToken);
        task.ExpectReply(handler.UserName);
        var carrier = await CarrierAsync(task.Document!, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var outgoingId = await draftReply(carrier, cancellationToken);
            task.StartReply(outgoingId, handler.UserName);
            await CompleteAsync(task, ProvincialTaskProcess.HandlerReplies, handler, new() { ["replyOutgoingId"] = outgoingId.ToString() }, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return outgoingId;
        }
        catch
        {
            // The rolled-back rows must not be saved by a later step of the same request.
            db.ChangeTracker.Clear();
            throw;
        }
    }

    /// <summary>
    /// The outgoing flow issued a document. When it is a task's linked reply, the task is proposed as completed at the
    /// issue time (Article 12.2) and its process reports to the provincial office; otherwise nothing happens.
    /// </summary>
    public async Task<bool> ReplyIssuedAsync(Guid outgoingId, string documentId, DateTimeOffset issuedAt, CancellationToken cancellationToken)
    {
        var task = await db.Set<ProvincialTask>().Include(t => t.Document).FirstOrDefaultAsync(t => t.ReplyOutgoingId == outgoingId, cancellationToken);
        if (task is null)
            return false;
        task.ReplyIssued(documentId, issuedAt);
        var result = await runtime.CorrelateAsync(new MessageRequest(ProvincialTaskProcess.ReplyIssuedMessage, task.Id.ToString(), new Dictionary<string, JsonNode?>
        {
            ["replyDocumentId"] = documentId,
            ["completedAt"] = Iso(issuedAt),
        }, $"reply-issued:{outgoingId}"), cancellationToken);
        if (result.Kind == CorrelationKind.NotCorrelated)
            throw new InvalidOperationException($"Task {task.Id} does not wait for its reply to be issued.");
        return true;
    }

    /// <summary>"Xin gia hạn": hands the request to the task's process, whose <see cref="ExtendDeadline"/> step applies the rules.</summary>
    public async Task RequestExtensionAsync(Guid taskId, string letterDocumentId, DateTimeOffset requestedDeadline, TaskActor handler,
        CancellationToken cancellationToken)
    {
        var task = await LoadAsync(taskId, cancellationToken);
        if (!string.Equals(task.Handler, handler.UserName, StringComparison.Ordinal))
            throw new TaskRuleException("not-handler", "Chỉ người xử lý chính của nhiệm vụ được xin gia hạn.", $"{handler.UserName} is not the handler of {taskId}.");
        // A rule the ExtendDeadline step refuses arrives as the step's failure, which speaks the rule's own words.
        var result = await runtime.CorrelateAsync(new MessageRequest(ProvincialTaskProcess.ExtensionMessage, task.Id.ToString(), new Dictionary<string, JsonNode?>
        {
            ["letterDocumentId"] = letterDocumentId,
            ["requestedDeadline"] = Iso(requestedDeadline),
        }, Actor: handler.UserName), cancellationToken);
        if (result.Kind == CorrelationKind.NotCorrelated)
            throw new TaskRuleException("wrong-stage", $"Nhiệm vụ đang ở bước \"{task.Stage.Vietnamese()}\", không xin gia hạn được.",
                $"Task {taskId} does not take extension requests now.");
    }

    public async Task CloseDocumentAsync(Guid documentId, string by, CancellationToken cancellationToken)
    {
        var document = await LoadDocumentAsync(documentId, cancellationToken);
        document.Close(by, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>"Lấy lại" a closed task document, so that its tasks go on through the proper flow (Article 12.1b).</summary>
    public async Task TakeBackAsync(Guid documentId, CancellationToken cancellationToken)
    {
        var document = await LoadDocumentAsync(documentId, cancellationToken);
        document.TakeBack();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The registered incoming document that carries the tasks (when they came over the axis).</summary>
    public async Task<Guid?> CarrierAsync(TaskDocument document, CancellationToken cancellationToken) =>
        document.ReceivedDocumentId is { } received
            ? await db.Set<IncomingDocument>().AsNoTracking().Where(i => i.ReceivedDocumentId == received).Select(i => (Guid?)i.Id)
                .FirstOrDefaultAsync(cancellationToken)
            : null;

    private async Task CompleteAsync(ProvincialTask task, string elementId, TaskActor actor, Dictionary<string, JsonNode?> variables,
        CancellationToken cancellationToken)
    {
        var own = await OwnInstance.FindAsync(db, ProvincialTaskProcess.Key, task.Id.ToString(), task.InstanceId, cancellationToken);
        var bookmark = await OwnInstance.OpenTasks(db, own, elementId).Select(b => (Guid?)b.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw new TaskRuleException("wrong-stage", $"Nhiệm vụ đang ở bước \"{task.Stage.Vietnamese()}\", không thực hiện được thao tác này.",
                $"Task {task.Id} has no open {elementId}.");
        await runtime.CompleteTaskAsync(bookmark, variables, actor, cancellationToken);
    }

    private async Task<ProvincialTask> LoadAsync(Guid taskId, CancellationToken cancellationToken) =>
        await db.Set<ProvincialTask>().Include(t => t.Document).FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken)
        ?? throw new TaskNotFoundException(taskId);

    private async Task<TaskDocument> LoadDocumentAsync(Guid documentId, CancellationToken cancellationToken) =>
        await db.Set<TaskDocument>().Include(d => d.Tasks).FirstOrDefaultAsync(d => d.Id == documentId, cancellationToken)
        ?? throw new TaskNotFoundException(documentId);

    private Dictionary<string, JsonNode?> Variables(TaskDocument document, ProvincialTask task) => new()
    {
        ["taskId"] = task.Id.ToString(),
        ["taskDocumentId"] = document.Id.ToString(),
        ["receivedDocumentId"] = document.ReceivedDocumentId?.ToString(),
        ["line"] = task.Line,
        ["content"] = task.Content,
        ["deadline"] = Iso(task.Deadline),
        ["reminderAt"] = Iso(standing.ReminderAt(task.Deadline)),
        // Defined from the start, so that conditions may test them before the step that sets them.
        ["mainUnit"] = null,
        ["unitHead"] = null,
        ["handler"] = null,
        ["replyOutgoingId"] = null,
        ["replyDocumentId"] = null,
        ["extensionLetterId"] = null,
        ["exchangeStatus"] = null,
        ["exchangeNote"] = null,
    };

    private static string Iso(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}

public sealed class TaskNotFoundException(Guid id)
    : DocumentRefusedException(RefusalKind.NotFound, "Không tìm thấy", "Nhiệm vụ hoặc văn bản giao nhiệm vụ không tồn tại.",
        $"Provincial task or task document {id} does not exist.");
