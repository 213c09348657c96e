namespace DocBpm.Edxml;

/// <summary>The processing statuses an agency reports back to the sender over the axis (two-digit codes).</summary>
public enum ExchangeStatus
{
    /// <summary>01 Đã đến: arrived, not yet handled by the clerk.</summary>
    Arrived = 1,

    /// <summary>02 Từ chối tiếp nhận: refused by the clerk, with a reason.</summary>
    Refused = 2,

    /// <summary>03 Đã tiếp nhận: accepted and registered.</summary>
    Accepted = 3,

    /// <summary>04 Phân công: assigned for handling.</summary>
    Assigned = 4,

    /// <summary>05 Đang xử lý: in progress.</summary>
    InProgress = 5,

    /// <summary>06 Hoàn thành: handling completed.</summary>
    Completed = 6,

    /// <summary>13 Lấy lại: the sender recalls the document.</summary>
    Recalled = 13,

    /// <summary>15 Đồng ý cập nhật lấy lại/thu hồi: the recipient accepts the recall.</summary>
    RecallAccepted = 15,

    /// <summary>16 Từ chối cập nhật lấy lại/thu hồi: the recipient refuses the recall.</summary>
    RecallRefused = 16,
}

public static class ExchangeStatusCodes
{
    public static string Code(this ExchangeStatus status) => ((int)status).ToString("00", System.Globalization.CultureInfo.InvariantCulture);

    public static bool TryParse(string? code, out ExchangeStatus status)
    {
        status = default;
        if (code is not { Length: 2 }
            || !int.TryParse(code, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            || !Enum.IsDefined((ExchangeStatus)value))
            return false;
        status = (ExchangeStatus)value;
        return true;
    }

    /// <summary>The wording the axis and the sender's users see.</summary>
    public static string Vietnamese(this ExchangeStatus status) => status switch
    {
        ExchangeStatus.Arrived => "Đã đến",
        ExchangeStatus.Refused => "Từ chối tiếp nhận",
        ExchangeStatus.Accepted => "Đã tiếp nhận",
        ExchangeStatus.Assigned => "Phân công",
        ExchangeStatus.InProgress => "Đang xử lý",
        ExchangeStatus.Completed => "Hoàn thành",
        ExchangeStatus.Recalled => "Lấy lại",
        ExchangeStatus.RecallAccepted => "Đồng ý cập nhật lấy lại/thu hồi",
        _ => "Từ chối cập nhật lấy lại/thu hồi",
    };
}

/// <summary>A status message (edXMLStatus) about a document another agency sent.</summary>
public sealed record EdxmlStatus(
    EdxmlResponseFor ResponseFor,
    EdxmlOrganization From,
    ExchangeStatus Status,
    string? Description,
    DateTimeOffset Timestamp,
    EdxmlStaff? Staff);
