namespace DocBpm.Documents.ProvincialTasks;

/// <summary>The rules of Chapter III on one task line; each refusal explains itself in Vietnamese and changes nothing.</summary>
public sealed partial class ProvincialTask
{
    public void Reconcile(ReconcileDecision decision, string? note, string? content, DateTimeOffset? deadline)
    {
        Expect("reconcile", TaskStage.Reconciling, TaskStage.AwaitingCorrection);
        if (decision != ReconcileDecision.Accept && string.IsNullOrWhiteSpace(note))
            throw new TaskRuleException("reason-required", "Cần ghi rõ nội dung đề nghị điều chỉnh hoặc lý do trả lại Văn phòng UBND tỉnh.",
                $"Task {Id}: {decision} needs a note.");
        if (!string.IsNullOrWhiteSpace(content))
            Content = content.Trim();
        if (deadline is { } corrected)
            Deadline = OriginalDeadline = corrected.ToUniversalTime();
        Note = note?.Trim();
        Stage = decision switch
        {
            ReconcileDecision.Accept => TaskStage.Registered,
            ReconcileDecision.AskCorrection => TaskStage.AwaitingCorrection,
            _ => TaskStage.Returned,
        };
    }

    public void Assign(string mainUnit, IReadOnlyCollection<string> coordinatingUnits)
    {
        Expect("assign", TaskStage.Registered);
        SetCoordinators(mainUnit, coordinatingUnits);
        MainUnit = mainUnit;
        Stage = TaskStage.Assigned;
    }

    public void AssignHandler(string userName)
    {
        Expect("assign-handler", TaskStage.Assigned);
        Handler = userName;
        Stage = TaskStage.InProgress;
    }

    /// <summary>
    /// Refuses a reply <paramref name="userName"/> may not start now: only the main handler, at the reply step, once per
    /// round (again only after the province rejected the previous reply, Article 12.1c).
    /// </summary>
    public void ExpectReply(string userName)
    {
        Expect("reply", TaskStage.InProgress);
        if (!string.Equals(Handler, userName, StringComparison.Ordinal))
            throw new TaskRuleException("not-handler", "Chỉ người xử lý chính của nhiệm vụ được khởi tạo văn bản trả lời.",
                $"{userName} is not the handler of {Id}.");
        if (ReplyOutgoingId is not null)
            throw new TaskRuleException("reply-open",
                "Nhiệm vụ đã có văn bản trả lời đang xử lý; hãy tiếp tục trên văn bản đó (chỉ khởi tạo lại khi UBND tỉnh không phê duyệt).",
                $"Task {Id} has an open reply {ReplyOutgoingId}.");
    }

    /// <summary>The main handler starts the reply ("khởi tạo văn bản đi" at "Văn bản trả lời"): the outgoing flow linked to the task.</summary>
    public void StartReply(Guid outgoingId, string userName)
    {
        ExpectReply(userName);
        ReplyOutgoingId = outgoingId;
    }

    /// <summary>The linked reply is issued: its issue time is the completion time (Article 12.2).</summary>
    public void ReplyIssued(string documentId, DateTimeOffset issuedAt)
    {
        ExpectStage("reply-issued", TaskStage.InProgress);
        ReplyDocumentId = documentId;
        CompletedAt = issuedAt.ToUniversalTime();
        Stage = TaskStage.CompletionProposed;
    }

    public void Approve(DateTimeOffset at)
    {
        ExpectStage("approve", TaskStage.CompletionProposed);
        ApprovedAt = at.ToUniversalTime();
        Stage = TaskStage.Completed;
    }

    /// <summary>The province asks for a new reply: the handler starts over (Article 12.1c).</summary>
    public void Reject(string? reason)
    {
        ExpectStage("reject", TaskStage.CompletionProposed);
        Rejections++;
        Note = reason;
        ReplyOutgoingId = null;
        ReplyDocumentId = null;
        CompletedAt = null;
        Stage = TaskStage.InProgress;
    }

    /// <summary>"Xin gia hạn" with the issued extension-request letter: only within the deadline (Article 12.3).</summary>
    public void RequestExtension(string letterDocumentId, DateTimeOffset requestedDeadline, DateTimeOffset now)
    {
        Expect("extension", TaskStage.Assigned, TaskStage.InProgress);
        if (now > Deadline)
            throw new TaskRuleException("extension-too-late",
                "Đã quá thời hạn thực hiện nhiệm vụ nên không thể xin gia hạn; nhiệm vụ được coi là chưa hoàn thành quá hạn (Điều 12.3).",
                $"Task {Id}: extension requested at {now:O}, after the deadline {Deadline:O}.");
        if (Extension == ExtensionState.Requested)
            throw new TaskRuleException("extension-pending", "Đề nghị gia hạn trước đang chờ UBND tỉnh xem xét.",
                $"Task {Id}: an extension request is pending.");
        if (requestedDeadline <= Deadline)
            throw new TaskRuleException("extension-not-later", "Thời hạn đề nghị gia hạn phải sau thời hạn hiện tại của nhiệm vụ.",
                $"Task {Id}: requested deadline {requestedDeadline:O} is not after {Deadline:O}.");
        Extension = ExtensionState.Requested;
        ExtensionLetterId = letterDocumentId;
        RequestedDeadline = requestedDeadline.ToUniversalTime();
    }

    /// <summary>The province grants the requested deadline; reminders and the overdue flag count from it.</summary>
    public void ApproveExtension()
    {
        ExpectExtension();
        Extension = ExtensionState.Approved;
        Deadline = RequestedDeadline!.Value;
        RemindedAt = null;
        OverdueAt = null;
    }

    public void RefuseExtension(string? reason)
    {
        ExpectExtension();
        Extension = ExtensionState.Refused;
        Note = reason;
    }

    public void Remind(DateTimeOffset at) => RemindedAt = at.ToUniversalTime();

    public void MarkOverdue(DateTimeOffset at)
    {
        if (IsOpen && Stage != TaskStage.CompletionProposed)
            OverdueAt = at.ToUniversalTime();
    }

    private void ExpectExtension()
    {
        if (Extension != ExtensionState.Requested)
            throw new TaskRuleException("no-extension-request", "Nhiệm vụ không có đề nghị gia hạn đang chờ xem xét.",
                $"Task {Id} has no pending extension request.");
    }

    /// <summary>A person's action: refused on a closed document until it is taken back (Article 12.1b).</summary>
    private void Expect(string action, params TaskStage[] stages)
    {
        if (Document is { IsClosed: true })
            throw new TaskRuleException("document-closed",
                "Văn bản giao nhiệm vụ đã bị kết thúc; cần thực hiện \"lấy lại\" văn bản rồi xử lý tiếp đúng quy trình (Điều 12.1b).",
                $"Task {Id}: {action} on a closed task document.");
        ExpectStage(action, stages);
    }

    private void ExpectStage(string action, params TaskStage[] stages)
    {
        if (!stages.Contains(Stage))
            throw new TaskRuleException("wrong-stage", $"Nhiệm vụ đang ở bước \"{Stage.Vietnamese()}\", không thực hiện được thao tác này.",
                $"Task {Id}: {action} is not allowed at stage {Stage}.");
    }
}
