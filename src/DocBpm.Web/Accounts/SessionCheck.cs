using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DocBpm.Web.Accounts;

/// <summary>
/// Ends a session or bearer token within a minute of the account being locked, its password or roles changed, or the
/// person signing out (all of which change the security stamp). Identity checks the stamp of cookies only; this checks
/// every authenticated request, reading the account at most once a minute per session stamp.
/// </summary>
public sealed class SessionCheck(IOptions<IdentityOptions> identity, TimeProvider clock)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private const int MaxRemembered = 10_000;

    private readonly ConcurrentDictionary<(string User, string Stamp), DateTimeOffset> checkedAt = new();

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.User.Identity?.IsAuthenticated == true && !await StillValidAsync(context))
        {
            if (context.Request.Cookies.ContainsKey(UiCookie.Name))
                await context.SignOutAsync(IdentityConstants.ApplicationScheme);
            context.User = new ClaimsPrincipal(new ClaimsIdentity());
        }

        await next(context);
    }

    private async Task<bool> StillValidAsync(HttpContext context)
    {
        var userId = context.User.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType);
        var stamp = context.User.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (userId is null || stamp is null)
            return false;
        var now = clock.GetUtcNow();
        if (checkedAt.TryGetValue((userId, stamp), out var at) && now - at < Interval)
            return true;

        var db = context.RequestServices.GetRequiredService<Data.DocBpmDbContext>();
        var account = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.LockoutEnd }).FirstOrDefaultAsync(context.RequestAborted);
        var valid = account is not null && account.SecurityStamp == stamp && !(account.LockoutEnd is { } end && end > now);
        if (!valid)
        {
            checkedAt.TryRemove((userId, stamp), out _);
            return false;
        }

        if (checkedAt.Count >= MaxRemembered)
            checkedAt.Clear();
        checkedAt[(userId, stamp)] = now;
        return true;
    }
}
