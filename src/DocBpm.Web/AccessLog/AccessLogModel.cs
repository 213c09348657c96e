using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.AccessLog;

public static class AccessLogModel
{
    public static ModelBuilder ApplyAccessLog(this ModelBuilder builder)
    {
        builder.Entity<AccessLogEntry>(e =>
        {
            e.ToTable("doc_access_log");
            e.HasKey(x => x.Id);
            e.Property(x => x.UserName).HasMaxLength(256);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            // One row per person, item and minute; also the search by person and time.
            e.HasIndex(x => new { x.UserName, x.At, x.Kind, x.ItemId }).IsUnique();
            e.HasIndex(x => new { x.ItemId, x.At });
            e.HasIndex(x => x.At);
        });
        return builder;
    }

    /// <summary>The log, its writer (a hosted service) and its retention (configuration section <c>AccessLog</c>).</summary>
    public static IServiceCollection AddDocBpmAccessLog(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AccessLogOptions>(configuration.GetSection(AccessLogOptions.Section));
        services.AddSingleton<AccessRecorder>();
        services.AddSingleton<AccessLogWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<AccessLogWriter>());
        return services;
    }
}
