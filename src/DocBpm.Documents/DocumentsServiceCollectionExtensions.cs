using DocBpm.Documents.Calendar;
using DocBpm.Documents.Coordination;
using DocBpm.Documents.Exchange;
using DocBpm.Documents.Files;
using DocBpm.Documents.Incoming;
using DocBpm.Documents.Organisation;
using DocBpm.Documents.Outgoing;
using DocBpm.Documents.ProvincialTasks;
using DocBpm.Documents.Records;
using DocBpm.Documents.Registers;
using DocBpm.Documents.Signatures;
using DocBpm.Documents.Authorisations;
using DocBpm.Engine.Activities;
using DocBpm.Engine.Messages;
using DocBpm.Engine.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DocBpm.Documents;

public static class DocumentsServiceCollectionExtensions
{
    /// <summary>
    /// The domain services on the host's DbContext <typeparamref name="TContext"/> (whose model must call
    /// <c>ApplyDocuments()</c>): the working calendar (replacing the engine's 24x7 default), stored files (section <c>Files</c>), register books and
    /// numbers, and the exchange with the axis (configuration section <c>Exchange</c>).
    /// </summary>
    public static IServiceCollection AddDocBpmDocuments<TContext>(this IServiceCollection services, IConfiguration configuration)
        where TContext : DbContext
    {
        services.TryAddScoped<DbContext>(sp => sp.GetRequiredService<TContext>());
        services.Configure<WorkingHoursOptions>(configuration.GetSection(WorkingHoursOptions.Section));
        services.AddSingleton(sp => new BusinessCalendar(
            new WorkingCalendar(sp.GetRequiredService<IOptions<WorkingHoursOptions>>().Value, VietnamHolidaySeed.Days)));
        services.Replace(ServiceDescriptor.Singleton<IBusinessCalendar>(sp => sp.GetRequiredService<BusinessCalendar>()));
        services.AddScoped<CalendarDays>();
        services.AddOptions<DeadlineOptions>().Bind(configuration.GetSection(DeadlineOptions.Section))
            .Validate(o => o.DueSoonWorkingDays >= 0, "Deadlines:DueSoonWorkingDays must not be negative.");
        services.AddSingleton<DeadlineWatch>();
        services.AddDocBpmFiles(configuration);
        services.AddDocBpmRegisters();

        services.Configure<AxisConnection>(configuration.GetSection(AxisConnection.Section));
        services.AddHttpClient<AxisClient>((sp, http) => AxisClient.Configure(http, sp.GetRequiredService<IOptions<AxisConnection>>().Value));
        services.AddOptions<IntakeOptions>().Bind(configuration.GetSection(IntakeOptions.Section))
            .Validate(o => o.MaxAttempts >= 1, "Exchange:Intake:MaxAttempts must be at least 1.");
        services.AddScoped<IntakeFailures>();
        services.AddScoped<EnvelopeSignatureCheck>();
        services.AddScoped<EnvelopeSigner>();
        services.AddScoped<IntakeService>();
        services.AddScoped<DispatchStates>();
        services.AddScoped<IOutboxHandler, DispatchToBusHandler>();
        services.AddScoped<IOutboxHandler, StatusMessageHandler>();
        services.AddActivity<DispatchToBus>();
        services.AddActivity<ReportStatus>();
        services.AddDocBpmCoordination();
        services.AddDocBpmRecords(configuration);
        services.AddDocBpmProvincialTasks();
        services.AddDocBpmOutgoing(configuration);
        services.AddDocBpmSignatures(configuration);
        services.AddActivity<VerifySignature>();
        services.AddActivity<SignDocument>();
        services.AddSingleton(IncomingProcess.Contract);
        services.AddScoped<IncomingRegistry>();
        services.AddScoped<IncomingHandling>();
        services.AddSingleton<UrgentHandling>();
        services.AddScoped<IncomingCoordination>();
        services.AddScoped<ICoordinationJournal>(sp => sp.GetRequiredService<IncomingCoordination>());
        services.AddScoped<ICoordinatedRecords>(sp => sp.GetRequiredService<IncomingCoordination>());
        services.AddScoped<IIncomingRegisterEntries, IncomingRegisterEntries>();
        services.AddActivity<CancelIncoming>();
        services.AddActivity<RecordUrgentOverdue>();
        return services;
    }

    public static ModelBuilder ApplyDocuments(this ModelBuilder modelBuilder) =>
        modelBuilder.ApplyCalendar().ApplyFiles().ApplyExchange().ApplyOrganisation().ApplyRegisters().ApplyIncoming().ApplyOutgoing().ApplySignatures().ApplyProvincialTasks()
            .ApplyCoordination().ApplyRecords().ApplyHandover().ApplyAuthorisations();
}
