using Microsoft.Extensions.DependencyInjection;

namespace DocBpm.Documents.Coordination;

public static class CoordinationServiceCollectionExtensions
{
    /// <summary>Opinions of coordinating units and people (phối hợp), shared by the incoming and provincial-task processes.</summary>
    public static IServiceCollection AddDocBpmCoordination(this IServiceCollection services) =>
        services.AddScoped<CoordinationOpinions>();
}
