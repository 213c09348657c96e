using DocBpm.Documents.Incoming;
using DocBpm.Documents.Outgoing;
using DocBpm.Documents.ProvincialTasks;
using DocBpm.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Notifications;

/// <summary>What each task is about, loaded for a batch of tasks: the document's subject and the page that shows it.</summary>
public sealed class TaskSubjects
{
    private readonly Dictionary<string, (Guid Id, string Subject)> incoming;
    private readonly Dictionary<string, string> outgoing;

    private TaskSubjects(Dictionary<string, (Guid, string)> incoming, Dictionary<string, string> outgoing)
    {
        this.incoming = incoming;
        this.outgoing = outgoing;
    }

    public static async Task<TaskSubjects> LoadAsync(DbContext db, IReadOnlyList<BookmarkRecord> tasks, CancellationToken cancellationToken)
    {
        var incomingKeys = KeysOf(tasks, IncomingProcess.DefinitionKey);
        var incoming = await db.Set<IncomingDocument>().AsNoTracking().Where(d => incomingKeys.Contains(d.ProcessKey))
            .Select(d => new { d.ProcessKey, d.Id, d.Subject }).ToListAsync(cancellationToken);
        var outgoingIds = KeysOf(tasks, OutgoingProcess.Key).Select(k => Guid.TryParse(k, out var id) ? id : Guid.Empty).ToList();
        var outgoing = await db.Set<OutgoingDocument>().AsNoTracking().Where(d => outgoingIds.Contains(d.Id))
            .Select(d => new { d.Id, d.Subject }).ToListAsync(cancellationToken);
        return new(incoming.DistinctBy(d => d.ProcessKey).ToDictionary(d => d.ProcessKey, d => (d.Id, d.Subject)),
            outgoing.ToDictionary(d => d.Id.ToString(), d => d.Subject));
    }

    public Notification Raise(BookmarkRecord task, NotificationKind kind, string userName, DateTimeOffset now)
    {
        var (link, subject) = About(task);
        var what = task.TaskName ?? task.ElementId;
        return new Notification
        {
            Id = Guid.CreateVersion7(), UserName = userName, Kind = kind, SourceId = task.Id, CreatedAt = now, Link = link,
            Text = NotificationText.Clip(subject is null
                ? $"{NotificationText.Of(kind)}: {what}"
                : $"{NotificationText.Of(kind)}: {what} — {subject}"),
        };
    }

    private (string Link, string? Subject) About(BookmarkRecord task) => task.DefinitionKey switch
    {
        IncomingProcess.DefinitionKey when task.BusinessKey is { } key && incoming.TryGetValue(key, out var d) => ($"/incoming/{d.Id}", d.Subject),
        OutgoingProcess.Key when task.BusinessKey is { } key && outgoing.TryGetValue(key, out var subject) => ($"/outgoing/{key}", subject),
        ProvincialTaskProcess.Key when Guid.TryParse(task.BusinessKey, out var line) => ($"/provincial-tasks/{line}", null),
        _ => ("/", null),
    };

    private static List<string> KeysOf(IReadOnlyList<BookmarkRecord> tasks, string definitionKey) =>
        [.. tasks.Where(t => t.DefinitionKey == definitionKey && t.BusinessKey != null).Select(t => t.BusinessKey!).Distinct()];
}

/// <summary>The Vietnamese a person reads for each kind.</summary>
public static class NotificationText
{
    public static string Of(NotificationKind kind) => kind switch
    {
        NotificationKind.Returned => "Văn bản bị trả lại",
        NotificationKind.CoordinationRequest => "Đề nghị phối hợp",
        NotificationKind.DeadlineSoon => "Sắp đến hạn",
        NotificationKind.DeadlinePassed => "Đã quá hạn",
        NotificationKind.Incident => "Sự cố khi xử lý văn bản",
        NotificationKind.HandoverDue => "Hồ sơ sắp đến hạn nộp lưu",
        _ => "Việc mới",
    };

    public static string Clip(string text) => text.Length <= Notification.TextLength ? text : text[..(Notification.TextLength - 1)] + "…";
}
