namespace DocBpm.Web.Accounts;

/// <summary>The roles of the regulation; the stored names are the Vietnamese ones people see.</summary>
public static class Roles
{
    public const string Clerk = "VanThu";
    public const string Director = "GiamDoc";
    public const string Deputy = "PhoGiamDoc";
    public const string UnitHead = "TruongDonVi";
    public const string Staff = "ChuyenVien";
    public const string OfficeChief = "ChanhVanPhong";
    public const string Administrator = "QuanTri";
    public const string Analyst = "PhanTichNghiepVu";

    public static IReadOnlyList<string> All { get; } =
        [Clerk, Director, Deputy, UnitHead, Staff, OfficeChief, Administrator, Analyst];

    /// <summary>Lãnh đạo Sở: who sign for the Department and supervise its units.</summary>
    public static IReadOnlyList<string> Leadership { get; } = [Director, Deputy];
}

public static class Policies
{
    public const string Administrator = "Administrator";
    public const string Analyst = "Analyst";
    public const string Integration = "Integration";
    public const string OfficeLeaders = "OfficeLeaders";
}
