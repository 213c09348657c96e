using System.Net;
using System.Text.RegularExpressions;

namespace DocBpm.Web.Tests.Records;

/// <summary>A page read as HTML and its forms posted as a browser posts them (Blazor's form name, the antiforgery token, the fields).</summary>
public static partial class PageForms
{
    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"__RequestVerificationToken\"")]
    public static partial Regex Antiforgery();

    [GeneratedRegex("name=\"revision\" value=\"(\\d+)\"")]
    private static partial Regex Revision();

    public static async Task<string> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, $"{url}: {body}");
        return WebUtility.HtmlDecode(body);
    }

    /// <summary>
    /// Posts one of the page's forms as the browser would (its name, its antiforgery token, the revision its forms carry
    /// unless <paramref name="fields"/> name another, its fields); the answer unfollowed.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, string form, params (string Name, string Value)[] fields)
    {
        var page = await client.GetStringAsync(url);
        var match = Antiforgery().Match(page);
        Assert.IsTrue(match.Success, $"{url} has a form");
        var token = match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value;
        var revision = Revision().Match(page);
        KeyValuePair<string, string>[] shown = revision.Success && fields.All(f => f.Name != "revision") ? [new KeyValuePair<string, string>("revision", revision.Groups[1].Value)] : [];
        var content = new FormUrlEncodedContent([new("_handler", form), new("__RequestVerificationToken", WebUtility.HtmlDecode(token)), .. shown,
            .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
        return await client.PostAsync(url, content);
    }

    /// <summary>
    /// A successful post goes back to its page with the message (post, redirect, get). The test client follows the
    /// redirect without the bearer token, so the address it ends at (the page, or the login page returning to it) says so.
    /// </summary>
    public static async Task DoneAsync(HttpResponseMessage response, string notice)
    {
        var address = Uri.UnescapeDataString(Uri.UnescapeDataString(response.RequestMessage!.RequestUri!.ToString()));
        StringAssert.Contains(address, $"ok={notice}", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }
}
