using DocBpm.Engine;

namespace DocBpm.Web.IncidentReports;

/// <summary>What misbehaves, in the words of Article 16.1.</summary>
public enum IncidentKind
{
    /// <summary>"Bị mất quyền kiểm soát tài khoản": someone else may be using the account.</summary>
    Account,

    /// <summary>"Gặp sự cố trong quá trình sử dụng Hệ thống".</summary>
    System,
}

/// <summary>
/// A user's report that their account or the system misbehaves (Article 16.1: "phải thông báo ngay với Lãnh đạo đơn
/// vị, Văn phòng Sở"). The office chief or the admin closes it with what was done; the reporter follows its state.
/// </summary>
public sealed class IncidentReport
{
    public const int TextLength = 4000;

    public Guid Id { get; set; }
    public required string ReportedBy { get; set; }
    public DateTimeOffset ReportedAt { get; set; }
    public IncidentKind Kind { get; set; }
    public required string Description { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }
    public string? ClosingNote { get; set; }

    /// <summary>Two people closing one report at once: the second save is a 409.</summary>
    public int Revision { get; set; }

    public bool IsOpen => ClosedAt is null;

    public void Close(string by, string? note, DateTimeOffset at)
    {
        if (!IsOpen)
            throw new RefusedException(RefusalKind.Conflict, "Không đóng được báo cáo sự cố", $"Báo cáo đã được {ClosedBy} đóng lúc trước.",
                $"Incident report {Id} is already closed.");
        if (string.IsNullOrWhiteSpace(note) || note.Length > TextLength)
            throw new RefusedException(RefusalKind.Invalid, "Không đóng được báo cáo sự cố",
                $"Hãy ghi cách đã xử lý sự cố (1 đến {TextLength} ký tự).", "A closing note is required.");
        ClosedAt = at;
        ClosedBy = by;
        ClosingNote = note.Trim();
        Revision++;
    }
}
