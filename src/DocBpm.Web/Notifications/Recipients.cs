using DocBpm.Documents.Organisation;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Notifications;

/// <summary>An account as notifications need it: whom a task reaches (unit code and roles are candidate groups) and where to write.</summary>
public sealed record Recipient(string UserName, string? Email, IReadOnlySet<string> Groups);

/// <summary>
/// The unlocked accounts, loaded once per sweep (a Department has a few hundred): a task offered to a group reaches every
/// account whose roles or unit code name that group, as <see cref="TaskAccess"/> lets them take it.
/// </summary>
public sealed class Recipients(IReadOnlyList<Recipient> people)
{
    private readonly Dictionary<string, Recipient> byName = people.ToDictionary(p => p.UserName, StringComparer.OrdinalIgnoreCase);

    public static async Task<Recipients> LoadAsync(DbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var accounts = await (from u in db.Set<AppUser>().AsNoTracking().Unlocked(now)
                              join unit in db.Set<Unit>().AsNoTracking() on u.UnitId equals unit.Id into units
                              from unit in units.DefaultIfEmpty()
                              select new { u.Id, u.UserName, u.Email, Unit = unit == null ? null : unit.Code }).ToListAsync(cancellationToken);
        var roles = await (from ur in db.Set<IdentityUserRole<string>>().AsNoTracking()
                           join r in db.Set<AppRole>().AsNoTracking() on ur.RoleId equals r.Id
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var rolesOf = roles.ToLookup(r => r.UserId, r => r.Name!);
        return new([.. accounts.Where(a => a.UserName != null).Select(a => new Recipient(a.UserName!, a.Email,
            new HashSet<string>(rolesOf[a.Id].Append(a.Unit ?? ""), StringComparer.OrdinalIgnoreCase)))]);
    }

    public Recipient? Find(string? userName) => userName is not null ? byName.GetValueOrDefault(userName) : null;

    /// <summary>The task's assignee, else its candidate users and the members of its candidate groups.</summary>
    public IReadOnlyList<string> Of(BookmarkRecord task)
    {
        if (task.Assignee is not null)
            return Find(task.Assignee) is { } assignee ? [assignee.UserName] : [];
        var users = TaskAccess.Decode(task.CandidateUsers).Select(Find).OfType<Recipient>();
        var groups = TaskAccess.Decode(task.CandidateGroups).ToList();
        var members = groups.Count == 0 ? [] : byName.Values.Where(p => groups.Any(p.Groups.Contains));
        return [.. users.Concat(members).Select(p => p.UserName).Distinct(StringComparer.OrdinalIgnoreCase)];
    }
}
