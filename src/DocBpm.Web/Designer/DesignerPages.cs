using System.Security.Claims;
using DocBpm.Web.Accounts;
using DocBpm.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocBpm.Web.Designer;

/// <summary>One designer or monitor page: where it is served, the file Vite built, who may open it.</summary>
public sealed record ToolPage(string Path, string File, string Policy, string RoleName);

/// <summary>
/// The designer, decision table and monitor pages: HTML built by Vite from <c>designer/</c> into <c>wwwroot/designer</c> (their scripts
/// and styles are static files there). A visitor who is not signed in goes to the login page and comes back; a signed-in
/// user without the role gets a Vietnamese refusal, as a page in a browser and as problem details otherwise. The data
/// itself comes from the JSON API, which checks roles again.
/// </summary>
public static class DesignerPages
{
    public const string OutputFolder = "designer";

    public static ToolPage Designer { get; } = new("/designer", "designer.html", Policies.Analyst, "Phân tích nghiệp vụ");

    public static ToolPage Monitor { get; } = new("/monitor", "monitor.html", Policies.Administrator, "Quản trị");

    private static readonly ToolPage Decisions = Designer with { Path = "/designer/decisions", File = "decision.html" };

    private static readonly ToolPage Instance = Monitor with { Path = "/monitor/instances/{id:guid}", File = "instance.html" };

    public static IEndpointRouteBuilder MapDesignerPages(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").AllowAnonymous().ExcludeFromDescription();
        foreach (var page in new[] { Designer, Decisions, Monitor, Instance })
            group.MapGet(page.Path, (HttpContext http, IAuthorizationService authorization, IWebHostEnvironment environment) =>
                PageAsync(http, authorization, environment, page));
        // The pages show a link to each other only to those who may open it.
        app.MapGet("/api/tool-pages", OpenableAsync).WithTags("Quy trình");
        return app;
    }

    /// <summary>Whether <paramref name="user"/> may open <paramref name="page"/>; the one rule for links and the page.</summary>
    public static async Task<bool> MayOpenAsync(this IAuthorizationService authorization, ClaimsPrincipal user, ToolPage page) =>
        (await authorization.AuthorizeAsync(user, page.Policy)).Succeeded;

    private static async Task<Ok<List<string>>> OpenableAsync(ClaimsPrincipal user, IAuthorizationService authorization)
    {
        var paths = new List<string>();
        foreach (var page in new[] { Designer, Monitor })
            if (await authorization.MayOpenAsync(user, page))
                paths.Add(page.Path);
        return TypedResults.Ok(paths);
    }

    private static async Task<Results<PhysicalFileHttpResult, RedirectHttpResult, ContentHttpResult, ProblemHttpResult>> PageAsync(
        HttpContext http, IAuthorizationService authorization, IWebHostEnvironment environment, ToolPage page)
    {
        if (http.User.Identity?.IsAuthenticated != true)
            return TypedResults.Redirect($"/login?returnUrl={Uri.EscapeDataString(http.Request.Path + http.Request.QueryString)}");
        if (!await authorization.MayOpenAsync(http.User, page))
        {
            var detail = $"Tài khoản {http.User.Identity?.Name} không có vai trò {page.RoleName} cần để mở trang này.";
            return ForbiddenPage.WantsPage(http.Request)
                ? ForbiddenPage.Render(detail)
                : TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: ForbiddenPage.Title);
        }

        var file = environment.WebRootFileProvider.GetFileInfo($"{OutputFolder}/{page.File}");
        if (!file.Exists || file.PhysicalPath is null)
            return TypedResults.Problem(
                "Trang chưa được xây dựng: cần Node.js để biên dịch thư mục designer/ (npm ci && npm run build), rồi build lại DocBpm.Web.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Trang chưa sẵn sàng");
        // The page names its hashed scripts: a cached copy would keep loading the scripts of an older build.
        http.Response.Headers.CacheControl = StaticAssets.HtmlCacheControl;
        return TypedResults.PhysicalFile(file.PhysicalPath, "text/html; charset=utf-8");
    }
}
