using DocBpm.Engine;
using DocBpm.Engine.Persistence;

namespace DocBpm.Web.Tasks;

/// <summary>
/// The user tasks of the domain processes that change a document's own record (its status, number, assignments,
/// opinions) and so must be done through the document's action, never through the generic task completion.
/// </summary>
public static class DocumentActions
{
    private static readonly string[] DomainPrefixes = ["incoming-", "outgoing-", "provincial-", "file-plan-"];

    // Steps whose only record is the completed task itself (a reminder read, an internal copy received): the generic
    // completion is how they are closed.
    private static readonly HashSet<string> Acknowledgements =
        ["outgoing-received", "outgoing-issue-reminder", "incoming-urgent-escalation", "provincial-reminder", "provincial-escalation"];

    private static readonly Dictionary<string, string> Actions = new(StringComparer.Ordinal)
    {
        ["incoming-check"] = "\"Vào sổ\" hoặc \"Trả lại\" trên trang văn bản đến (POST /api/incoming/{id}/register hoặc /return)",
        ["incoming-instruct"] = "\"Chỉ đạo, phân công\" hoặc \"Chuyển Phó Giám đốc\" trên trang văn bản đến (POST /api/incoming/{id}/assign hoặc /forward)",
        ["incoming-process"] = "\"Hoàn thành xử lý\" hoặc \"Giao lại\" trên trang văn bản đến (POST /api/incoming/{id}/complete hoặc /reassign)",
        ["incoming-recall"] = "\"Xác nhận thu hồi\" trên trang văn bản đến (POST /api/incoming/{id}/recall)",
        ["incoming-coordination"] = "\"Gửi ý kiến phối hợp\" trên trang văn bản đến (POST /api/incoming/{id}/opinions)",
        ["outgoing-draft"] = "\"Trình\" trên trang văn bản đi (POST /api/outgoing/{id}/submit)",
        ["outgoing-review"] = "\"Gửi ý kiến\" trên trang văn bản đi (POST /api/outgoing/{id}/opinion)",
        ["outgoing-approve"] = "\"Duyệt, trình ký\" hoặc \"Trả lại\" trên trang văn bản đi (POST /api/outgoing/{id}/approve hoặc /return)",
        ["outgoing-sign"] = "\"Ký số\" hoặc \"Trả lại\" trên trang văn bản đi (POST /api/outgoing/{id}/sign hoặc /return)",
        ["outgoing-issue"] = "\"Cấp số, phát hành\" hoặc \"Trả lại\" trên trang văn bản đi (POST /api/outgoing/{id}/issue hoặc /return)",
        ["provincial-reconcile"] = "\"Rà soát, đối chiếu\" trên trang nhiệm vụ (POST /api/provincial-tasks/{id}/reconcile)",
        ["provincial-assign"] = "\"Phân giao nhiệm vụ\" trên trang nhiệm vụ (POST /api/provincial-tasks/{id}/assign)",
        ["provincial-handler"] = "\"Giao người xử lý chính\" trên trang nhiệm vụ (POST /api/provincial-tasks/{id}/handler)",
        ["provincial-reply"] = "\"Khởi tạo văn bản đi\" tại mục \"Văn bản trả lời\" trên trang nhiệm vụ (POST /api/provincial-tasks/{id}/reply-draft)",
        ["provincial-coordination"] = "\"Gửi ý kiến phối hợp\" trên trang nhiệm vụ (POST /api/provincial-tasks/{id}/opinions)",
        ["file-plan-review"] = "\"Đồng ý\" hoặc \"Trả lại\" trên trang danh mục hồ sơ (POST /api/records/plans/{id}/approve hoặc /return)",
        ["file-plan-revise"] = "\"Trình lại\" trên trang danh mục hồ sơ (POST /api/records/plans/{id}/submit)",
    };

    /// <summary>
    /// The document action to use instead of completing a task with <paramref name="formKey"/>, or null when the
    /// generic completion is right for it. A domain form key not listed here is refused too, with a general hint.
    /// </summary>
    public static string? For(string? formKey)
    {
        if (formKey is null || Acknowledgements.Contains(formKey) || !DomainPrefixes.Any(p => formKey.StartsWith(p, StringComparison.Ordinal)))
            return null;
        return Actions.GetValueOrDefault(formKey, "thao tác tương ứng trên trang của văn bản hoặc nhiệm vụ");
    }

    /// <summary>
    /// The rule a generic action (<paramref name="title"/>: what was refused) applies to a task as the engine loaded it:
    /// a document's task is refused with <see cref="DocumentTaskRefusedException"/>, naming the document action to use.
    /// </summary>
    public static Action<BookmarkRecord> Refuse(string title) => task =>
    {
        if (For(task.FormKey) is { } action)
            throw new DocumentTaskRefusedException(title, task.Id, task.FormKey!, action);
    };
}

/// <summary>A generic action on a document's task, which only the document's own action may move (409, nothing stored).</summary>
public sealed class DocumentTaskRefusedException(string title, Guid taskId, string formKey, string action)
    : RefusedException(RefusalKind.Conflict, title,
        $"Công việc này thuộc quy trình của văn bản, phải thực hiện bằng thao tác {action} để hồ sơ văn bản được cập nhật. Không có thay đổi nào được lưu.",
        $"Generic action on task {taskId} refused: form key {formKey} belongs to a document's process.")
{
    public override IReadOnlyDictionary<string, object?> Facts { get; } =
        new Dictionary<string, object?> { ["formKey"] = formKey, ["documentAction"] = action };
}
