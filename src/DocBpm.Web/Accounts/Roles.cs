using DocBpm.Documents.Access;

namespace DocBpm.Web.Accounts;

/// <summary>The roles of the regulation (<see cref="StaffRole"/>: the stored names are the Vietnamese ones people see).</summary>
public static class Roles
{
    public const string Clerk = StaffRole.Clerk;
    public const string Director = StaffRole.Director;
    public const string Deputy = StaffRole.Deputy;
    public const string UnitHead = StaffRole.UnitHead;
    public const string Staff = StaffRole.Staff;
    public const string OfficeChief = StaffRole.OfficeChief;
    public const string Administrator = StaffRole.Administrator;
    public const string Analyst = StaffRole.Analyst;
    public const string Archivist = StaffRole.Archivist;

    public static IReadOnlyList<string> All { get; } =
        [Clerk, Director, Deputy, UnitHead, Staff, OfficeChief, Administrator, Analyst, Archivist];

    /// <summary>Lãnh đạo Sở: who sign for the Department and supervise its units.</summary>
    public static IReadOnlyList<string> Leadership { get; } = [Director, Deputy];
}

public static class Policies
{
    public const string Administrator = StaffRole.Administrator;
    public const string Analyst = StaffRole.Analyst;
    public const string Integration = "Integration";
    public const string OfficeLeaders = "OfficeLeaders";
}
