using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace DocBpm.Axis.Agencies;

/// <summary>HTTP Basic authentication of agencies: user name = agency identifier code, password = the agency's key.</summary>
public sealed class AgencyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AgencyRegistry registry)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AgencyKey";
    public const string CodeClaim = "agency";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
            return AuthenticateResult.NoResult();
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
        }
        catch (FormatException)
        {
            return AuthenticateResult.Fail("Malformed Basic credentials.");
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
            return AuthenticateResult.Fail("Malformed Basic credentials.");
        var agency = await registry.AuthenticateAsync(decoded[..colon], decoded[(colon + 1)..], Context.RequestAborted);
        if (agency is null)
            return AuthenticateResult.Fail("Unknown agency or wrong key.");
        var identity = new ClaimsIdentity([new Claim(CodeClaim, agency.Code), new Claim(ClaimTypes.Name, agency.Name)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Basic realm=\"DocBpm.Axis\", charset=\"UTF-8\"";
        return base.HandleChallengeAsync(properties);
    }
}

public static class AgencyPrincipal
{
    public static string AgencyCode(this ClaimsPrincipal user) =>
        user.FindFirstValue(AgencyAuthentication.CodeClaim) ?? throw new InvalidOperationException("Not an authenticated agency.");
}
