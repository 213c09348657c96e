using DocBpm.Engine.Activities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DocBpm.Documents.Records;

public static class RecordsServiceCollectionExtensions
{
    public const string HandoverSection = "Records:Handover";

    /// <summary>The file plan and the files (hồ sơ) of NĐ30 Articles 28–30, and their handover to the archive (Articles 30–31).</summary>
    public static IServiceCollection AddDocBpmRecords(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HandoverOptions>().Bind(configuration.GetSection(HandoverSection))
            .Validate(o => o.DelayMonths >= 0 && o.MinimumRetentionYears >= 1 && o.WarningDays >= 0 && o.KeepBackMonths >= 0,
                $"{HandoverSection}: the delay, warning and keep-back periods must not be negative, the minimum retention at least a year.");
        services.AddSingleton(FilePlanProcess.Contract);
        services.AddActivity<FilePlanStage>();
        return services.AddScoped<RecordFiles>().AddScoped<FilePlanApproval>().AddScoped<Handovers>();
    }
}
