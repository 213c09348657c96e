using DocBpm.Documents.Registers;
using DocBpm.Documents.Authorisations;
using DocBpm.Engine.Activities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DocBpm.Documents.Outgoing;

public static class OutgoingServiceCollectionExtensions
{
    /// <summary>Outgoing documents (configuration section <c>Outgoing</c>): drafts, the issue deadline, the issue activity and the register rows.</summary>
    public static IServiceCollection AddDocBpmOutgoing(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OutgoingOptions>(configuration.GetSection(OutgoingOptions.Section));
        services.AddSingleton(OutgoingProcess.Contract);
        services.AddScoped<OutgoingDrafts>();
        services.AddScoped<SigningLeaders>();
        services.AddScoped<SigningAuthorisations>();
        services.AddScoped<OutgoingFlow>();
        services.AddScoped<TokenSigning>();
        services.AddScoped<OutgoingFailures>();
        services.AddSingleton<IssueDeadline>();
        services.AddScoped<IOutgoingRegisterEntries, OutgoingRegister>();
        services.AddActivity<IssueOutgoing>();
        services.AddActivity<RecordIssuedFile>();
        return services;
    }
}
