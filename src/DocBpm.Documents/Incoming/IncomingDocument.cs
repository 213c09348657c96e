using DocBpm.Documents.Text;

namespace DocBpm.Documents.Incoming;

/// <summary>Mức độ khẩn (NĐ30 Điều 8): a higher value goes first in every inbox.</summary>
public enum Urgency
{
    Normal = 0,

    /// <summary>Khẩn.</summary>
    Urgent = 1,

    /// <summary>Thượng khẩn.</summary>
    Immediate = 2,

    /// <summary>Hỏa tốc.</summary>
    Flash = 3,
}

public enum IncomingSource
{
    /// <summary>Received over the exchange axis.</summary>
    Axis,

    /// <summary>A paper document digitised by the clerk.</summary>
    Paper,
}

/// <summary>Trạng thái xử lý (NĐ30 Điều 23.4).</summary>
public enum IncomingStatus
{
    /// <summary>Arrived, waiting for the clerk's check and registration.</summary>
    Arrived,

    /// <summary>Registered with its incoming number, waiting for the Director's instruction.</summary>
    Registered,

    /// <summary>Assigned: the main handler is working on it.</summary>
    Assigned,

    Completed,

    /// <summary>Returned to the sender (invalid signature, wrong recipient).</summary>
    Returned,

    /// <summary>Recalled by the sender: kept, marked, out of every inbox.</summary>
    Cancelled,
}

/// <summary>
/// An incoming document (văn bản đến) with the input fields of NĐ30 Appendix VI. A document from the axis also has its
/// exchange receipt (<see cref="Exchange.ReceivedDocument"/>: the envelope, the statuses sent back); this record is the
/// register entry and the handling of the document, whatever way it came.
/// </summary>
public sealed class IncomingDocument
{
    public Guid Id { get; set; }
    public IncomingSource Source { get; set; }

    /// <summary>The exchange receipt, for a document that came over the axis.</summary>
    public Guid? ReceivedDocumentId { get; set; }

    /// <summary>The business key of its incoming process instance.</summary>
    public required string ProcessKey { get; set; }

    /// <summary>
    /// Its incoming process instance, chosen when the document is recorded and started in the same SaveChanges. Kept
    /// because the key of a document from the axis is the sender's identifier, known before it arrives, so "the first
    /// instance with the key" could be one started by another route; null for documents recorded before it was kept.
    /// </summary>
    public Guid? InstanceId { get; set; }

    /// <summary>Tên cơ quan, tổ chức ban hành (tác giả).</summary>
    public required string IssuingAgency { get; set { field = value; Rekey(); } }

    /// <summary>Mã định danh of the issuing agency, for a document from the axis.</summary>
    public string? IssuingAgencyCode { get; set; }

    public required string CodeNumber { get; set { field = value; Rekey(); } }
    public required string CodeNotation { get; set { field = value; Rekey(); } }
    public DateOnly DocumentDate { get; set; }

    /// <summary>Tên loại văn bản (Công văn, Quyết định…).</summary>
    public required string DocumentType { get; set; }

    /// <summary>Trích yếu nội dung.</summary>
    public required string Subject { get; set { field = value; Rekey(); } }

    public string? Signer { get; set; }
    public Urgency Urgency { get; set; }
    public int? PageCount { get; set; }
    public int? Copies { get; set; }
    public string? Notes { get; set; }

    /// <summary>When the document entered the system.</summary>
    public DateTimeOffset ArrivedAt { get; set; }

    /// <summary>The receipt time of Article 10.2: outside working hours, the start of the next working period.</summary>
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>Số đến, from the register book; none until the clerk registers the document.</summary>
    public int? IncomingNumber { get; set; }

    public Guid? RegisterBookId { get; set; }
    public DateTimeOffset? RegisteredAt { get; set; }
    public string? RegisteredBy { get; set; }

    public IncomingStatus Status { get; set; }

    /// <summary>Ý kiến chỉ đạo giải quyết of the Director.</summary>
    public string? Instruction { get; set; }

    /// <summary>Thời hạn giải quyết.</summary>
    public DateTimeOffset? Deadline { get; set; }

    /// <summary>The sender also sends the paper original (Article 5.5: the package's <c>Bussiness/Paper</c>).</summary>
    public bool PaperOriginalFollows { get; set; }

    /// <summary>The paper original was also handed to the main handler (Article 8.2b).</summary>
    public bool PaperCopyDelivered { get; set; }

    /// <summary>When the clerk handed the paper original over, and who did.</summary>
    public DateTimeOffset? PaperDeliveredAt { get; set; }

    public string? PaperDeliveredBy { get; set; }

    /// <summary>A paper original exists here: the document was digitised from paper, or its sender also sends it on paper.</summary>
    public bool HasPaperOriginal => Source == IncomingSource.Paper || PaperOriginalFollows;

    /// <summary>The outgoing document that answers this one, once outgoing documents exist.</summary>
    public Guid? ReplyDocumentId { get; set; }

    /// <summary>
    /// The received document this one replaces or corrects (Article 9.5 at the sender), as its edXML package names it;
    /// the corrected one finds its correction through this link.
    /// </summary>
    public Guid? CorrectsId { get; set; }

    /// <summary>The national identifier of the document this one corrects, kept so that an original arriving later is linked too.</summary>
    public string? CorrectsIdentifier { get; set; }

    public Outgoing.CorrectionKind? CorrectionKind { get; set; }

    public string? ReturnReason { get; set; }
    public string? CancelReason { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Comma-separated ids of the stored files.</summary>
    public required string FileIds { get; set; }

    /// <summary>Optimistic concurrency: two people acting on one document at once cannot both win.</summary>
    public int Revision { get; set; }

    /// <summary>The subject as a search compares it (<see cref="VietnameseText.SearchKey"/>): "ke hoach" finds "Kế hoạch".</summary>
    public string SubjectKey { get; private set; } = "";

    /// <summary>The issuing agency as a search compares it.</summary>
    public string SenderKey { get; private set; } = "";

    /// <summary>"number/notation" as a search compares it; never empty once keyed, so an empty one marks a row stored before the keys.</summary>
    public string NotationKey { get; private set; } = "";

    public const int SubjectKeyLength = 2000;
    public const int SenderKeyLength = 300;
    public const int NotationKeyLength = 160;

    /// <summary>
    /// Folds the searched fields into their keys. The setters call it, so every write path (registration, the clerk's
    /// corrections, intake over the axis, paper upload) keeps the keys in step without knowing about them.
    /// </summary>
    private void Rekey()
    {
        SubjectKey = VietnameseText.SearchKey(Subject, SubjectKeyLength);
        SenderKey = VietnameseText.SearchKey(IssuingAgency, SenderKeyLength);
        NotationKey = VietnameseText.SearchKey(CodeNumber + "/" + CodeNotation, NotationKeyLength);
    }

    public IReadOnlyList<Guid> Files => [.. FileIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse)];
}
