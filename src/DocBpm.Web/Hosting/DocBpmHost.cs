using DocBpm.Web.Idempotency;
using DocBpm.Documents;
using DocBpm.Documents.Calendar;
using DocBpm.Engine;
using DocBpm.Web.Calendar;
using DocBpm.Web.Components;
using DocBpm.Web.Components.Layout;
using DocBpm.Web.Accounts;
using DocBpm.Web.Data;
using DocBpm.Web.Definitions;
using DocBpm.Web.DemoExchange;
using DocBpm.Web.Designer;
using DocBpm.Web.Exchange;
using DocBpm.Web.Hosting;
using DocBpm.Web.Inbox;
using DocBpm.Web.Incoming;
using DocBpm.Web.Incidents;
using DocBpm.Web.Instances;
using DocBpm.Web.Messages;
using DocBpm.Web.Monitor;
using DocBpm.Web.Notifications;
using DocBpm.Web.Organisation;
using DocBpm.Web.Records;
using DocBpm.Web.Registers;
using DocBpm.Web.Reports;
using DocBpm.Web.Outgoing;
using DocBpm.Web.ProvincialTasks;
using DocBpm.Web.Scheduling;
using DocBpm.Web.Signatures;
using DocBpm.Web.Statistics;
using DocBpm.Web.AccessLog;
using DocBpm.Web.Authorisations;
using DocBpm.Web.IncidentReports;
using DocBpm.Web.Tasks;
using Scalar.AspNetCore;

namespace DocBpm.Web;

/// <summary>How the host is put together; Program.cs only calls these.</summary>
public static class DocBpmHost
{
    public static WebApplicationBuilder AddDocBpm(this WebApplicationBuilder builder)
    {
        builder.AddDemoPki();
        builder.AddDocBpmDemoAxis();
        var services = builder.Services;
        var database = DatabaseSettings.From(builder.Configuration);
        services.AddDocBpmDatabase(database);
        services.AddDocBpmAccounts(builder.Configuration, builder.Environment);
        services.AddDocBpmDocuments<DocBpmDbContext>(builder.Configuration);
        services.AddHostedService<CalendarRefresher>();
        services.AddDocBpmEngine<DocBpmDbContext>();
        services.AddDocBpmScheduling(builder.Configuration, database);
        services.AddDocBpmDefinitions(builder.Configuration, builder.Environment);
        services.AddDocBpmOutgoingWeb();
        services.AddDocBpmRecordsWeb();
        services.AddDocBpmNotifications(builder.Configuration);
        services.AddScoped<DocumentStatistics>();
        services.AddScoped<HandlingReports>();
        services.AddScoped<UsageReports>();
        services.AddScoped<FileReports>();
        services.AddScoped<FilePdf>();
        services.AddDocBpmAccessLog(builder.Configuration);
        services.AddScoped<IncidentReportDesk>();
        services.AddDocBpmApiJson();
        services.AddProblemDetails();
        services.AddDocBpmStaticAssets();
        services.AddExceptionHandler<InputExceptionHandler>();
        services.AddExceptionHandler<RefusalExceptionHandler>();
        services.AddDocBpmIncoming();
        services.AddDocBpmUi();
        services.AddOpenApi();
        services.AddHealthChecks().AddDbContextCheck<DocBpmDbContext>("database");
        return builder;
    }

    /// <summary>
    /// Applies migrations, seeds development data (with the demo PKI's signers) and deploys the shipped processes before
    /// serving; outside Development, first refuses demo signing material.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, CancellationToken cancellationToken)
    {
        if (!app.Environment.IsDevelopment())
            DemoPkiSetup.RefuseDemoMaterial(app.Services);
        await using var scope = app.Services.CreateAsyncScope();
        await DatabaseMigrator.MigrateAsync(scope.ServiceProvider, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<CalendarDays>().InitialiseAsync(cancellationToken);
        if (app.Environment.IsDevelopment())
        {
            await DevelopmentSeed.SeedAsync(scope.ServiceProvider, cancellationToken);
            await DemoPkiSetup.RegisterDemoSignersAsync(scope.ServiceProvider, cancellationToken);
        }

        await scope.ServiceProvider.GetRequiredService<WorkflowDeployer>().DeployShippedAsync(cancellationToken);
    }

    public static WebApplication UseDocBpm(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseBrowserSecurity();
        app.UseDocBpmStaticFiles();
        app.UseSameSiteStateChanges();
        app.UseQueryValueCheck();
        app.UseDocBpmAccounts();
        app.UseAntiforgery();
        app.UseIdempotencyKeys();
        app.UseInboxNavTrays();
        app.UseNotificationBell();

        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api-reference", o => o.WithTitle("DocBpm API")).AllowAnonymous();
        app.MapHealthChecks("/health").AllowAnonymous();

        app.MapAccounts();
        app.MapDefinitions();
        app.MapInstances();
        app.MapTasks();
        app.MapMessages();
        app.MapIncidents();
        app.MapCalendar();
        app.MapExchange();
        app.MapOrganisation();
        app.MapRegisters();
        app.MapRecords();
        app.MapHandover();
        app.MapSigningAuthorisations();
        app.MapAccessLog();
        app.MapIncidentReports();
        app.MapProvincialTasks();
        app.MapProvincialCoordination();
        app.MapProvincialTaskReports();
        app.MapOutgoing();
        app.MapTokenSigning();
        app.MapAgencyDirectory();
        app.MapSignatures();
        app.MapIncoming();
        app.MapIncomingCoordination();
        app.MapInbox();
        app.MapNotifications();
        app.MapStatistics();
        app.MapReports();
        app.MapRecordPrints();
        app.MapInstanceMigration();
        app.MapInstanceDocuments();
        app.MapMonitorPeople();
        app.MapDesignerPages();
        app.MapDocBpmUi();
        return app;
    }
}
