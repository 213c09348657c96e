using System.Net;
using System.Security.Claims;
using DocBpm.Engine.Persistence;
using DocBpm.Web.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DocBpm.Web.Tests.Accounts;

/// <summary>
/// A bearer token is decrypted at most once a minute (<see cref="SessionCheck.Interval"/>); what the bearer handler and
/// the session check decide from it is unchanged (<c>AccountSecurityTests</c> for sign-out, lock and password change).
/// </summary>
[TestClass]
public sealed class RememberedBearerTicketsTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero));

    [TestMethod]
    public void A_token_read_within_the_minute_is_not_decrypted_again_and_each_request_gets_its_own_principal()
    {
        var tokens = new CountingFormat(Ticket("giamdoc", clock.GetUtcNow().AddHours(1)));
        var remembered = new RememberedBearerTickets(tokens, clock);

        var first = remembered.Unprotect("token-of-giamdoc")!;
        clock.Advance(SessionCheck.Interval - TimeSpan.FromSeconds(1));
        var second = remembered.Unprotect("token-of-giamdoc")!;

        Assert.AreEqual(1, tokens.Reads, "decrypted once");
        Assert.AreNotSame(first.Principal, second.Principal, "no two requests share a principal");
        Assert.AreEqual("giamdoc", second.Principal.Identity!.Name);
        CollectionAssert.AreEqual(new[] { "Giám đốc" }, second.Principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToArray());
        Assert.AreEqual(first.Properties.ExpiresUtc, second.Properties.ExpiresUtc, "the handler checks the same expiry on every request");
        Assert.AreEqual("Identity.Bearer", second.AuthenticationScheme);
    }

    [TestMethod]
    public void After_a_minute_the_token_is_decrypted_again()
    {
        var tokens = new CountingFormat(Ticket("giamdoc", clock.GetUtcNow().AddHours(1)));
        var remembered = new RememberedBearerTickets(tokens, clock);

        remembered.Unprotect("token-of-giamdoc");
        clock.Advance(SessionCheck.Interval);
        remembered.Unprotect("token-of-giamdoc");

        Assert.AreEqual(2, tokens.Reads);
    }

    [TestMethod]
    public void A_token_that_cannot_be_read_is_refused_every_time_and_never_remembered()
    {
        var tokens = new CountingFormat(null);
        var remembered = new RememberedBearerTickets(tokens, clock);

        Assert.IsNull(remembered.Unprotect("forged"));
        Assert.IsNull(remembered.Unprotect("forged"));

        Assert.AreEqual(2, tokens.Reads, "each forged token costs its full check");
    }

    [TestMethod]
    public void A_token_read_for_another_purpose_is_not_remembered()
    {
        var tokens = new CountingFormat(Ticket("giamdoc", clock.GetUtcNow().AddHours(1)));
        var remembered = new RememberedBearerTickets(tokens, clock);

        remembered.Unprotect("token-of-giamdoc", "other purpose");
        remembered.Unprotect("token-of-giamdoc", "other purpose");

        Assert.AreEqual(2, tokens.Reads);
    }

    [TestMethod]
    public void When_full_of_tokens_within_their_minute_the_remembered_stay_and_the_new_one_is_read_each_time()
    {
        var tokens = new CountingFormat(Ticket("giamdoc", clock.GetUtcNow().AddHours(1)));
        var remembered = new RememberedBearerTickets(tokens, clock);
        for (var i = 0; i < RememberedBearerTickets.MaxRemembered; i++)
            remembered.Unprotect($"token-{i}");
        clock.Advance(SessionCheck.Interval / 2);

        remembered.Unprotect("token-new");
        remembered.Unprotect("token-new");
        Assert.AreEqual(RememberedBearerTickets.MaxRemembered + 2, tokens.Reads, "the new token is read each time");
        remembered.Unprotect("token-0");
        Assert.AreEqual(RememberedBearerTickets.MaxRemembered + 2, tokens.Reads, "token-0 is still remembered");
    }

    [TestMethod]
    public void When_full_the_tokens_past_their_minute_make_room_for_a_new_one()
    {
        var tokens = new CountingFormat(Ticket("giamdoc", clock.GetUtcNow().AddHours(1)));
        var remembered = new RememberedBearerTickets(tokens, clock);
        for (var i = 0; i < RememberedBearerTickets.MaxRemembered - 1; i++)
            remembered.Unprotect($"stale-{i}");
        clock.Advance(SessionCheck.Interval / 2);
        remembered.Unprotect("within-its-minute");
        clock.Advance(SessionCheck.Interval / 2);

        remembered.Unprotect("token-new");
        remembered.Unprotect("token-new");
        remembered.Unprotect("within-its-minute");

        Assert.AreEqual(RememberedBearerTickets.MaxRemembered + 1, tokens.Reads, "the new token and the one within its minute each read once");
    }

    [TestMethod]
    public async Task The_hosts_bearer_tokens_are_remembered_and_one_used_just_before_signing_out_still_ends_within_the_minute()
    {
        await using var factory = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var phone = await factory.LoginAsync("chuyenvien");
        var desk = await factory.LoginAsync("chuyenvien");
        Assert.AreEqual(HttpStatusCode.OK, (await phone.GetAsync("/api/account/me")).StatusCode);

        Assert.AreEqual(HttpStatusCode.NoContent, (await desk.PostAsync("/api/account/logout", null)).StatusCode);
        factory.Clock.Advance(SessionCheck.Interval + TimeSpan.FromSeconds(1));

        Assert.AreEqual(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/account/me")).StatusCode);
        Assert.IsInstanceOfType<RememberedBearerTickets>(factory.Services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>()
            .Get(IdentityConstants.BearerScheme).BearerTokenProtector);
    }

    private static AuthenticationTicket Ticket(string name, DateTimeOffset expires) =>
        new(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, "Giám đốc")], "Identity.Bearer")),
            new AuthenticationProperties { ExpiresUtc = expires }, "Identity.Bearer");

    /// <summary>Data protection's format as the bearer handler sees it, counting its reads.</summary>
    private sealed class CountingFormat(AuthenticationTicket? ticket) : ISecureDataFormat<AuthenticationTicket>
    {
        public int Reads { get; private set; }

        public string Protect(AuthenticationTicket data) => "token";

        public string Protect(AuthenticationTicket data, string? purpose) => "token";

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Reads++;
            return ticket;
        }
    }
}
