using DocBpm.Web.Accounts;
using Microsoft.AspNetCore.Identity;

namespace DocBpm.Web.Components;

/// <summary>The Vietnamese web UI: Razor components rendered on the server, forms posting back, Identity's cookie.</summary>
public static class UiExtensions
{
    public static IServiceCollection AddDocBpmUi(this IServiceCollection services)
    {
        services.AddRazorComponents();
        services.AddCascadingAuthenticationState();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/login";
            o.Cookie.Name = "DocBpm";
        });
        return services;
    }

    public static WebApplication MapDocBpmUi(this WebApplication app)
    {
        app.MapRazorComponents<App>();
        app.MapPost("/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.Redirect("/login");
        }).ExcludeFromDescription();
        return app;
    }
}
