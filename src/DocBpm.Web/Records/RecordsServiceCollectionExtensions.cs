namespace DocBpm.Web.Records;

public static class RecordsServiceCollectionExtensions
{
    public static IServiceCollection AddDocBpmRecordsWeb(this IServiceCollection services) => services.AddScoped<Filing>().AddScoped<HandoverWarnings>().AddScoped<HandoverPapers>().AddScoped<HandoverPackage>();
}
