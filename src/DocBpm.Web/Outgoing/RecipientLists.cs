using DocBpm.Documents.Organisation;
using DocBpm.Documents.Outgoing;
using DocBpm.Web.Accounts;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Outgoing;

/// <summary>One option of a recipient pick-list: the code posted back and the text shown.</summary>
public sealed record RecipientOption(string Code, string Text);

/// <summary>The people of one unit, shown together under the unit's name.</summary>
public sealed record PeopleGroup(string UnitName, IReadOnlyList<RecipientOption> People);

/// <summary>
/// The pick-lists of the draft forms: the organisation's units, its people (unlocked accounts, see <see cref="AccountLock"/>)
/// grouped by unit, the active agencies of the directory. Only a convenience: the steps still check every posted code.
/// </summary>
public sealed record RecipientLists(IReadOnlyList<RecipientOption> Units, IReadOnlyList<PeopleGroup> People, IReadOnlyList<RecipientOption> Agencies)
{
    public const string WithoutUnit = "Chưa thuộc đơn vị";

    public static RecipientLists Empty { get; } = new([], [], []);

    /// <summary>
    /// Loaded by the page before it renders the form: a component loading its own lists would share the page's
    /// DbContext while the page's queries are still running.
    /// </summary>
    public static async Task<RecipientLists> LoadAsync(DbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var units = await db.Set<Unit>().AsNoTracking().OrderBy(u => u.SortOrder).ToListAsync(cancellationToken);
        var people = await db.Set<AppUser>().AsNoTracking().Unlocked(time.GetUtcNow()).OrderBy(u => u.FullName).ThenBy(u => u.UserName)
            .Select(u => new Member(u.UserName!, u.FullName, u.Position, u.UnitId)).ToListAsync(cancellationToken);
        var agencies = await db.Set<AgencyEntry>().AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name)
            .Select(a => new RecipientOption(a.Code, a.Name)).ToListAsync(cancellationToken);
        var unitIds = units.Select(u => u.Id).ToHashSet();
        List<PeopleGroup> groups =
        [
            .. units.Select(u => new PeopleGroup(u.Name, Options(people.Where(p => p.UnitId == u.Id)))),
            new PeopleGroup(WithoutUnit, Options(people.Where(p => p.UnitId is not { } id || !unitIds.Contains(id)))),
        ];
        return new RecipientLists([.. units.Select(u => new RecipientOption(u.Code, $"{u.Name} ({u.Code})"))],
            [.. groups.Where(g => g.People.Count > 0)], agencies);
    }

    private static List<RecipientOption> Options(IEnumerable<Member> people) =>
        [.. people.Select(p => new RecipientOption(p.UserName, string.IsNullOrWhiteSpace(p.Position) ? p.FullName : $"{p.FullName} — {p.Position}"))];

    /// <summary>Only what the list shows of an account, not its credentials.</summary>
    private sealed record Member(string UserName, string FullName, string? Position, Guid? UnitId);
}
