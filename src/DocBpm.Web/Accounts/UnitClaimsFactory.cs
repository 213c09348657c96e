using System.Security.Claims;
using DocBpm.Documents.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DocBpm.Web.Accounts;

/// <summary>Puts the person's unit into the sign-in, so that tasks offered to the unit reach its members.</summary>
public sealed class UnitClaimsFactory(UserManager<AppUser> users, RoleManager<AppRole> roles, IOptions<IdentityOptions> options,
    DbContext db) : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    public const string UnitClaim = "unit";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim("full_name", user.FullName));
        if (user.UnitId is { } unitId && await db.Set<Unit>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId) is { } unit)
            identity.AddClaim(new Claim(UnitClaim, unit.Code));
        return identity;
    }
}
