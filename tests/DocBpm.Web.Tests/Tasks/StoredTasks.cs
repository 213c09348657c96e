using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocBpm.Web.Tests.Tasks;

internal enum Offer
{
    Group,
    User,
    Assigned,
}

/// <summary>
/// Open user tasks stored as the engine writes them (bookmark and candidate rows), so that a task list's tests need no
/// process runs for thousands of tasks.
/// </summary>
internal static class StoredTasks
{
    /// <summary>An open user task offered to a group, to a person, or assigned to the person.</summary>
    public static BookmarkRecord Open(DateTimeOffset createdAt, int priority, DateTimeOffset? due, Offer offer, string user, string group) => new()
    {
        Id = Guid.CreateVersion7(),
        Kind = BookmarkKind.UserTask,
        Status = BookmarkStatus.Active,
        ElementId = "Handle",
        TaskName = "Xử lý",
        CreatedAt = createdAt,
        Priority = priority,
        TaskDueDate = due,
        Assignee = offer == Offer.Assigned ? user : null,
        CandidateUsers = offer == Offer.User ? TaskAccess.Encode([user]) : null,
        CandidateGroups = offer == Offer.Group ? TaskAccess.Encode([group]) : null,
        DefinitionKey = "inbox-paging",
    };

    /// <summary>The tasks with their candidate rows, under one running instance of a deployed process.</summary>
    public static async Task StoreAsync(DocBpmWebFactory host, List<BookmarkRecord> tasks)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<EngineDb>();
        var definition = await engine.Definitions.AsNoTracking().FirstAsync();
        var instance = new InstanceRecord
        {
            Id = Guid.CreateVersion7(), DefinitionId = definition.Id, DefinitionKey = "inbox-paging", Status = InstanceStatus.Running, State = "{}",
            StartedAt = host.Clock.GetUtcNow(),
        };
        engine.Instances.Add(instance);
        foreach (var task in tasks)
        {
            task.InstanceId = instance.Id;
            engine.Bookmarks.Add(task);
            engine.Candidates.AddRange(BookmarkCandidateRecord.Of(task, TaskAccess.Decode(task.CandidateUsers).ToList(),
                TaskAccess.Decode(task.CandidateGroups).ToList()));
        }
        await engine.Context.SaveChangesAsync();
    }
}
