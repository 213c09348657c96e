using System.Text.Json.Nodes;
using DocBpm.Engine.Persistence;

namespace DocBpm.Engine.Runtime;

/// <summary>Who acts on a user task: the user name and the groups (roles, units) the user belongs to.</summary>
public sealed record TaskActor(string UserName, IReadOnlyCollection<string> Groups, bool IsAdministrator = false)
{
    /// <summary>The user's and the groups' names as candidate rows hold them (<see cref="BookmarkCandidateRecord.Fold"/>).</summary>
    public (string User, string[] Groups) Folded() =>
        (BookmarkCandidateRecord.Fold(UserName), [.. Groups.Select(BookmarkCandidateRecord.Fold)]);
}

/// <param name="InstanceId">
/// The id to give the new instance, chosen by a caller that records it beside its own rows in the same SaveChanges (a
/// document flow naming its own instance); a fresh one when null.
/// </param>
public sealed record StartRequest(
    string DefinitionKey,
    IReadOnlyDictionary<string, JsonNode?>? Variables = null,
    string? BusinessKey = null,
    string? Actor = null,
    int? Version = null,
    string? IdempotencyKey = null,
    Guid? InstanceId = null);

/// <param name="InstanceId">The id of the instance a message start event starts (see <see cref="StartRequest.InstanceId"/>).</param>
public sealed record MessageRequest(
    string MessageName,
    string? CorrelationKey,
    IReadOnlyDictionary<string, JsonNode?>? Variables = null,
    string? IdempotencyKey = null,
    string? Actor = null,
    string? BusinessKey = null,
    bool All = false,
    Guid? InstanceId = null);

/// <summary>A signal broadcast: every instance waiting for it, and every process that starts with it.</summary>
public sealed record SignalRequest(
    string SignalName,
    IReadOnlyDictionary<string, JsonNode?>? Variables = null,
    string? Actor = null);

/// <summary>The instances a signal moved and the instances it started.</summary>
public sealed record SignalResult(IReadOnlyList<Guid> Resumed, IReadOnlyList<Guid> Started);

public enum CorrelationKind
{
    /// <summary>Waiting subscriptions received the message.</summary>
    Resumed,

    /// <summary>A message start event started a new instance.</summary>
    Started,

    /// <summary>The idempotency key was seen before; nothing was done.</summary>
    Duplicate,

    /// <summary>Nobody waits for this message and no process starts with it.</summary>
    NotCorrelated,
}

public sealed record CorrelationResult(CorrelationKind Kind, IReadOnlyList<Guid> InstanceIds);

/// <summary>Two runs touched the same instance at once; this one lost and changed nothing.</summary>
public sealed class ConcurrencyConflictException(Guid instanceId, Exception inner)
    : RefusedException(RefusalKind.Conflict, "Xung đột cập nhật",
        "Hồ sơ vừa được người khác xử lý cùng lúc. Không có thay đổi nào được lưu; vui lòng tải lại và thử lại.",
        $"Instance {instanceId} was changed by another step at the same time; nothing was stored.", inner)
{
    public Guid InstanceId { get; } = instanceId;
}

/// <summary>The actor may not work on this user task (not the assignee, nor a candidate).</summary>
public sealed class TaskAccessDeniedException(Guid taskId, string userName)
    : RefusedException(RefusalKind.Forbidden, "Không có quyền", "Bạn không phải người được giao xử lý công việc này.",
        $"User '{userName}' may not work on task {taskId}.")
{
    public Guid TaskId { get; } = taskId;
}

/// <summary>The task is not claimed by anyone, so there is nothing to give back to its candidates.</summary>
public sealed class TaskNotClaimedException(Guid taskId)
    : RefusedException(RefusalKind.Conflict, "Công việc chưa có người nhận",
        "Công việc này chưa được ai nhận xử lý (hoặc được giao đích danh), nên không có gì để trả lại. Không có thay đổi nào được lưu.",
        $"Task {taskId} is not claimed; there is nothing to release.")
{
    public Guid TaskId { get; } = taskId;
}

/// <summary>
/// Several instances wait for the message with this name and key, and the sender did not ask for all of them
/// (Camunda's <c>correlate</c> against <c>correlateAll</c>): nothing was delivered.
/// </summary>
public sealed class AmbiguousCorrelationException(string messageName, string? correlationKey, IReadOnlyList<Guid> instanceIds)
    : RefusedException(RefusalKind.Conflict, "Thông điệp khớp nhiều quy trình",
        $"Có {instanceIds.Count} quy trình đang chờ thông điệp '{messageName}' với khóa '{correlationKey}'. "
        + "Không quy trình nào nhận thông điệp; hãy dùng khóa tương quan cụ thể hơn hoặc gửi với all=true để gửi cho tất cả.",
        $"{instanceIds.Count} instances wait for message '{messageName}' with key '{correlationKey}'; deliver to all of them explicitly or use a more specific key.")
{
    public string MessageName { get; } = messageName;
    public string? CorrelationKey { get; } = correlationKey;
    public IReadOnlyList<Guid> InstanceIds { get; } = instanceIds;

    public override IReadOnlyDictionary<string, object?> Facts => new Dictionary<string, object?> { ["instanceIds"] = InstanceIds };
}

public sealed class InstanceNotFoundException(Guid instanceId)
    : RefusedException(RefusalKind.NotFound, "Không tìm thấy", "Phiên bản quy trình không tồn tại.", $"Instance {instanceId} does not exist.")
{
    public Guid InstanceId { get; } = instanceId;
}

/// <summary>Lets the host wake its timer machinery for bookmarks that became due (timers, jobs).</summary>
public interface IDueWorkSignal
{
    ValueTask NotifyAsync(IReadOnlyList<DueWork> due, CancellationToken cancellationToken);
}

public readonly record struct DueWork(Guid BookmarkId, DateTimeOffset DueAt);
