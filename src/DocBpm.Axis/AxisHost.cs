using DocBpm.Axis.Agencies;
using DocBpm.Axis.Data;
using DocBpm.Axis.Packages;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace DocBpm.Axis;

/// <summary>The exchange axis: a store-and-forward hub for edXML packages between registered agencies.</summary>
public static class AxisHost
{
    public static WebApplicationBuilder AddAxis(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<AxisOptions>(builder.Configuration.GetSection(AxisOptions.Section));
        // Kestrel's own limit (30 MB by default) would cut a package the axis accepts mid-read; one limit, the axis's.
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<AxisOptions>>((kestrel, axis) =>
            kestrel.Limits.MaxRequestBodySize = axis.Value.MaxPackageBytes);
        services.AddSingleton(TimeProvider.System);
        services.AddAxisDatabase(builder.Configuration);
        services.AddScoped<AgencyRegistry>();
        services.AddAuthentication(AgencyAuthentication.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, AgencyAuthentication>(AgencyAuthentication.SchemeName, null);
        services.AddAuthorization();
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddHealthChecks().AddDbContextCheck<AxisDbContext>("database");
        return builder;
    }

    public static async Task PrepareAxisAsync(this WebApplication app, CancellationToken cancellationToken)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AxisDbContext>().Database.EnsureCreatedAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<AgencyRegistry>().SyncAsync(cancellationToken);
    }

    /// <summary>
    /// An axis that another process runs beside itself (DocBpm.Web's Development demo): a WebApplication of its own that
    /// listens only at <see cref="EmbeddedAxis.Url"/>, is configured only by <paramref name="axis"/> (none of the embedding
    /// process's settings or environment variables reach it) and writes to the embedding process's loggers. Its database
    /// is created and its agencies registered before it is returned; the caller starts and stops it.
    /// </summary>
    public static async Task<WebApplication> BuildAsync(EmbeddedAxis axis, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(AxisHost).Assembly.GetName().Name,
            ContentRootPath = axis.ContentRoot,
            EnvironmentName = axis.EnvironmentName,
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(axis.Settings());
        builder.WebHost.UseUrls(axis.Url.ToString());
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(axis.Logs);
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.AddAxis();
        var app = builder.Build();
        await app.PrepareAxisAsync(cancellationToken);
        app.UseAxis();
        return app;
    }

    /// <summary>
    /// The embedding process owns the console (Ctrl+C, SIGTERM, the "application started" lines) and stops the embedded
    /// axis itself.
    /// </summary>
    private sealed class EmbeddedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    public static WebApplication UseAxis(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks("/health");
        app.MapPackages();
        return app;
    }
}
