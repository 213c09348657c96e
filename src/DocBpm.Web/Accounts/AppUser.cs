using Microsoft.AspNetCore.Identity;

namespace DocBpm.Web.Accounts;

/// <summary>A personal account (Article 16.2: no shared accounts).</summary>
public sealed class AppUser : IdentityUser
{
    public string FullName { get; set; } = "";
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
