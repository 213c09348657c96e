using DocBpm.Documents.Access;

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

    /// <summary>The file plan is the office's to build; the Director approves it.</summary>
    public static bool MayPlan(this Reader reader) => reader.Has(StaffRole.OfficeChief) || reader.Has(StaffRole.Clerk) || reader.Has(StaffRole.Director);

    public static bool MayApprovePlan(this Reader reader) => reader.Has(StaffRole.Director);
}
