using System.Security.Claims;
using DocBpm.Documents.Access;
using DocBpm.Engine.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Accounts;

public sealed record LoginRequest(string? UserName, string? Password);

public sealed record PasswordChange(string? CurrentPassword, string? NewPassword);

public sealed record CurrentUser(string UserName, string FullName, string? Position, string? Unit, IReadOnlyList<string> Roles);

public sealed record SignInLine(DateTimeOffset At, string UserName, string Address, SignInOutcome Outcome);

public static class AccountEndpoints
{
    public static RouteGroupBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/account").WithTags("Tài khoản");
        group.MapPost("/login", LoginAsync).AllowAnonymous();
        group.MapPost("/logout", LogoutAsync);
        group.MapGet("/me", MeAsync);
        group.MapPost("/password", ChangePasswordAsync);
        group.MapGet("/sign-ins", SignInsAsync).RequireAuthorization(Policies.Administrator);
        app.MapPost("/logout", async (HttpContext http, SignInGuard guard, UserManager<AppUser> users, CancellationToken ct) =>
        {
            await guard.SignOutAsync(await users.GetUserAsync(http.User), Address(http), ct);
            return TypedResults.Redirect("/login");
        }).ExcludeFromDescription();
        return group;
    }

    public static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "";

    /// <summary>
    /// Signs in with a cookie (browser, <c>?useCookies=true</c>) or returns a bearer token (API clients, tests). Wrong
    /// passwords are throttled per account and address (<see cref="SignInGuard"/>), never by locking the account.
    /// </summary>
    private static async Task<Results<EmptyHttpResult, ValidationProblem, ProblemHttpResult>> LoginAsync(
        LoginRequest? request, bool? useCookies, HttpContext http, SignInGuard guard, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request?.UserName) || string.IsNullOrEmpty(request.Password))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["userName"] = ["Nhập tên đăng nhập và mật khẩu."],
            }, title: "Thiếu thông tin đăng nhập");
        var scheme = useCookies == true ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
        return await guard.SignInAsync(request.UserName, request.Password, Address(http), scheme, cancellationToken) switch
        {
            SignInVerdict.SignedIn => TypedResults.Empty,
            SignInVerdict.Throttled => TypedResults.Problem(guard.ThrottledVi, statusCode: StatusCodes.Status429TooManyRequests,
                title: "Đăng nhập tạm thời bị hạn chế"),
            _ => TypedResults.Problem(SignInGuard.RefusedVi, statusCode: StatusCodes.Status401Unauthorized, title: "Đăng nhập không thành công"),
        };
    }

    private static async Task<NoContent> LogoutAsync(HttpContext http, SignInGuard guard, UserManager<AppUser> users,
        CancellationToken cancellationToken)
    {
        await guard.SignOutAsync(await users.GetUserAsync(http.User), Address(http), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Everyone changes their own password; the change ends their other sessions and tokens within a minute.</summary>
    private static async Task<Results<NoContent, ValidationProblem, UnauthorizedHttpResult>> ChangePasswordAsync(
        PasswordChange? request, HttpContext http, UserManager<AppUser> users, SignInManager<AppUser> signIn, SignInGuard guard,
        CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null)
            return TypedResults.Unauthorized();
        var errors = await PasswordChanges.ChangeAsync(user, request?.CurrentPassword, request?.NewPassword, users);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "Không đổi được mật khẩu");
        if (http.Request.Cookies.ContainsKey(UiCookie.Name))
            await signIn.RefreshSignInAsync(user);
        await guard.RecordAsync(user.UserName!, Address(http), SignInOutcome.PasswordChanged, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The administrator's log of sign-ins, failures, throttling and sign-outs, newest first.</summary>
    private static async Task<Results<Ok<List<SignInLine>>, ValidationProblem>> SignInsAsync(string? userName, int? take,
        Data.DocBpmDbContext db, CancellationToken cancellationToken)
    {
        if (take is < 1 or > 1000)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["take"] = ["Số dòng từ 1 đến 1000."] });
        var events = db.Set<SignInEvent>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(userName))
            events = events.Where(e => e.UserName == userName);
        return TypedResults.Ok(await events.OrderByDescending(e => e.Id).Take(take ?? 200)
            .Select(e => new SignInLine(e.At, e.UserName, e.Address, e.Outcome)).ToListAsync(cancellationToken));
    }

    private static async Task<Results<Ok<CurrentUser>, UnauthorizedHttpResult>> MeAsync(
        ClaimsPrincipal principal, UserManager<AppUser> users)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
            return TypedResults.Unauthorized();
        var roles = await users.GetRolesAsync(user);
        return TypedResults.Ok(new CurrentUser(user.UserName!, user.FullName, user.Position,
            principal.FindFirstValue(UnitClaimsFactory.UnitClaim), [.. roles]));
    }

    /// <summary>The signed-in user as the access rules see them: name, unit and roles.</summary>
    public static Reader ToReader(this ClaimsPrincipal principal) => new(principal.Identity?.Name ?? "",
        principal.FindFirstValue(UnitClaimsFactory.UnitClaim), [.. principal.FindAll(ClaimTypes.Role).Select(c => c.Value)]);

    /// <summary>The signed-in user in a document's process: roles plus unit code as candidate groups (<see cref="Reader.Actor"/>).</summary>
    public static TaskActor ToTaskActor(this ClaimsPrincipal principal) => principal.ToReader().Actor;
}
