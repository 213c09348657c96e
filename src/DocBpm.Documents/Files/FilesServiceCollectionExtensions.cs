using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DocBpm.Documents.Files;

public static class FilesServiceCollectionExtensions
{
    /// <summary>The file store on the scoped <c>DbContext</c>; the intake limits come from section <c>Files</c>.</summary>
    public static IServiceCollection AddDocBpmFiles(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<FileIntakeOptions>(configuration.GetSection(FileIntakeOptions.Section));
        services.AddScoped<FileStore>();
        return services;
    }
}
