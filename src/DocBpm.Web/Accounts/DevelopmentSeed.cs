using Microsoft.AspNetCore.Identity;

namespace DocBpm.Web.Accounts;

/// <summary>Demo accounts for a development machine; their passwords are listed in README.md.</summary>
public static class DevelopmentSeed
{
    public const string DemoPassword = "DocBpm@2026";

    private static readonly (string UserName, string FullName, string[] Roles)[] Accounts =
    [
        ("quantri", "Quản trị hệ thống", [Roles.Administrator]),
        ("phantich", "Chuyên viên phân tích nghiệp vụ", [Roles.Analyst]),
        ("vanthu", "Văn thư Sở", [Roles.Clerk]),
        ("giamdoc", "Giám đốc Sở", [Roles.Director]),
        ("chuyenvien", "Chuyên viên", [Roles.Staff]),
    ];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var roles = services.GetRequiredService<RoleManager<AppRole>>();
        foreach (var role in Roles.All)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new AppRole(role)), role);
        }

        var users = services.GetRequiredService<UserManager<AppUser>>();
        foreach (var (userName, fullName, userRoles) in Accounts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await users.FindByNameAsync(userName) is not null)
                continue;
            var user = new AppUser { UserName = userName, FullName = fullName, Email = $"{userName}@sgddt.langson.gov.vn" };
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
