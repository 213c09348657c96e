using System.Security.Claims;
using DocBpm.Documents.ProvincialTasks;
using DocBpm.Web.Accounts;

namespace DocBpm.Web.ProvincialTasks;

/// <summary>
/// Which tasks a person's list shows: the clerks, the office chief, the Director, the deputies and the administrators
/// follow them all; a unit head the tasks their unit leads or coordinates; a main handler their own; others none.
/// </summary>
public static class TaskVisibility
{
    private static readonly string[] FollowAll = [Roles.Clerk, Roles.OfficeChief, Roles.Director, Roles.Deputy, Roles.Administrator];

    public static IQueryable<ProvincialTask> VisibleTo(this IQueryable<ProvincialTask> tasks, ClaimsPrincipal user) =>
        FollowAll.Any(user.IsInRole)
            ? tasks
            : tasks.Involving(user.Identity?.Name ?? "", user.IsInRole(Roles.UnitHead) ? user.FindFirstValue(UnitClaimsFactory.UnitClaim) : null);

    /// <summary>The tasks <paramref name="userName"/> handles, and those <paramref name="headedUnit"/> (null if they head none) leads or coordinates.</summary>
    public static IQueryable<ProvincialTask> Involving(this IQueryable<ProvincialTask> tasks, string userName, string? headedUnit)
    {
        if (headedUnit is null)
            return tasks.Where(t => t.Handler == userName);
        // Coordinating units are stored comma-separated; the commas around both sides match whole codes only.
        var coordinating = $",{headedUnit},";
        return tasks.Where(t => t.Handler == userName || t.MainUnit == headedUnit || ("," + t.CoordinatingUnits + ",").Contains(coordinating));
    }
}
