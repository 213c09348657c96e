using DocBpm.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace DocBpm.Web.Accounts;

public static class AccountServiceCollectionExtensions
{
    public static IServiceCollection AddDocBpmAccounts(this IServiceCollection services)
    {
        services.AddIdentityApiEndpoints<AppUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<DocBpmDbContext>()
            .AddClaimsPrincipalFactory<UnitClaimsFactory>()
            .AddErrorDescriber<VietnameseIdentityErrors>();

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Administrator, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.Analyst, p => p.RequireRole(Roles.Analyst, Roles.Administrator))
            .AddPolicy(Policies.Integration, p => p.RequireRole(Roles.Administrator, Roles.Clerk))
            .AddPolicy(Policies.OfficeLeaders, p => p.RequireRole(Roles.Administrator, Roles.OfficeChief, Roles.Director));
        return services;
    }
}
