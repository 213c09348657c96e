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

    public static IQueryable<ProvincialTask> VisibleTo(this IQueryable<ProvincialTask> tasks, ClaimsPrincipal user)
    {
        if (FollowAll.Any(user.IsInRole))
            return tasks;
        var me = user.Identity?.Name ?? "";
        var unit = user.IsInRole(Roles.UnitHead) ? user.FindFirstValue(UnitClaimsFactory.UnitClaim) : null;
        if (unit is null)
            return tasks.Where(t => t.Handler == me);
        // Coordinating units are stored comma-separated; the commas around both sides match whole codes only.
        var coordinating = $",{unit},";
        return tasks.Where(t => t.Handler == me || t.MainUnit == unit || ("," + t.CoordinatingUnits + ",").Contains(coordinating));
    }
}
