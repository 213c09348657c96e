using DocBpm.Documents.Calendar;
using DocBpm.Engine.Timers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DocBpm.Documents;

public static class DocumentsServiceCollectionExtensions
{
    /// <summary>
    /// The domain services on the host's DbContext <typeparamref name="TContext"/> (whose model must call
    /// <c>ApplyDocuments()</c>): the working calendar replaces the engine's 24x7 default.
    /// </summary>
    public static IServiceCollection AddDocBpmDocuments<TContext>(this IServiceCollection services, IConfiguration configuration)
        where TContext : Microsoft.EntityFrameworkCore.DbContext
    {
        services.Configure<WorkingHoursOptions>(configuration.GetSection(WorkingHoursOptions.Section));
        services.AddSingleton(sp => new BusinessCalendar(
            new WorkingCalendar(sp.GetRequiredService<IOptions<WorkingHoursOptions>>().Value, VietnamHolidaySeed.Days)));
        services.Replace(ServiceDescriptor.Singleton<IBusinessCalendar>(sp => sp.GetRequiredService<BusinessCalendar>()));
        services.AddScoped(sp => new CalendarDays(sp.GetRequiredService<TContext>(), sp.GetRequiredService<BusinessCalendar>(),
            sp.GetRequiredService<IOptions<WorkingHoursOptions>>()));
        return services;
    }

    public static Microsoft.EntityFrameworkCore.ModelBuilder ApplyDocuments(this Microsoft.EntityFrameworkCore.ModelBuilder modelBuilder) =>
        modelBuilder.ApplyCalendar();
}
