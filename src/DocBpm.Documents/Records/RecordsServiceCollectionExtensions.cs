using Microsoft.Extensions.DependencyInjection;

namespace DocBpm.Documents.Records;

public static class RecordsServiceCollectionExtensions
{
    /// <summary>The file plan and the files (hồ sơ) of NĐ30 Articles 28–30.</summary>
    public static IServiceCollection AddDocBpmRecords(this IServiceCollection services) => services.AddScoped<RecordFiles>();
}
