namespace DocBpm.Web.Accounts;

/// <summary>
/// An account locked by an administrator (organisation page) or for a while after too many failed sign-ins: it cannot
/// sign in, so it is neither offered nor accepted as someone to send a document to or to hand a task to.
/// </summary>
public static class AccountLock
{
    /// <summary>Compared with the host's clock rather than through UserManager, whose lock check reads the wall clock.</summary>
    public static bool IsLocked(this AppUser user, DateTimeOffset now) => user.LockoutEnd is { } end && end > now;

    public static IQueryable<AppUser> Unlocked(this IQueryable<AppUser> users, DateTimeOffset now) =>
        users.Where(u => u.LockoutEnd == null || u.LockoutEnd <= now);
}
