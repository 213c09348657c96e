using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;

namespace DocBpm.Web.Accounts;

/// <summary>
/// Reads a bearer token once a <see cref="SessionCheck.Interval"/> rather than on every request: decrypting it (data
/// protection's AES and HMAC) and reading its claims back was the largest cost of an API request outside its endpoint.
/// Only a token that was read successfully is remembered, so a forged or damaged token costs its full check every time.
/// Nothing is loosened: the bearer handler checks the remembered ticket's expiry on every request, as before, and the
/// session check behind it still ends the token within its minute of a lock, sign-out or password change. A data
/// protection key revoked meanwhile stops the token when its minute is over, the session check's own bound.
/// </summary>
public sealed class RememberedBearerTickets(ISecureDataFormat<AuthenticationTicket> inner, TimeProvider clock) : ISecureDataFormat<AuthenticationTicket>
{
    internal const int MaxRemembered = 10_000;

    private readonly ConcurrentDictionary<string, (AuthenticationTicket Ticket, DateTimeOffset ReadAt)> read = new(StringComparer.Ordinal);

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    /// <summary>
    /// A copy of the ticket each time: the handler gives its principal to the request as <c>HttpContext.User</c>, and
    /// no two requests share one.
    /// </summary>
    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null || purpose is not null)
            return inner.Unprotect(protectedText, purpose);
        var now = clock.GetUtcNow();
        if (read.TryGetValue(protectedText, out var remembered) && now - remembered.ReadAt < SessionCheck.Interval && now >= remembered.ReadAt)
            return Copy(remembered.Ticket);

        var ticket = inner.Unprotect(protectedText);
        if (ticket is null)
        {
            read.TryRemove(protectedText, out _);
            return null;
        }

        if (read.Count >= MaxRemembered)
            ForgetStale(now);
        if (read.Count < MaxRemembered)
            read[protectedText] = (Copy(ticket), now);
        return ticket;
    }

    /// <summary>
    /// Makes room from tickets past their minute, which would be read again anyway. Emptying the whole cache instead
    /// made every person in the middle of their minute pay a decryption at once whenever it filled; when it is full of
    /// tickets within their minute, the new token is simply not remembered until some expire.
    /// </summary>
    private void ForgetStale(DateTimeOffset now)
    {
        foreach (var (token, remembered) in read)
        {
            if (now - remembered.ReadAt >= SessionCheck.Interval || now < remembered.ReadAt)
                read.TryRemove(token, out _);
        }
    }

    private static AuthenticationTicket Copy(AuthenticationTicket ticket) =>
        new(ticket.Principal.Clone(), ticket.Properties.Clone(), ticket.AuthenticationScheme);
}
