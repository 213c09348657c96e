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

    /// <summary>Who work can be assigned to, as form choices: the units, then the people with their unit and position.</summary>
    public async Task<IReadOnlyList<(string Value, string Text, string? UnitCode)>> ChoicesAsync(CancellationToken cancellationToken)
    {
        var units = await db.Set<Unit>().AsNoTracking().OrderBy(u => u.SortOrder).ToListAsync(cancellationToken);
        var people = await db.Set<AppUser>().AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var codes = units.ToDictionary(u => u.Id, u => u.Code);
        return [.. units.Select(u => ($"unit:{u.Code}", $"Đơn vị: {u.Name}", (string?)u.Code)),
            .. people.Select(p => ($"person:{p.UserName}", $"{p.FullName} — {p.Position} ({(p.UnitId is { } id ? codes.GetValueOrDefault(id) : "")})",
                p.UnitId is { } unit ? codes.GetValueOrDefault(unit) : null))];
    }
}
