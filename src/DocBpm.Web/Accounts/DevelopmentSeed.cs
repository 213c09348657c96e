using DocBpm.Documents.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Accounts;

/// <summary>
/// A demo Department of Education and Training of Lạng Sơn for a development machine: its units, leaders, clerks and
/// staff, each with a personal account (passwords in README.md), and a directory of agencies to send documents to.
/// </summary>
public static class DevelopmentSeed
{
    public const string DemoPassword = "DocBpm@2026";

    /// <summary>Each unit with the leader who supervises it (Lãnh đạo Sở phụ trách), as a Director's decision would assign them.</summary>
    private static readonly (string Code, string Name, UnitKind Kind, string Supervisor)[] Units =
    [
        ("BGD", "Ban Giám đốc", UnitKind.Leadership, "giamdoc"),
        ("VP", "Văn phòng Sở", UnitKind.Office, "giamdoc"),
        ("TCCB", "Phòng Tổ chức cán bộ", UnitKind.Division, "phogiamdoc2"),
        ("KHTC", "Phòng Kế hoạch - Tài chính", UnitKind.Division, "phogiamdoc2"),
        ("GDTrH", "Phòng Giáo dục Trung học", UnitKind.Division, "phogiamdoc1"),
        ("GDMNTH", "Phòng Giáo dục Mầm non - Tiểu học", UnitKind.Division, "phogiamdoc1"),
        ("TTr", "Thanh tra Sở", UnitKind.Inspectorate, "giamdoc"),
    ];

    private static readonly (string UserName, string FullName, string Unit, string Position, string[] Roles)[] People =
    [
        ("giamdoc", "Hoàng Văn Giám", "BGD", "Giám đốc", [Roles.Director]),
        ("phogiamdoc1", "Nông Thị Phó", "BGD", "Phó Giám đốc", [Roles.Deputy]),
        ("phogiamdoc2", "Lộc Văn Hai", "BGD", "Phó Giám đốc", [Roles.Deputy]),
        ("chanhvanphong", "Vi Thị Chánh", "VP", "Chánh Văn phòng", [Roles.OfficeChief, Roles.UnitHead]),
        ("vanthu", "Hà Thị Thư", "VP", "Văn thư", [Roles.Clerk]),
        ("vanthu2", "Lương Văn Lưu", "VP", "Văn thư", [Roles.Clerk]),
        ("truongphong.tccb", "Triệu Văn Tổ", "TCCB", "Trưởng phòng", [Roles.UnitHead]),
        ("truongphong.gdtrh", "Đinh Thị Trung", "GDTrH", "Trưởng phòng", [Roles.UnitHead]),
        ("truongphong.khtc", "Hoàng Thị Tài", "KHTC", "Trưởng phòng", [Roles.UnitHead]),
        ("chuyenvien", "Mã Văn Viên", "GDTrH", "Chuyên viên", [Roles.Staff]),
        ("chuyenvien.khtc", "Chu Thị Kế", "KHTC", "Chuyên viên", [Roles.Staff]),
        ("chuyenvien.gdmnth", "Dương Văn Mầm", "GDMNTH", "Chuyên viên", [Roles.Staff]),
        ("quantri", "Quản trị hệ thống", "VP", "Chuyên viên CNTT", [Roles.Administrator]),
        ("phantich", "Phân tích nghiệp vụ", "VP", "Chuyên viên", [Roles.Analyst]),
        ("luutru", "Lâm Thị Lưu", "VP", "Chuyên viên lưu trữ", [Roles.Archivist]),
    ];

    /// <summary>The demo leaders who may sign (the Director and the deputies, every unit's supervisor among them): each gets a demo key.</summary>
    public static IEnumerable<(string UserName, string FullName, string Position)> Leaders =>
        People.Where(p => p.Roles.Any(Roles.Leadership.Contains)).Select(p => (p.UserName, p.FullName, p.Position));

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var roles = services.GetRequiredService<RoleManager<AppRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new AppRole(role)), role);
        }

        var db = services.GetRequiredService<DbContext>();
        var units = await db.Set<Unit>().ToDictionaryAsync(u => u.Code, cancellationToken);
        for (var i = 0; i < Units.Length; i++)
        {
            var (code, name, kind, supervisor) = Units[i];
            if (units.ContainsKey(code))
                continue;
            var unit = new Unit { Id = Guid.CreateVersion7(), Code = code, Name = name, Kind = kind, SortOrder = i, SupervisorUserName = supervisor };
            db.Set<Unit>().Add(unit);
            units[code] = unit;
        }

        await db.SaveChangesAsync(cancellationToken);
        await Outgoing.AgencyDirectorySeed.SeedAsync(db, cancellationToken);

        var users = services.GetRequiredService<UserManager<AppUser>>();
        foreach (var (userName, fullName, unit, position, userRoles) in People)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await users.FindByNameAsync(userName) is not null)
                continue;
            var user = new AppUser
            {
                UserName = userName, FullName = fullName, Email = $"{userName}@sgddt.langson.gov.vn",
                UnitId = units[unit].Id, Position = position,
            };
            Check(await users.CreateAsync(user, DemoPassword), userName);
            Check(await users.AddToRolesAsync(user, userRoles), userName);
        }
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Seeding {what} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
