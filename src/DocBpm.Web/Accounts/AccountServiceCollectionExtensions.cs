using System.Threading.RateLimiting;
using DocBpm.Web.Data;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;

namespace DocBpm.Web.Accounts;

/// <summary>The session cookie of the pages (the API also accepts bearer tokens).</summary>
public static class UiCookie
{
    public const string Name = "DocBpm";
}

public static class AccountServiceCollectionExtensions
{
    public static IServiceCollection AddDocBpmAccounts(this IServiceCollection services, IConfiguration configuration,
        IHostEnvironment environment)
    {
        services.AddIdentityApiEndpoints<AppUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                // Only administrators lock accounts; guessing is throttled per address by SignInGuard instead.
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<DocBpmDbContext>()
            .AddClaimsPrincipalFactory<UnitClaimsFactory>()
            .AddErrorDescriber<VietnameseIdentityErrors>();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/login";
            o.Cookie.Name = UiCookie.Name;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        services.AddOptions<BearerTokenOptions>(IdentityConstants.BearerScheme).PostConfigure<TimeProvider>((o, clock) =>
            o.BearerTokenProtector = new RememberedBearerTickets(o.BearerTokenProtector, clock));
        services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((o, clock) =>
        {
            o.ValidationInterval = SessionCheck.Interval;
            o.TimeProvider = clock;
        });

        var signIn = configuration.GetSection("Accounts:SignIn");
        services.Configure<SignInOptions>(signIn);
        services.AddScoped<SignInGuard>();
        services.AddSingleton<SessionCheck>();
        services.AddRateLimiter(o =>
        {
            var perMinute = signIn.GetValue<int?>(nameof(SignInOptions.RequestsPerAddressPerMinute)) ?? new SignInOptions().RequestsPerAddressPerMinute;
            // Only sign-ins reach the limiter (UseDocBpmAccounts): one window per client address.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetFixedWindowLimiter("sign-in " + context.Connection.RemoteIpAddress,
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) }));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (rejected, _) => new ValueTask(Results.Problem(
                "Có quá nhiều yêu cầu đăng nhập từ máy này. Vui lòng chờ một phút rồi thử lại.",
                statusCode: StatusCodes.Status429TooManyRequests, title: "Đăng nhập tạm thời bị hạn chế").ExecuteAsync(rejected.HttpContext));
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Administrator, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.Analyst, p => p.RequireRole(Roles.Analyst, Roles.Administrator))
            .AddPolicy(Policies.Integration, p => p.RequireRole(Roles.Administrator, Roles.Clerk))
            .AddPolicy(Policies.OfficeLeaders, p => p.RequireRole(Roles.Administrator, Roles.OfficeChief, Roles.Director));
        return services;
    }

    private static bool IsSignIn(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.StartsWithSegments("/api/account/login") || request.Path.StartsWithSegments("/login"));

    /// <summary>Throttling and the session check, in the order they must run around authentication.</summary>
    public static WebApplication UseDocBpmAccounts(this WebApplication app)
    {
        // Every other request would pay the limiter's partition lookup (a lock) for a partition that never limits.
        app.UseWhen(context => IsSignIn(context.Request), signIn => signIn.UseRateLimiter());
        app.UseAuthentication();
        var sessions = app.Services.GetRequiredService<SessionCheck>();
        app.Use(sessions.InvokeAsync);
        app.UseAuthorization();
        return app;
    }
}
