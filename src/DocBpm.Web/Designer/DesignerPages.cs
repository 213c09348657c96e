using System.Security.Claims;
using DocBpm.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocBpm.Web.Designer;

/// <summary>
/// The designer, decision table and monitor pages: HTML built by Vite from <c>designer/</c> into <c>wwwroot/designer</c> (their scripts
/// and styles are static files there). A visitor who is not signed in goes to the login page and comes back; a signed-in
/// user without the role gets a Vietnamese refusal. The data itself comes from the JSON API, which checks roles again.
/// </summary>
public static class DesignerPages
{
    public const string OutputFolder = "designer";

    public static IEndpointRouteBuilder MapDesignerPages(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").AllowAnonymous().ExcludeFromDescription();
        group.MapGet("/designer", Page("designer.html", Policies.Analyst));
        group.MapGet("/designer/decisions", Page("decision.html", Policies.Analyst));
        group.MapGet("/monitor", Page("monitor.html", Policies.Administrator));
        group.MapGet("/monitor/instances/{id:guid}", Page("instance.html", Policies.Administrator));
        return app;
    }

    private static Func<HttpContext, IAuthorizationService, IWebHostEnvironment, Task<Results<PhysicalFileHttpResult, RedirectHttpResult, ProblemHttpResult>>>
        Page(string page, string policy) => (http, authorization, environment) => PageAsync(http, authorization, environment, page, policy);

    private static async Task<Results<PhysicalFileHttpResult, RedirectHttpResult, ProblemHttpResult>> PageAsync(
        HttpContext http, IAuthorizationService authorization, IWebHostEnvironment environment, string page, string policy)
    {
        if (http.User.Identity?.IsAuthenticated != true)
            return TypedResults.Redirect($"/login?returnUrl={Uri.EscapeDataString(http.Request.Path + http.Request.QueryString)}");
        if (!(await authorization.AuthorizeAsync(http.User, policy)).Succeeded)
            return TypedResults.Problem(RoleMissing(http.User, policy), statusCode: StatusCodes.Status403Forbidden,
                title: "Không có quyền");

        var file = environment.WebRootFileProvider.GetFileInfo($"{OutputFolder}/{page}");
        if (!file.Exists || file.PhysicalPath is null)
            return TypedResults.Problem(
                "Trang chưa được xây dựng: cần Node.js để biên dịch thư mục designer/ (npm ci && npm run build), rồi build lại DocBpm.Web.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Trang chưa sẵn sàng");
        return TypedResults.PhysicalFile(file.PhysicalPath, "text/html; charset=utf-8");
    }

    private static string RoleMissing(ClaimsPrincipal user, string policy) =>
        $"Tài khoản {user.Identity?.Name} không có vai trò "
        + (policy == Policies.Analyst ? "Phân tích nghiệp vụ" : "Quản trị") + " cần để mở trang này.";
}
