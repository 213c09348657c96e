namespace DocBpm.Documents.ProvincialTasks;

/// <summary>What people read for the stages, statuses and report columns of provincial tasks.</summary>
public static class TaskWords
{
    public static string Vietnamese(this TaskStage stage) => stage switch
    {
        TaskStage.Reconciling => "Văn thư rà soát, đối chiếu",
        TaskStage.AwaitingCorrection => "Chờ Văn phòng UBND tỉnh điều chỉnh",
        TaskStage.Returned => "Đã trả lại (giao nhầm)",
        TaskStage.Registered => "Chờ Giám đốc phân giao",
        TaskStage.Assigned => "Chờ Trưởng đơn vị giao người xử lý",
        TaskStage.InProgress => "Đang xử lý",
        TaskStage.CompletionProposed => "Đã ban hành văn bản trả lời, chờ phê duyệt",
        _ => "Đã được phê duyệt hoàn thành",
    };

    public static string Vietnamese(this ProvincialTaskStatus status) => status switch
    {
        ProvincialTaskStatus.NotStarted => "Chưa thực hiện",
        ProvincialTaskStatus.InProgress => "Đang thực hiện",
        ProvincialTaskStatus.DueSoon => "Sắp đến hạn",
        ProvincialTaskStatus.CompletionProposed => "Đề nghị phê duyệt hoàn thành",
        ProvincialTaskStatus.Rejected => "Không được phê duyệt, thực hiện lại",
        ProvincialTaskStatus.Extended => "Đã gia hạn",
        ProvincialTaskStatus.OverdueNotCompleted => "Quá hạn, chưa hoàn thành",
        ProvincialTaskStatus.CompletedOnTime => "Hoàn thành đúng hạn",
        ProvincialTaskStatus.CompletedLate => "Hoàn thành quá hạn",
        _ => "Trả lại do giao nhầm",
    };

    public static string Vietnamese(this ReportColumn column) => column switch
    {
        ReportColumn.OnTime => "Trong hạn",
        ReportColumn.DueSoon => "Sắp đến hạn",
        ReportColumn.Overdue => "Quá hạn",
        ReportColumn.CompletedOnTime => "Hoàn thành đúng hạn",
        ReportColumn.CompletedLate => "Hoàn thành quá hạn",
        ReportColumn.Extended => "Gia hạn",
        _ => "Trả lại",
    };
}
