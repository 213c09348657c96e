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

    /// <summary>The people of a unit with an unlocked account, who may be named its task's main handler.</summary>
    public static Task<List<AppUser>> PeopleAsync(DbContext db, string unitCode, DateTimeOffset now, CancellationToken cancellationToken) =>
        (from u in db.Set<AppUser>().AsNoTracking().Unlocked(now)
         join unit in db.Set<Unit>() on u.UnitId equals unit.Id
         where unit.Code == unitCode
         orderby u.FullName
         select u).ToListAsync(cancellationToken);

    /// <summary>Why <paramref name="userName"/> may not be named main handler of a task <paramref name="mainUnit"/> leads, or null if they may.</summary>
    public static async Task<string?> HandlerRefusalAsync(DbContext db, string userName, string mainUnit, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var person = await (from u in db.Set<AppUser>().AsNoTracking()
                            join unit in db.Set<Unit>() on u.UnitId equals unit.Id
                            where u.UserName == userName && unit.Code == mainUnit
                            select u).FirstOrDefaultAsync(cancellationToken);
        if (person is null)
            return HandlerOutsideUnit(mainUnit);
        return person.IsLocked(now) ? $"Tài khoản của {person.FullName} ({person.UserName}) đang bị khóa nên không giao xử lý nhiệm vụ được." : null;
    }

    /// <summary>Why the clerk may not suggest <paramref name="handler"/> for a line led by <paramref name="unit"/>, or null (none suggested is fine).</summary>
    public static async Task<string?> ProposalRefusalAsync(DbContext db, string? unit, string? handler, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(handler))
            return null;
        if (string.IsNullOrWhiteSpace(unit))
            return "Hãy chọn đơn vị chủ trì trước khi chọn người xử lý chính.";
        return await HandlerRefusalAsync(db, handler.Trim(), unit.Trim(), now, cancellationToken);
    }

    public static string HandlerOutsideUnit(string mainUnit) => $"Người xử lý chính phải là cán bộ của đơn vị chủ trì {mainUnit}.";
}
