using DocBpm.Documents.Exchange;
using DocBpm.Edxml;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace DocBpm.Axis.Tests;

/// <summary>The axis on a real database with three registered agencies and fake time.</summary>
public sealed class AxisFactory(TestDatabase database, FakeTimeProvider clock) : WebApplicationFactory<Program>
{
    public const string Department = "000.00.12.H37";
    public const string Province = "000.00.00.H37";
    public const string Finance = "000.00.13.H37";

    public FakeTimeProvider Clock => clock;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Axis:Database:Provider", database.Provider == DatabaseProvider.PostgreSql ? "PostgreSql" : "Sqlite");
        builder.UseSetting("ConnectionStrings:Axis", database.ConnectionString);
        builder.UseSetting("Axis:OrganId", Province);
        var agencies = new[] { (Department, "Sở Giáo dục và Đào tạo"), (Province, "UBND tỉnh Lạng Sơn"), (Finance, "Sở Tài chính") };
        for (var i = 0; i < agencies.Length; i++)
        {
            builder.UseSetting($"Axis:Agencies:{i}:Code", agencies[i].Item1);
            builder.UseSetting($"Axis:Agencies:{i}:Name", agencies[i].Item2);
            builder.UseSetting($"Axis:Agencies:{i}:Key", Key(agencies[i].Item1));
        }

        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
    }

    public static string Key(string agency) => "test-key-for-" + agency;

    public AxisClient ClientFor(string agency, string? key = null)
    {
        var http = CreateClient();
        AxisClient.Configure(http, new AxisConnection { AxisUrl = http.BaseAddress, AgencyCode = agency, AgencyKey = key ?? Key(agency) });
        return new AxisClient(http);
    }
}
