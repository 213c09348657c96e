namespace DocBpm.Web.Accounts;

/// <summary>What happened at a sign-in attempt or to a session, as the administrator reads it.</summary>
public enum SignInOutcome
{
    SignedIn,
    WrongPassword,
    /// <summary>Refused without checking the password: this address failed too often for this account.</summary>
    Throttled,
    /// <summary>The account is locked by an administrator.</summary>
    AccountLocked,
    SignedOut,
    PasswordChanged,
}

/// <summary>
/// One sign-in attempt or session change (who, when, from where). Kept for the administrator (Article 16) and read
/// back by <see cref="SignInGuard"/> to throttle guessing per account and address, the same on every host.
/// </summary>
public sealed class SignInEvent
{
    public const int UserNameLength = 256;
    public const int AddressLength = 64;

    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>As typed at the sign-in (an unknown name is kept too: guessing shows up in the log).</summary>
    public string UserName { get; set; } = "";

    public string Address { get; set; } = "";

    public SignInOutcome Outcome { get; set; }
}
