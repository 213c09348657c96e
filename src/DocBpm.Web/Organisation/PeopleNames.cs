using DocBpm.Documents.Organisation;
using DocBpm.Web.Accounts;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Organisation;

/// <summary>
/// How a page names the people and units it shows: "Hoàng Văn Giám (Giám đốc)" for an account, the unit's name for a
/// unit code, the stored text itself for anything else (an account since deleted, a role group). Records store login
/// names and unit codes; a page loads this once per request (two small queries, whatever the number of rows it shows)
/// before it renders, and its components read from it.
/// </summary>
public sealed class PeopleNames(DbContext db)
{
    private Dictionary<string, string>? names;

    /// <summary>Loads the accounts and units once per request; the page awaits it before its components render.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (names is not null)
            return;
        var people = await db.Set<AppUser>().AsNoTracking().Select(u => new { u.UserName, u.FullName, u.Position }).ToListAsync(cancellationToken);
        var units = await db.Set<Unit>().AsNoTracking().Select(u => new { u.Code, u.Name }).ToListAsync(cancellationToken);
        var loaded = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var unit in units)
            loaded[unit.Code] = unit.Name;
        foreach (var person in people.Where(p => p.UserName is not null && p.FullName.Length > 0))
            loaded[person.UserName!] = Display(person.FullName, person.Position);
        names = loaded;
    }

    /// <summary>The person or unit behind a stored login name or unit code; the text itself when nobody by that name exists.</summary>
    public string Of(string? loginOrUnit)
    {
        if (names is null)
            throw new InvalidOperationException("The page must await PeopleNames.LoadAsync before it renders the names.");
        return loginOrUnit is null ? "" : names.GetValueOrDefault(loginOrUnit, loginOrUnit);
    }

    public string Of(IEnumerable<string> loginsOrUnits) => string.Join(", ", loginsOrUnits.Select(Of));

    public static string Display(string fullName, string? position) =>
        string.IsNullOrWhiteSpace(position) ? fullName : $"{fullName} ({position})";
}
