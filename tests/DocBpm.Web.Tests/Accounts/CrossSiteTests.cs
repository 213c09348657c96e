using System.Net;
using System.Net.Http.Json;
using DocBpm.Engine.Persistence;
using DocBpm.Web.Accounts;
using DocBpm.Web.Hosting;

namespace DocBpm.Web.Tests.Accounts;

/// <summary>Another site cannot act with a signed-in person's cookie; responses carry the browser protections (issue #16).</summary>
[TestClass]
public sealed class CrossSiteTests
{
    [TestMethod]
    public async Task A_state_change_riding_on_the_cookie_from_another_site_is_refused()
    {
        await using var factory = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var browser = factory.CreateClient();
        (await browser.PostAsJsonAsync("/api/account/login?useCookies=true", new LoginRequest("vanthu", DevelopmentSeed.DemoPassword))).EnsureSuccessStatusCode();

        var foreignUpload = await Send(browser, "/api/incoming", "https://evil.example", new MultipartFormDataContent());
        var foreignLogout = await Send(browser, "/api/account/logout", "https://evil.example");
        var crossSiteFetch = await Send(browser, "/api/account/logout", null, fetchSite: "cross-site");
        var stillSignedIn = await browser.GetAsync("/api/account/me");
        var ownLogout = await Send(browser, "/api/account/logout", "http://localhost");

        Assert.AreEqual(HttpStatusCode.Forbidden, foreignUpload.StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, foreignLogout.StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, crossSiteFetch.StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, stillSignedIn.StatusCode, "the refused requests changed nothing");
        Assert.AreEqual(HttpStatusCode.NoContent, ownLogout.StatusCode);
    }

    [TestMethod]
    public async Task A_bearer_token_client_is_not_asked_for_an_origin()
    {
        await using var factory = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var api = await factory.LoginAsync("chuyenvien");

        Assert.AreEqual(HttpStatusCode.NoContent, (await Send(api, "/api/account/logout", "https://other-system.example")).StatusCode);
    }

    [TestMethod]
    public async Task Every_response_forbids_sniffing_and_foreign_framing_and_carries_the_content_policy()
    {
        await using var factory = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var response = await factory.CreateClient().GetAsync("/login");

        Assert.AreEqual("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.AreEqual("SAMEORIGIN", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.AreEqual(BrowserSecurity.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        StringAssert.Contains(BrowserSecurity.ContentSecurityPolicy, "script-src 'self';");
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string path, string? origin, HttpContent? content = null,
        string? fetchSite = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (origin is not null)
            request.Headers.Add("Origin", origin);
        if (fetchSite is not null)
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        return client.SendAsync(request);
    }
}
