using System.Security.Claims;
using DocBpm.Documents.Access;
using DocBpm.Engine.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace DocBpm.Web.Accounts;

public sealed record LoginRequest(string UserName, string Password);

public sealed record CurrentUser(string UserName, string FullName, string? Position, string? Unit, IReadOnlyList<string> Roles);

public static class AccountEndpoints
{
    public static RouteGroupBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/account").WithTags("Tài khoản");
        group.MapPost("/login", LoginAsync).AllowAnonymous();
        group.MapPost("/logout", LogoutAsync);
        group.MapGet("/me", MeAsync);
        return group;
    }

    /// <summary>
    /// Signs in with a cookie (browser, <c>?useCookies=true</c>) or returns a bearer token (API clients, tests).
    /// Five failures lock the account for a while.
    /// </summary>
    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> LoginAsync(
        LoginRequest request, bool? useCookies, SignInManager<AppUser> signIn)
    {
        signIn.AuthenticationScheme = useCookies == true ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(request.UserName, request.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
            return TypedResults.Empty;
        var detail = result.IsLockedOut
            ? "Tài khoản tạm thời bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau."
            : "Tên đăng nhập hoặc mật khẩu không đúng.";
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Đăng nhập không thành công");
    }

    private static async Task<NoContent> LogoutAsync(SignInManager<AppUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
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
