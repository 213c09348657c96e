using DocBpm.Web.Accounts;

namespace DocBpm.Web.Hosting;

/// <summary>
/// What a browser must be told and refused so that another site cannot act with a signed-in person's cookie (issue
/// #16): every response is served with nosniff, a content security policy the pages and the designer keep, and no
/// framing by other sites; a state change carried by the session cookie must come from this site's own pages.
/// </summary>
public static class BrowserSecurity
{
    /// <summary>
    /// Pages and the bpmn-js designer load scripts only from this site; styles may be inline (the layout's style block,
    /// bpmn-js's injected styles); PDFs are previewed in a frame of this site.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        + "font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-src 'self'; frame-ancestors 'self'; "
        + "base-uri 'self'; form-action 'self'";

    /// <summary>The API reference page (Scalar) configures itself with an inline script; it holds no data of its own.</summary>
    private const string ReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'";

    private static readonly string[] SafeMethods = ["GET", "HEAD", "OPTIONS", "TRACE"];

    public static WebApplication UseBrowserSecurity(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
            app.UseHsts();
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "SAMEORIGIN";
            headers["Referrer-Policy"] = "same-origin";
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/api-reference")
                || context.Request.Path.StartsWithSegments("/scalar") ? ReferencePolicy : ContentSecurityPolicy;
            return next(context);
        });
        return app;
    }

    /// <summary>
    /// Refuses a state change that rides on the session cookie from another site. Browsers send <c>Origin</c> on every
    /// cross-site POST (and <c>Sec-Fetch-Site</c>), so a foreign or cross-site value is refused; a request with a bearer
    /// token carries no ambient credential and is not checked. Runs before authentication: nothing is read or changed.
    /// </summary>
    public static WebApplication UseSameSiteStateChanges(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (IsCrossSiteCookieWrite(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await Results.Problem("Yêu cầu thay đổi dữ liệu gửi từ một trang web khác bị từ chối. Hãy thao tác trên trang của hệ thống.",
                    statusCode: StatusCodes.Status403Forbidden, title: "Yêu cầu từ trang khác").ExecuteAsync(context);
                return;
            }

            await next(context);
        });
        return app;
    }

    internal static bool IsCrossSiteCookieWrite(HttpRequest request)
    {
        if (SafeMethods.Contains(request.Method, StringComparer.OrdinalIgnoreCase)
            || !request.Cookies.ContainsKey(UiCookie.Name)
            || request.Headers.Authorization.Any(v => v?.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) == true))
            return false;
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
            return !Uri.TryCreate(origin, UriKind.Absolute, out var uri) || !SameHost(uri, request);
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        return site.Length > 0 && site is not ("same-origin" or "none");
    }

    private static bool SameHost(Uri origin, HttpRequest request) =>
        string.Equals(origin.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
}
