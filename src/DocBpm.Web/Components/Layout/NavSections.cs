using System.Security.Claims;
using DocBpm.Web.Accounts;

namespace DocBpm.Web.Components.Layout;

/// <summary>
/// Which roles each entry of the left navigation serves, in one place. Documents and provincial tasks serve the people
/// of the regulation (an account that only administers or models processes has none of its own); the register books are
/// the clerk's and the administrator's, as their API is; administration is the administrator's and, for the designer,
/// the business analyst's.
/// </summary>
public static class NavSections
{
    private static readonly string[] DocumentRoles = [Roles.Clerk, Roles.Director, Roles.Deputy, Roles.UnitHead, Roles.Staff, Roles.OfficeChief];

    public static bool WorksOnDocuments(this ClaimsPrincipal user) => DocumentRoles.Any(user.IsInRole);

    /// <summary>The Article 12 tasks: the document roles, and the IT admin, who follows their progress.</summary>
    public static bool FollowsProvincialTasks(this ClaimsPrincipal user) => user.WorksOnDocuments() || user.IsInRole(Roles.Administrator);

    public static bool ReadsTaskReports(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.OfficeChief) || user.IsInRole(Roles.Director) || user.IsInRole(Roles.Deputy);

    /// <summary>The document statistics (Article 14.3): the leaders, the office chief and the unit heads (their unit).</summary>
    public static bool ReadsStatistics(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.Director) || user.IsInRole(Roles.Deputy) || user.IsInRole(Roles.OfficeChief) || user.IsInRole(Roles.UnitHead);

    public static bool KeepsRegisters(this ClaimsPrincipal user) => user.IsInRole(Roles.Clerk) || user.IsInRole(Roles.Administrator);

    /// <summary>The Director grants TL., TUQ. and TM. signatures (NĐ30 Art. 13); the admin keeps that data for him.</summary>
    public static bool GrantsSigning(this ClaimsPrincipal user) => user.IsInRole(Roles.Director) || user.IsInRole(Roles.Administrator);

    /// <summary>The agency archive (Lưu trữ cơ quan) receives the files handed over (NĐ30 Art. 31); the keepers hand in from their files' page.</summary>
    public static bool ReceivesHandover(this ClaimsPrincipal user) => user.IsInRole(Roles.Archivist);

    /// <summary>Keeping a due file back needs the head of the agency's consent (NĐ30 Art. 30.3).</summary>
    public static bool DecidesKeepBacks(this ClaimsPrincipal user) => user.IsInRole(Roles.Director);

    public static bool Models(this ClaimsPrincipal user) => user.IsInRole(Roles.Analyst) || user.IsInRole(Roles.Administrator);

    public static bool Administers(this ClaimsPrincipal user) => user.IsInRole(Roles.Administrator);
}
