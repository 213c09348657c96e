using DocBpm.Documents.Organisation;
using DocBpm.Web.Accounts;
using DocBpm.Web.Inbox;
using DocBpm.Web.Organisation;

namespace DocBpm.Web.Incoming;

/// <summary>The roles that may take the incoming steps; who sees which document is <c>Documents/Access</c>'s.</summary>
public static class IncomingPolicies
{
    public const string Clerk = "IncomingClerk";
    public const string Director = "IncomingDirector";

    /// <summary>The Director alone: he forwards a document to a deputy (Article 8.2b).</summary>
    public const string DirectorOnly = "IncomingDirectorOnly";
    public const string Reassign = "IncomingReassign";
}

public static class IncomingServiceCollectionExtensions
{
    /// <summary>Incoming documents and the inbox over HTTP: queries and policies.</summary>
    public static IServiceCollection AddDocBpmIncoming(this IServiceCollection services)
    {
        services.AddScoped<PeopleDirectory>();
        services.AddScoped<IPeopleDirectory>(sp => sp.GetRequiredService<PeopleDirectory>());
        services.AddScoped<PeopleNames>();
        services.AddScoped<IncomingQueries>();
        services.AddScoped<InboxReader>();
        services.AddAuthorizationBuilder()
            .AddPolicy(IncomingPolicies.Clerk, p => p.RequireRole(Roles.Clerk))
            .AddPolicy(IncomingPolicies.Director, p => p.RequireRole(Roles.Director, Roles.Deputy))
            .AddPolicy(IncomingPolicies.DirectorOnly, p => p.RequireRole(Roles.Director))
            .AddPolicy(IncomingPolicies.Reassign, p => p.RequireRole(Roles.Deputy, Roles.UnitHead));
        return services;
    }
}
