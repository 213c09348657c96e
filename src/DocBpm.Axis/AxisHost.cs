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
