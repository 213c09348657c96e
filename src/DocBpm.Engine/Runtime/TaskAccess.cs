using DocBpm.Engine.Persistence;

namespace DocBpm.Engine.Runtime;

/// <summary>Who may claim or complete a user task: its assignee, else its candidate users and groups.</summary>
public static class TaskAccess
{
    public static bool MayWork(BookmarkRecord task, TaskActor actor)
    {
        if (actor.IsAdministrator)
            return true;
        if (task.Assignee is not null)
            return string.Equals(task.Assignee, actor.UserName, StringComparison.OrdinalIgnoreCase);
        if (task.CandidateUsers is null && task.CandidateGroups is null)
            return true;
        return Decode(task.CandidateUsers).Contains(actor.UserName, StringComparer.OrdinalIgnoreCase)
            || Decode(task.CandidateGroups).Intersect(actor.Groups, StringComparer.OrdinalIgnoreCase).Any();
    }

    /// <summary>",a,b," so that a SQL LIKE '%,a,%' finds a member without a join table.</summary>
    public static string? Encode(IReadOnlyList<string>? values) =>
        values is null || values.Count == 0 ? null : "," + string.Join(",", values) + ",";

    public static IEnumerable<string> Decode(string? encoded) =>
        encoded?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];
}
