namespace DocBpm.Web.Components;

/// <summary>The Vietnamese web UI: Razor components rendered on the server, forms posting back, Identity's cookie.</summary>
public static class UiExtensions
{
    public static IServiceCollection AddDocBpmUi(this IServiceCollection services)
    {
        services.AddRazorComponents();
        services.AddCascadingAuthenticationState();
        services.AddScoped<Inbox.InboxNavTrays>();
        return services;
    }

    public static WebApplication MapDocBpmUi(this WebApplication app)
    {
        app.MapRazorComponents<App>();
        return app;
    }
}
