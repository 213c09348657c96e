using DocBpm.Documents.Access;
using System.Linq.Expressions;

namespace DocBpm.Documents.Records;

/// <summary>
/// Who sees a file: its keeper, the head of its unit, and the office that organises the filing (Article 11.4, NĐ30
/// Article 29: the Director directs, the Văn phòng organises); the IT admin does not read documents through files.
/// </summary>
public static class RecordVisibility
{
    private static readonly string[] Organisers = [StaffRole.Director, StaffRole.Deputy, StaffRole.OfficeChief, StaffRole.Clerk];

    public static bool MaySee(this Reader reader, RecordFile file) =>
        string.Equals(file.Keeper, reader.UserName, StringComparison.OrdinalIgnoreCase)
        || (reader.IsUnitHead && reader.UnitCode is not null && string.Equals(reader.UnitCode, file.UnitCode, StringComparison.OrdinalIgnoreCase))
        || Organisers.Any(reader.Has);

    /// <summary>
    /// The same rule as <see cref="MaySee"/> as a query, so that the database filters and pages. Login names and unit
    /// codes compare without case, as <see cref="MaySee"/> does, whatever the database's collation.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1862",
        Justification = "A query: EF Core translates ToLower to SQL lower(); string.Equals with a StringComparison has no SQL translation.")]
    public static Expression<Func<RecordFile, bool>> Visible(Reader reader)
    {
        if (Organisers.Any(reader.Has))
            return _ => true;
        var user = reader.UserName.ToLowerInvariant();
        var unit = reader.IsUnitHead ? reader.UnitCode?.ToLowerInvariant() : null;
        return f => (f.Keeper != null && f.Keeper.ToLower() == user) || (unit != null && f.UnitCode != null && f.UnitCode.ToLower() == unit);
    }

    /// <summary>The file plan is the office's to build; who approves it is the file-plan process's review steps' candidates.</summary>
    public static bool MayPlan(this Reader reader) => reader.Has(StaffRole.OfficeChief) || reader.Has(StaffRole.Clerk) || reader.Has(StaffRole.Director);
}
