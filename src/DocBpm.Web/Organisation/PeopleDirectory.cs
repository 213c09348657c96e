using System.Globalization;
using DocBpm.Documents.Organisation;
using DocBpm.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Organisation;

/// <summary>The Department's people as the documents see them: the Identity accounts with their unit, roles and lockout.</summary>
public sealed class PeopleDirectory(DbContext db, UserManager<AppUser> users, TimeProvider time) : IPeopleDirectory
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

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

    /// <summary>
    /// Who work can be assigned to, as form choices: the units, then the people unit by unit in the units' order, by name.
    /// System accounts (administrators, analysts), the agency archive's archivists (they receive closed files, not work), locked accounts and <paramref name="except"/> (the person assigning) are
    /// left out: nobody hands a document to the system or to themselves.
    /// </summary>
    public async Task<IReadOnlyList<HandlerChoice>> ChoicesAsync(string? except, CancellationToken cancellationToken)
    {
        var units = await db.Set<Unit>().AsNoTracking().OrderBy(u => u.SortOrder).ToListAsync(cancellationToken);
        var system = (await users.GetUsersInRoleAsync(Roles.Administrator)).Concat(await users.GetUsersInRoleAsync(Roles.Analyst))
            .Concat(await users.GetUsersInRoleAsync(Roles.Archivist)).Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        var people = await db.Set<AppUser>().AsNoTracking().ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var rank = units.Select((u, i) => (u.Id, i)).ToDictionary(u => u.Id, u => u.i);
        var byId = units.ToDictionary(u => u.Id);
        return [.. units.Select(u => new HandlerChoice($"unit:{u.Code}", u.Name, u.Code, HandlerChoice.UnitsGroup)),
            .. people.Where(p => !system.Contains(p.Id) && p.UserName != except && !p.IsLocked(now))
                .OrderBy(p => p.UnitId is { } id ? rank.GetValueOrDefault(id, int.MaxValue) : int.MaxValue)
                .ThenBy(p => p.FullName, StringComparer.Create(Vietnamese, CompareOptions.None))
                .Select(p => p.UnitId is { } id && byId.GetValueOrDefault(id) is { } unit
                    ? new HandlerChoice(HandlerChoice.PersonPrefix + p.UserName, PeopleNames.Display(p.FullName, p.Position), unit.Code, unit.Name)
                    : new HandlerChoice(HandlerChoice.PersonPrefix + p.UserName, PeopleNames.Display(p.FullName, p.Position), null, HandlerChoice.NoUnitGroup))];
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

/// <summary>One entry of an assignment pick-list: the form value (<c>unit:GDTrH</c>, <c>person:chuyenvien</c>), the text shown,
/// the person's unit and the group it is listed under (the unit's name).</summary>
public sealed record HandlerChoice(string Value, string Text, string? UnitCode, string Group)
{
    public const string PersonPrefix = "person:";
    public const string UnitsGroup = "Đơn vị";
    public const string NoUnitGroup = "Chưa thuộc đơn vị";

    /// <summary>The person's login when this entry is a person, null for a unit.</summary>
    public string? UserName => UserNameOf(Value);

    /// <summary>The login in a posted form value (<c>person:chuyenvien</c>), null when the value names no person.</summary>
    public static string? UserNameOf(string value) => value.StartsWith(PersonPrefix, StringComparison.Ordinal) ? value[PersonPrefix.Length..] : null;
}
