using DocBpm.Documents.ProvincialTasks;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.Access;

/// <summary>
/// Who reads which provincial tasks (the list, a task, its document, its coordination): those who follow them all
/// (<see cref="Oversight"/>); the people of the main unit and of each coordinating unit the tasks of their unit; a main
/// handler their own; others none. A task someone may not read does not exist for them (404).
/// </summary>
/// <remarks>
/// Coordinating units: any of the unit's people may give its opinion, so each must read the task it is asked about. The
/// main unit's people too: the task is the unit's (the Director assigns it to the unit, Article 12.1a), the head names
/// and may change the handler among them, and colleagues prepare the figures of the reply; hiding from the leading unit
/// what the coordinating ones read would be backwards.
/// </remarks>
public static class TaskVisibility
{
    public static IQueryable<ProvincialTask> VisibleTo(this IQueryable<ProvincialTask> tasks, Reader reader) =>
        reader.Follows(Overseen.ProvincialTasks) ? tasks : tasks.Involving(reader.UserName, reader.UnitCode);

    /// <summary>Refuses, as not found, a task <paramref name="reader"/> may not read.</summary>
    public static async Task EnsureReadableAsync(this DbContext db, Guid taskId, Reader reader, CancellationToken cancellationToken)
    {
        if (!await db.Set<ProvincialTask>().VisibleTo(reader).AnyAsync(t => t.Id == taskId, cancellationToken))
            throw new TaskNotFoundException(taskId);
    }

    /// <summary>The tasks <paramref name="userName"/> handles, and those <paramref name="unit"/> (null for none) leads or coordinates.</summary>
    public static IQueryable<ProvincialTask> Involving(this IQueryable<ProvincialTask> tasks, string userName, string? unit)
    {
        if (unit is null)
            return tasks.Where(t => t.Handler == userName);
        return tasks.Where(t => t.Handler == userName || t.MainUnit == unit || t.CoordinatorRows.Any(c => c.UnitCode == unit));
    }
}
