using DocBpm.Documents.Organisation;
using DocBpm.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Organisation;

/// <summary>The Department's people as the documents see them: the Identity accounts with their unit, roles and lockout.</summary>
public sealed class PeopleDirectory(DbContext db, UserManager<AppUser> users, TimeProvider time) : IPeopleDirectory
{
    public async Task<Person?> FindAsync(string userName, CancellationToken cancellationToken)
    {
        var user = await users.FindByNameAsync(userName);
        return user is null ? null : await PersonAsync(user, await UnitCodeAsync(user.UnitId, cancellationToken));
    }

    public async Task<IReadOnlyList<Person>> UnitHeadsAsync(string unitCode, CancellationToken cancellationToken)
    {
        var unit = await db.Set<Unit>().AsNoTracking().FirstOrDefaultAsync(u => u.Code == unitCode, cancellationToken);
        if (unit is null)
            return [];
        var heads = await users.GetUsersInRoleAsync(Roles.UnitHead);
        return await PeopleAsync(heads.Where(h => h.UnitId == unit.Id), unitCode, cancellationToken);
    }

    public async Task<IReadOnlyList<Person>> DirectorsAsync(CancellationToken cancellationToken) =>
        await PeopleAsync(await users.GetUsersInRoleAsync(Roles.Director), null, cancellationToken);

    /// <summary>The deputies the Director may forward an incoming document to (Article 8.2b).</summary>
    public async Task<IReadOnlyList<Person>> DeputiesAsync(CancellationToken cancellationToken) =>
        [.. (await PeopleAsync(await users.GetUsersInRoleAsync(Roles.Deputy), null, cancellationToken))
            .Where(p => p is { Rank: LeaderRank.Deputy, IsLocked: false })];

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

    /// <summary>One after another: the request's DbContext runs one query at a time.</summary>
    private async Task<IReadOnlyList<Person>> PeopleAsync(IEnumerable<AppUser> accounts, string? unitCode, CancellationToken cancellationToken)
    {
        var people = new List<Person>();
        foreach (var account in accounts.OrderBy(a => a.UserName, StringComparer.Ordinal))
            people.Add(await PersonAsync(account, unitCode ?? await UnitCodeAsync(account.UnitId, cancellationToken)));
        return people;
    }

    private async Task<Person> PersonAsync(AppUser user, string? unitCode)
    {
        var roles = await users.GetRolesAsync(user);
        return new Person(user.UserName!, user.FullName, unitCode)
        {
            Position = user.Position,
            Rank = roles.Contains(Roles.Director) ? LeaderRank.Director : roles.Contains(Roles.Deputy) ? LeaderRank.Deputy : null,
            IsLocked = user.IsLocked(time.GetUtcNow()),
        };
    }

    private async Task<string?> UnitCodeAsync(Guid? unitId, CancellationToken cancellationToken) => unitId is null ? null
        : await db.Set<Unit>().AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Code).FirstOrDefaultAsync(cancellationToken);
}
