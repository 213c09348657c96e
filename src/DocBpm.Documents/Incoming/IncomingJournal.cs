using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.Incoming;

/// <summary>The actions recorded in a document's history; the codes are stable, the UI words them in Vietnamese.</summary>
public static class IncomingActions
{
    public const string Arrived = "arrived";
    public const string Uploaded = "uploaded";
    public const string Registered = "registered";
    public const string Returned = "returned";
    public const string Forwarded = "forwarded";
    public const string Assigned = "assigned";
    public const string Reassigned = "reassigned";
    public const string PaperDelivered = "paper-delivered";
    public const string Coordinated = "coordinated";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";
    public const string UrgentOverdue = "urgent-overdue";

    /// <summary>The sender updated the document over the axis, under the same identifier (issue 21).</summary>
    public const string UpdatedBySender = "updated-by-sender";

    /// <summary>The sender replaced the document over the axis, under the same identifier (Article 9.5 at the sender).</summary>
    public const string ReplacedBySender = "replaced-by-sender";

    /// <summary>What the intake found of the edXML envelope's signature: the sender's, or none (issue 21).</summary>
    public const string EnvelopeSignature = "envelope-signature";

    public static string Vietnamese(string action) => action switch
    {
        Arrived => "Nhận từ trục liên thông",
        Uploaded => "Văn thư số hóa, tải lên",
        Registered => "Vào sổ văn bản đến",
        Returned => "Trả lại nơi gửi",
        Forwarded => "Giám đốc chuyển Phó Giám đốc chỉ đạo",
        Assigned => "Chỉ đạo, phân công",
        Reassigned => "Giao lại",
        PaperDelivered => "Đã chuyển bản giấy",
        Coordinated => "Ý kiến phối hợp xử lý",
        Completed => "Hoàn thành xử lý",
        Cancelled => "Hủy do thu hồi",
        UrgentOverdue => "Văn bản khẩn quá thời hạn",
        UpdatedBySender => "Nơi gửi cập nhật văn bản",
        ReplacedBySender => "Nơi gửi thay thế văn bản",
        EnvelopeSignature => "Kiểm tra chữ ký số gói tin",
        _ => action,
    };

    public static void Record(this DbContext db, IncomingDocument document, DateTimeOffset at, string userName, string action,
        string? detail = null) =>
        db.Set<IncomingEvent>().Add(new IncomingEvent
        {
            DocumentId = document.Id, At = at.ToUniversalTime(), UserName = userName, Action = action, Detail = detail,
        });
}
