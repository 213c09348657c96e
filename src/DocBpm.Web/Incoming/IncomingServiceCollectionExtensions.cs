using DocBpm.Documents.Organisation;
using DocBpm.Web.Inbox;
using DocBpm.Web.Organisation;

namespace DocBpm.Web.Incoming;

public static class IncomingServiceCollectionExtensions
{
    /// <summary>Incoming documents and the inbox over HTTP: reading rules and policies.</summary>
    public static IServiceCollection AddDocBpmIncoming(this IServiceCollection services)
    {
        services.AddScoped<PeopleDirectory>();
        services.AddScoped<IPeopleDirectory>(sp => sp.GetRequiredService<PeopleDirectory>());
        services.AddScoped<IncomingQueries>();
        services.AddScoped<InboxReader>();
        return IncomingAccess.AddIncomingPolicies(services);
    }
}
