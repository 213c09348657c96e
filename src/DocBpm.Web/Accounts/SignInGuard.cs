using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DocBpm.Web.Accounts;

public sealed class SignInOptions
{
    /// <summary>Wrong passwords from one address for one account before that address is refused for the account.</summary>
    public int MaxFailuresPerAddress { get; set; } = 5;

    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Sign-in requests one address may make in a minute, whatever the account (ASP.NET Core rate limiting).</summary>
    public int RequestsPerAddressPerMinute { get; set; } = 60;
}

public enum SignInVerdict
{
    SignedIn,
    Refused,
    Throttled,
}

/// <summary>
/// The one sign-in path of the API and the login page. A stranger's wrong passwords must not lock a leader out, so no
/// account-wide lockout: failures are counted per account and client address, and only that address is refused for a
/// while. Unknown, locked and wrong-password attempts get the same answer (no user enumeration).
/// </summary>
public sealed partial class SignInGuard(SignInManager<AppUser> signIn, Data.DocBpmDbContext db, TimeProvider clock,
    IOptions<SignInOptions> options, ILogger<SignInGuard> logger)
{
    public const string RefusedVi = "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang bị khóa.";

    public string ThrottledVi =>
        $"Đăng nhập sai quá nhiều lần từ máy này; vui lòng thử lại sau {options.Value.FailureWindow.TotalMinutes:0} phút.";

    public async Task<SignInVerdict> SignInAsync(string userName, string password, string address, string scheme,
        CancellationToken cancellationToken)
    {
        var name = Clean(userName, SignInEvent.UserNameLength);
        address = Clean(address, SignInEvent.AddressLength);
        if (await TooManyFailuresAsync(name, address, cancellationToken))
        {
            await RecordAsync(name, address, SignInOutcome.Throttled, cancellationToken);
            LogThrottled(name, address);
            return SignInVerdict.Throttled;
        }

        // A name with control characters or over the column cannot be an account; it is not looked up (PostgreSQL refuses NUL).
        var user = name == userName ? await signIn.UserManager.FindByNameAsync(name) : null;
        var passwordOk = user is not null && await signIn.UserManager.CheckPasswordAsync(user, password);
        if (user is not null && passwordOk && user.IsLocked(clock.GetUtcNow()))
        {
            await RecordAsync(name, address, SignInOutcome.AccountLocked, cancellationToken);
            return SignInVerdict.Refused;
        }

        if (!passwordOk)
        {
            await RecordAsync(name, address, SignInOutcome.WrongPassword, cancellationToken);
            LogFailed(name, address);
            return SignInVerdict.Refused;
        }

        signIn.AuthenticationScheme = scheme;
        await signIn.SignInAsync(user!, isPersistent: false);
        await RecordAsync(name, address, SignInOutcome.SignedIn, cancellationToken);
        return SignInVerdict.SignedIn;
    }

    /// <summary>Signing out ends every session and token of the person, on every host within a minute.</summary>
    public async Task SignOutAsync(AppUser? user, string address, CancellationToken cancellationToken)
    {
        await signIn.SignOutAsync();
        if (user is null)
            return;
        await signIn.UserManager.UpdateSecurityStampAsync(user);
        await RecordAsync(user.UserName!, Clean(address, SignInEvent.AddressLength), SignInOutcome.SignedOut, cancellationToken);
    }

    public Task RecordAsync(string userName, string address, SignInOutcome outcome, CancellationToken cancellationToken)
    {
        db.Set<SignInEvent>().Add(new SignInEvent { At = clock.GetUtcNow(), UserName = userName, Address = address, Outcome = outcome });
        return db.SaveChangesAsync(cancellationToken);
    }

    private async Task<bool> TooManyFailuresAsync(string name, string address, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow() - options.Value.FailureWindow;
        var events = db.Set<SignInEvent>().AsNoTracking().Where(e => e.UserName == name && e.Address == address && e.At > since);
        var lastSuccess = await events.Where(e => e.Outcome == SignInOutcome.SignedIn)
            .OrderByDescending(e => e.Id).Select(e => (long?)e.Id).FirstOrDefaultAsync(cancellationToken) ?? 0;
        var failures = await events.CountAsync(e => e.Outcome == SignInOutcome.WrongPassword && e.Id > lastSuccess, cancellationToken);
        return failures >= options.Value.MaxFailuresPerAddress;
    }

    private static string Clean(string? text, int length)
    {
        var cleaned = new string((text ?? "").Where(c => !char.IsControl(c)).ToArray()).Trim();
        return cleaned.Length > length ? cleaned[..length] : cleaned;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Failed sign-in for {UserName} from {Address}")]
    private partial void LogFailed(string userName, string address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in for {UserName} from {Address} refused: too many failures from that address")]
    private partial void LogThrottled(string userName, string address);
}
