namespace DocBpm.Engine.Activities;

/// <summary>Descriptors of the BPMN elements the engine implements itself, for the designer palette.</summary>
public static class BuiltInDescriptors
{
    private const string Category = "BPMN";

    private static PortDescriptor Text(string name, string displayName, string description, bool isExpression = true) =>
        new(name, displayName, description, "string", isExpression, false);

    public static IReadOnlyList<ActivityDescriptor> All { get; } =
    [
        new("bpmn:UserTask", Category, "Công việc của người dùng", "Chờ một người thực hiện và hoàn thành.", false, 1,
            [
                Text("assignee", "Người thực hiện", "Tên đăng nhập; bắt đầu bằng '=' để dùng biểu thức."),
                Text("candidateUsers", "Người có thể nhận", "Danh sách tên đăng nhập, cách nhau bởi dấu phẩy."),
                Text("candidateGroups", "Nhóm có thể nhận", "Danh sách vai trò hoặc đơn vị, cách nhau bởi dấu phẩy."),
                Text("dueDate", "Hạn xử lý", "Ngày giờ ISO-8601 hoặc biểu thức."),
                Text("formKey", "Biểu mẫu", "Khóa biểu mẫu hiển thị cho người dùng.", false),
                Text("priority", "Độ ưu tiên", "Số; lớn hơn là khẩn hơn."),
            ], [], [Outcome.DoneName], "userTask"),
        new("bpmn:ScriptTask", Category, "Tập lệnh", "Chạy JavaScript trên các biến của quy trình.", false, 1,
            [Text("script", "Mã JavaScript", "Giá trị cuối cùng được lưu vào biến kết quả.", false),
             Text("resultVariable", "Biến kết quả", "Tên biến nhận giá trị của tập lệnh.", false)],
            [], [Outcome.DoneName], "scriptTask"),
        new("bpmn:ReceiveTask", Category, "Chờ nhận thông điệp", "Chờ một thông điệp theo tên và khóa tương quan.", false, 1,
            [Text("messageName", "Tên thông điệp", "Tên của bpmn:message.", false),
             Text("correlationKey", "Khóa tương quan", "Biểu thức tính khóa, ví dụ =documentId.")],
            [], [Outcome.DoneName], "receiveTask"),
        new("bpmn:TimerEvent", Category, "Hẹn giờ", "Thời điểm (ISO-8601), khoảng thời gian (PT4H, P3D) hoặc chu kỳ (R3/PT1H).", false, 1,
            [Text("timeDate", "Thời điểm", "Ngày giờ ISO-8601 hoặc biểu thức."),
             Text("timeDuration", "Khoảng thời gian", "ISO-8601, ví dụ P2D."),
             Text("timeCycle", "Chu kỳ", "ISO-8601, ví dụ R3/PT1H."),
             new("businessCalendar", "Tính theo ngày làm việc", "Chỉ tính giờ làm việc, bỏ qua ngày nghỉ.", "boolean", false, false)],
            [], [Outcome.DoneName], "timerEventDefinition"),
        new("bpmn:MessageEvent", Category, "Sự kiện thông điệp", "Chờ một thông điệp theo tên và khóa tương quan.", false, 1,
            [Text("messageName", "Tên thông điệp", "Tên của bpmn:message.", false),
             Text("correlationKey", "Khóa tương quan", "Biểu thức tính khóa, ví dụ =documentId.")],
            [], [Outcome.DoneName], "messageEventDefinition"),
    ];
}
