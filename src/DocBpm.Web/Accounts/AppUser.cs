using Microsoft.AspNetCore.Identity;

namespace DocBpm.Web.Accounts;

/// <summary>A personal account (Article 16.2: no shared accounts).</summary>
public sealed class AppUser : IdentityUser
{
    public string FullName { get; set; } = "";

    /// <summary>The unit the person works in; its code is one of the person's candidate groups.</summary>
    public Guid? UnitId { get; set; }

    /// <summary>Chức vụ as printed (Giám đốc, Trưởng phòng, Chuyên viên…).</summary>
    public string? Position { get; set; }
}

public sealed class AppRole : IdentityRole
{
    public AppRole()
    {
    }

    public AppRole(string name)
        : base(name)
    {
    }
}
