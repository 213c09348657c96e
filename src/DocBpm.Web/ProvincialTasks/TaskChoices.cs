using DocBpm.Documents.Organisation;
using DocBpm.Web.Accounts;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.ProvincialTasks;

/// <summary>The pick-lists of the task pages; the steps still check what is posted.</summary>
public static class TaskChoices
{
    /// <summary>The units a task can be assigned to: every unit but the Board of Directors, in the organisation's order.</summary>
    public static Task<List<Unit>> UnitsAsync(DbContext db, CancellationToken cancellationToken) =>
        db.Set<Unit>().AsNoTracking().Where(u => u.Kind != UnitKind.Leadership).OrderBy(u => u.SortOrder).ToListAsync(cancellationToken);

    /// <summary>The people of a unit, who may be named its task's main handler.</summary>
    public static Task<List<AppUser>> PeopleAsync(DbContext db, string unitCode, CancellationToken cancellationToken) =>
        (from u in db.Set<AppUser>().AsNoTracking()
         join unit in db.Set<Unit>() on u.UnitId equals unit.Id
         where unit.Code == unitCode
         orderby u.FullName
         select u).ToListAsync(cancellationToken);
}
