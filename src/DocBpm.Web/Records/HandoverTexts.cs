using DocBpm.Documents.Records;
using DocBpm.Web.Components;

namespace DocBpm.Web.Records;

/// <summary>The form the handover pages post: which file, the reason of a return or a keep-back, and how long to keep it back.</summary>
public sealed class HandoverForm
{
    public string? File { get; set; }
    public string? Reason { get; set; }
    public string? Until { get; set; }
}

/// <summary>How the handover pages word a file's standing (NĐ30 Articles 30–31), in one place for the three of them.</summary>
public static class HandoverTexts
{
    public static string State(HandoverState state) => state switch
    {
        HandoverState.Submitted => "Đã nộp, chờ Lưu trữ cơ quan kiểm tra",
        HandoverState.Accepted => "Lưu trữ cơ quan đã tiếp nhận",
        HandoverState.Returned => "Bị trả lại",
        _ => "Đã rút lại",
    };

    /// <summary>Handed in or not, and if not, how near its due day it is: the 30-day warning of Phụ lục VI I.III.8.</summary>
    public static string Standing(DueFile due, DateOnly today, int warningDays)
    {
        if (due.Handover is { State: HandoverState.Submitted or HandoverState.Accepted } handover)
            return State(handover.State);
        var left = due.DueDate.DayNumber - today.DayNumber;
        var timing = left switch
        {
            < 0 => $"Quá hạn nộp lưu {-left} ngày",
            0 => "Đến hạn nộp lưu hôm nay",
            _ when left <= warningDays => $"Sắp đến hạn nộp lưu: còn {left} ngày",
            _ => "Chưa đến hạn nộp lưu",
        };
        return due.Handover is { State: HandoverState.Returned } returned ? $"{State(returned.State)} — {timing}" : timing;
    }

    public static string KeepBack(KeepBack keepBack, Func<string?, string> nameOf) => keepBack.State switch
    {
        KeepBackState.Requested => "Chờ Giám đốc quyết định",
        KeepBackState.Approved => $"{nameOf(keepBack.DecidedBy)} đồng ý giữ lại đến {Vn.Date(keepBack.Until)}",
        _ => $"{nameOf(keepBack.DecidedBy)} không đồng ý",
    };
}
