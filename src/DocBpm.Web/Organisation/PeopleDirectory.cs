using DocBpm.Documents.Organisation;
using DocBpm.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Organisation;

/// <summary>The Department's people as the documents see them: the Identity accounts with their unit.</summary>
public sealed class PeopleDirectory(DbContext db, UserManager<AppUser> users) : IPeopleDirectory
{
    public async Task<Person?> FindAsync(string userName, CancellationToken cancellationToken)
    {
        var normalized = users.NormalizeName(userName);
        var row = await (from u in db.Set<AppUser>().AsNoTracking()
                         where u.NormalizedUserName == normalized
                         join unit in db.Set<Unit>() on u.UnitId equals unit.Id into units
                         from unit in units.DefaultIfEmpty()
                         select new Person(u.UserName!, u.FullName, unit == null ? null : unit.Code)).FirstOrDefaultAsync(cancellationToken);
        return row;
    }

    public async Task<IReadOnlyList<Person>> UnitHeadsAsync(string unitCode, CancellationToken cancellationToken)
    {
        var heads = await users.GetUsersInRoleAsync(Roles.UnitHead);
        var unit = await db.Set<Unit>().AsNoTracking().FirstOrDefaultAsync(u => u.Code == unitCode, cancellationToken);
        return unit is null ? [] : [.. heads.Where(h => h.UnitId == unit.Id).OrderBy(h => h.UserName).Select(h => new Person(h.UserName!, h.FullName, unitCode))];
    }
}
