namespace DocBpm.Web.Outgoing;

public static class OutgoingWebServiceCollectionExtensions
{
    /// <summary>
    /// The outgoing documents' HTTP side: the document page and the list; the steps and their rules are DocBpm.Documents'
    /// <c>OutgoingFlow</c>.
    /// </summary>
    public static IServiceCollection AddDocBpmOutgoingWeb(this IServiceCollection services) =>
        services.AddScoped<OutgoingPages>().AddScoped<OutgoingSearch>();
}
