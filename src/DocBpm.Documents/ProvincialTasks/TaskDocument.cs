using DocBpm.Engine;

namespace DocBpm.Documents.ProvincialTasks;

/// <summary>
/// A document of the Provincial People's Committee that assigns tasks to the Department (văn bản giao nhiệm vụ). It may
/// carry several tasks, each its own line (Article 12.1a). While one of them is open the document must not be closed;
/// a document closed by mistake is taken back ("lấy lại") and handled on (Article 12.1b).
/// </summary>
public sealed class TaskDocument
{
    public const int IssuingBodyMaxLength = 300;

    public Guid Id { get; set; }

    /// <summary>The registered incoming document (received over the axis) that carries the tasks, if it came that way.</summary>
    public Guid? ReceivedDocumentId { get; set; }

    /// <summary>Số, ký hiệu of the provincial document, e.g. "88/UBND-KGVX".</summary>
    public required string Code { get; set; }

    public required string Subject { get; set; }

    /// <summary>The provincial document's own date (ngày văn bản), when the clerk recorded it by hand.</summary>
    public DateOnly? DocumentDate { get; set; }

    /// <summary>Who issued it (UBND tỉnh, Chủ tịch UBND tỉnh, Văn phòng UBND tỉnh), when the clerk recorded it by hand.</summary>
    public string? IssuingBody { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }
    public List<ProvincialTask> Tasks { get; set; } = [];

    public bool IsClosed => ClosedAt is not null;

    /// <summary>
    /// Ends the handling of the document (kết thúc văn bản); refused while a task on it is still being handled. Once
    /// every reply is issued it can be closed, and it is wrongly closed if the province then asks for a new reply.
    /// </summary>
    public void Close(string by, DateTimeOffset at)
    {
        if (IsClosed)
            throw new TaskRuleException("document-closed", "Văn bản giao nhiệm vụ đã được kết thúc trước đó.",
                $"Task document {Id} is closed already.");
        var open = Tasks.Where(t => t.IsBeingHandled).OrderBy(t => t.Line).ToList();
        if (open.Count > 0)
            throw new TaskRuleException("tasks-open",
                $"Không thể kết thúc văn bản: nhiệm vụ dòng {string.Join(", ", open.Select(t => t.Line))} đang được xử lý. "
                + "Người xử lý chính phải báo cáo bằng \"khởi tạo văn bản đi\" tại mục \"Văn bản trả lời\" (Điều 12.1b).",
                $"Task document {Id} still has open tasks: {string.Join(", ", open.Select(t => t.Line))}.");
        ClosedAt = at;
        ClosedBy = by;
    }

    /// <summary>Takes back a closed document so that its tasks are handled through the proper flow (Article 12.1b).</summary>
    public void TakeBack()
    {
        if (!IsClosed)
            throw new TaskRuleException("document-open", "Văn bản giao nhiệm vụ chưa kết thúc nên không cần lấy lại.",
                $"Task document {Id} is not closed.");
        ClosedAt = null;
        ClosedBy = null;
    }
}

/// <summary>A request that breaks a rule of Chapter III: refused (409) with a Vietnamese explanation, nothing stored.</summary>
public sealed class TaskRuleException(string code, string messageVi, string reason)
    : DocumentRefusedException(RefusalKind.Conflict, "Không thực hiện được thao tác với nhiệm vụ", messageVi + " Không có thay đổi nào được lưu.", reason)
{
    public string Code { get; } = code;
    public string MessageVi { get; } = messageVi;

    public override IReadOnlyDictionary<string, object?> Facts => new Dictionary<string, object?> { ["rule"] = Code };
}
