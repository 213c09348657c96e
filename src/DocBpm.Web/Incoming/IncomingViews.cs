using DocBpm.Documents.Incoming;

namespace DocBpm.Web.Incoming;

public sealed record IncomingSummary(
    Guid Id, int? IncomingNumber, string CodeNumber, string CodeNotation, string IssuingAgency, string DocumentType, string Subject,
    DateOnly DocumentDate, DateTimeOffset ReceivedAt, Urgency Urgency, IncomingStatus Status, DateTimeOffset? Deadline, bool Overdue)
{
    public static IncomingSummary Of(IncomingDocument d, DateTimeOffset now) => new(d.Id, d.IncomingNumber, d.CodeNumber, d.CodeNotation,
        d.IssuingAgency, d.DocumentType, d.Subject, d.DocumentDate, d.ReceivedAt, d.Urgency, d.Status, d.Deadline,
        d.Status == IncomingStatus.Assigned && d.Deadline < now);
}

public sealed record FileView(Guid Id, string Name, string ContentType, long Size, string Sha256, string Url);

public sealed record AssignmentNode(
    Guid Id, HandlingRole Role, AssigneeKind Kind, string Assignee, string AssigneeName, string AssignedBy, DateTimeOffset AssignedAt,
    string? Instruction, DateTimeOffset? Deadline, bool Delegated, IReadOnlyList<AssignmentNode> Children);

public sealed record HistoryView(DateTimeOffset At, string UserName, string Action, string Description, string? Detail);

/// <summary>What the signed-in person may do with the document now; the UI shows only these forms.</summary>
public sealed record IncomingActionsView(bool Register, bool Return, bool Assign, bool Reassign, bool Complete, bool PaperDelivered, bool ConfirmRecall,
    bool Forward);

/// <summary>
/// The paper original (Articles 5.5, 8.2b): whether there is one (a digitised paper document, or the sender's package says
/// one follows), and when and by whom the clerk handed it to the main handler.
/// </summary>
public sealed record PaperOriginalView(bool Exists, bool SentBySender, DateTimeOffset? DeliveredAt, string? DeliveredBy)
{
    public static PaperOriginalView Of(IncomingDocument d) =>
        new(d.HasPaperOriginal, d.PaperOriginalFollows, d.PaperDeliveredAt, d.PaperDeliveredBy);
}

public sealed record IncomingDetail(
    IncomingSummary Summary, IncomingSource Source, string? IssuingAgencyCode, string? Signer, int? PageCount, int? Copies,
    string? Notes, DateTimeOffset ArrivedAt, DateTimeOffset? RegisteredAt, string? RegisteredBy, string? Instruction,
    bool PaperCopyDelivered, PaperOriginalView PaperOriginal, Guid? ReplyDocumentId, string? ReturnReason, string? CancelReason, DateTimeOffset? CompletedAt,
    SignatureView? Signature, IReadOnlyList<FileView> Files, IReadOnlyList<AssignmentNode> Assignments, IReadOnlyList<HistoryView> History,
    IncomingActionsView Actions, string ProcessKey, CorrectionLink? Corrects = null, CorrectionLink? CorrectedBy = null);

/// <summary>
/// A received replacement or correction notice and the received document it corrects, linked both ways (the sender's
/// Article 9.5); <paramref name="Id"/> is null while the corrected document has not arrived here.
/// </summary>
public sealed record CorrectionLink(Guid? Id, string NumberAndNotation, string? Subject, Documents.Outgoing.CorrectionKind Kind);

/// <summary>The verify step's conclusion: legal status (Article 4), the reasons in Vietnamese, who signed.</summary>
public sealed record SignatureView(string LegalStatus, string? Summary, IReadOnlyList<string> Signers);

public sealed record IncomingSearch(
    int? Number, string? Notation, string? Subject, string? Sender, DateOnly? From, DateOnly? To, IncomingStatus? Status,
    int? Page, int? PageSize);

public sealed record ReturnRequest(string? Reason);

public sealed record CompleteRequest(string? Result, Guid? ReplyDocumentId);

public sealed record ForwardRequest(string? Deputy, string? Note);

public static class IncomingWords
{
    public static string Vietnamese(this Urgency urgency) => urgency switch
    {
        Urgency.Flash => "Hỏa tốc",
        Urgency.Immediate => "Thượng khẩn",
        Urgency.Urgent => "Khẩn",
        _ => "Thường",
    };

    public static string Vietnamese(this IncomingStatus status) => status switch
    {
        IncomingStatus.Arrived => "Chờ vào sổ",
        IncomingStatus.Registered => "Chờ chỉ đạo",
        IncomingStatus.Assigned => "Đang xử lý",
        IncomingStatus.Completed => "Hoàn thành",
        IncomingStatus.Returned => "Đã trả lại",
        _ => "Đã hủy (thu hồi)",
    };

    public static string Vietnamese(this HandlingRole role) => role switch
    {
        HandlingRole.Main => "Chủ trì",
        HandlingRole.Coordinating => "Phối hợp",
        _ => "Để biết",
    };
}
