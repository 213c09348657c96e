using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Web.Accounts;

namespace DocBpm.Web.Tests.Accounts;

/// <summary>Sign-in throttling without account lockout, sessions that end with the account, and password changes (issue #16).</summary>
[TestClass]
public sealed class AccountSecurityTests
{
    private const string Stranger = "203.0.113.7";
    private const string DirectorsDesk = "10.12.0.5";

    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task A_strangers_wrong_passwords_never_stop_the_director_from_signing_in(DatabaseProvider provider)
    {
        await using var factory = await DocBpmWebFactory.CreateAsync(provider);
        ClientAddresses.AddTo(factory);
        var stranger = ClientAddresses.From(factory, Stranger);

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
            answers.Add((await Login(stranger, "giamdoc", "doan-mat-khau")).StatusCode);
        var strangerWithRightPassword = await Login(stranger, "giamdoc", DevelopmentSeed.DemoPassword);
        var director = await Login(ClientAddresses.From(factory, DirectorsDesk), "giamdoc", DevelopmentSeed.DemoPassword);

        CollectionAssert.AreEqual(Enumerable.Repeat(HttpStatusCode.Unauthorized, 5).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 3)).ToList(), answers,
            "five wrong passwords from one address, then that address is refused for the account");
        Assert.AreEqual(HttpStatusCode.TooManyRequests, strangerWithRightPassword.StatusCode, "the throttled address is not even asked for the password");
        Assert.AreEqual(HttpStatusCode.OK, director.StatusCode, "the director's own machine is not affected");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Unknown_locked_and_wrong_password_accounts_get_one_answer_and_bad_names_are_no_error(DatabaseProvider provider)
    {
        await using var factory = await DocBpmWebFactory.CreateAsync(provider);
        var admin = await factory.LoginAsync("quantri");
        (await admin.PostAsync("/api/organisation/people/chuyenvien.gdmnth/lock", null)).EnsureSuccessStatusCode();
        var client = factory.CreateClient();

        var unknown = await Detail(await Login(client, "khong.ton.tai", "Sai@mat-khau1"));
        var locked = await Detail(await Login(client, "chuyenvien.gdmnth", DevelopmentSeed.DemoPassword));
        var wrong = await Detail(await Login(client, "chuyenvien", "Sai@mat-khau1"));
        var nul = await Login(client, "giam\u0000doc", "x");
        var empty = await client.PostAsJsonAsync("/api/account/login", new { });

        Assert.AreEqual(SignInGuard.RefusedVi, unknown);
        Assert.AreEqual(unknown, locked, "a locked account is not told apart from a wrong password");
        Assert.AreEqual(unknown, wrong);
        Assert.AreEqual(HttpStatusCode.Unauthorized, nul.StatusCode, "a NUL in the name is a refusal, not a database error");
        Assert.AreEqual(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Locking_an_account_ends_its_open_tokens_within_a_minute(DatabaseProvider provider)
    {
        await using var factory = await DocBpmWebFactory.CreateAsync(provider);
        var staff = await factory.LoginAsync("chuyenvien");
        var admin = await factory.LoginAsync("quantri");
        Assert.AreEqual(HttpStatusCode.OK, (await staff.GetAsync("/api/account/me")).StatusCode);

        (await admin.PostAsync("/api/organisation/people/chuyenvien/lock", null)).EnsureSuccessStatusCode();
        factory.Clock.Advance(SessionCheck.Interval + TimeSpan.FromSeconds(1));

        Assert.AreEqual(HttpStatusCode.Unauthorized, (await staff.GetAsync("/api/account/me")).StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, (await admin.GetAsync("/api/account/me")).StatusCode, "other people's tokens stay valid");
    }

    [TestMethod]
    public async Task Signing_out_ends_the_persons_tokens_within_a_minute()
    {
        await using var factory = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var phone = await factory.LoginAsync("chuyenvien");
        var desk = await factory.LoginAsync("chuyenvien");

        Assert.AreEqual(HttpStatusCode.NoContent, (await desk.PostAsync("/api/account/logout", null)).StatusCode);
        factory.Clock.Advance(SessionCheck.Interval + TimeSpan.FromSeconds(1));

        Assert.AreEqual(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/account/me")).StatusCode);
    }

    [TestMethod]
    public async Task Everyone_changes_their_own_password_with_the_rules_in_vietnamese()
    {
        await using var factory = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var staff = await factory.LoginAsync("chuyenvien");

        var wrongCurrent = await staff.PostAsJsonAsync("/api/account/password", new { currentPassword = "Sai@mat-khau1", newPassword = "Moi@matkhau2027" });
        var weak = await staff.PostAsJsonAsync("/api/account/password", new { currentPassword = DevelopmentSeed.DemoPassword, newPassword = "ngan" });
        var changed = await staff.PostAsJsonAsync("/api/account/password", new { currentPassword = DevelopmentSeed.DemoPassword, newPassword = "Moi@matkhau2027" });
        factory.Clock.Advance(SessionCheck.Interval + TimeSpan.FromSeconds(1));

        Assert.AreEqual(HttpStatusCode.BadRequest, wrongCurrent.StatusCode);
        StringAssert.Contains((string?)(await wrongCurrent.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["currentPassword"]![0], "Mật khẩu hiện tại không đúng");
        StringAssert.Contains((string?)(await weak.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["newPassword"]![0], "ít nhất 10 ký tự");
        Assert.AreEqual(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.AreEqual(HttpStatusCode.Unauthorized, (await staff.GetAsync("/api/account/me")).StatusCode, "the old token ends with the change");
        Assert.AreEqual(HttpStatusCode.Unauthorized, (await Login(factory.CreateClient(), "chuyenvien", DevelopmentSeed.DemoPassword)).StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, (await Login(factory.CreateClient(), "chuyenvien", "Moi@matkhau2027")).StatusCode);
    }

    [TestMethod]
    public async Task The_administrator_reads_who_signed_in_failed_and_from_where()
    {
        await using var factory = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        ClientAddresses.AddTo(factory);
        await Login(ClientAddresses.From(factory, Stranger), "giamdoc", "doan-mat-khau");
        var admin = await factory.LoginAsync("quantri");
        var staff = await factory.LoginAsync("chuyenvien");

        var log = (await admin.GetFromJsonAsync<JsonArray>("/api/account/sign-ins?userName=giamdoc"))!;

        Assert.AreEqual(1, log.Count);
        Assert.AreEqual(Stranger, (string?)log[0]!["address"]);
        Assert.AreEqual("WrongPassword", (string?)log[0]!["outcome"]);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/account/sign-ins")).StatusCode);
    }

    [TestMethod]
    public async Task Sign_in_requests_from_one_address_are_rate_limited_and_nothing_else_is()
    {
        await using var factory = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        factory.Settings["Accounts:SignIn:RequestsPerAddressPerMinute"] = "3";
        var staff = await factory.LoginAsync("chuyenvien");
        var client = factory.CreateClient();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            answers.Add((await Login(client, $"ai-do-{i}", "Sai@mat-khau1")).StatusCode);

        CollectionAssert.AreEqual(new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests }, answers,
            "the fourth sign-in request of the minute from one address is refused");
        for (var i = 0; i < 5; i++)
            Assert.AreEqual(HttpStatusCode.OK, (await staff.GetAsync("/api/account/me")).StatusCode, "other requests are not limited");
    }

    private static Task<HttpResponseMessage> Login(HttpClient client, string userName, string password) =>
        client.PostAsJsonAsync("/api/account/login", new LoginRequest(userName, password));

    private static async Task<string?> Detail(HttpResponseMessage response) =>
        (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"];
}
