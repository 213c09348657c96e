namespace DocBpm.Web.Outgoing;

public static class OutgoingWebServiceCollectionExtensions
{
    /// <summary>The outgoing documents' HTTP side: the workflow steps, the signer's record, the leaders a draft may go to and the document page.</summary>
    public static IServiceCollection AddDocBpmOutgoingWeb(this IServiceCollection services)
    {
        services.AddScoped<OutgoingWorkflow>();
        services.AddScoped<OutgoingSigner>();
        services.AddScoped<OutgoingPages>();
        services.AddScoped<OutgoingSteps>();
        services.AddScoped<SigningLeaders>();
        return services;
    }
}
