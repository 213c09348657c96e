extern alias axis;

using System.Net;
using System.Net.Sockets;
using DocBpm.Documents.Exchange;
using DocBpm.Edxml;
using DocBpm.Engine.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace DocBpm.Web.Tests;

/// <summary>
/// A running DocBpm.Axis on a loopback port (Kestrel, real HTTP) with the Department, the Provincial People's Committee
/// and the Department of Finance registered, on its own database and clock. It can be stopped and started again on the
/// same port and database, as when the axis goes down.
/// </summary>
public sealed class AxisServer : WebApplicationFactory<axis::Program>
{
    public const string Department = "000.00.12.H37";
    public const string Province = "000.00.00.H37";

    private readonly TestDatabase database;

    private AxisServer(TestDatabase database, int port, FakeTimeProvider clock)
    {
        this.database = database;
        Port = port;
        Clock = clock;
        UseKestrel(port);
        StartServer();
    }

    public int Port { get; }
    public FakeTimeProvider Clock { get; }
    public Uri Address => new($"http://127.0.0.1:{Port}");

    public static AxisServer Start(TestDatabase database, FakeTimeProvider clock, int? port = null) =>
        new(database, port ?? FreePort(), clock);

    public static string Key(string agency) => "axis-test-key-" + agency;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Axis:Database:Provider", database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Axis", database.ConnectionString);
        builder.UseSetting("urls", $"http://127.0.0.1:{Port}");
        var agencies = new[] { (Department, "Sở Giáo dục và Đào tạo"), (Province, "UBND tỉnh Lạng Sơn"), ("000.00.13.H37", "Sở Tài chính") };
        for (var i = 0; i < agencies.Length; i++)
        {
            builder.UseSetting($"Axis:Agencies:{i}:Code", agencies[i].Item1);
            builder.UseSetting($"Axis:Agencies:{i}:Name", agencies[i].Item2);
            builder.UseSetting($"Axis:Agencies:{i}:Key", Key(agencies[i].Item1));
        }

        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    /// <summary>An agency's own client, over real HTTP.</summary>
    public AxisClient ClientFor(string agency)
    {
        var http = new HttpClient();
        AxisClient.Configure(http, new AxisConnection { AxisUrl = Address, AgencyCode = agency, AgencyKey = Key(agency) });
        return new AxisClient(http);
    }

    /// <summary>
    /// Puts a package for <paramref name="recipient"/> straight into the axis's store, as an axis that checks nothing would
    /// pass it on: DocBpm must refuse on its own what the real axis refuses.
    /// </summary>
    public async Task InjectAsync(string sender, string recipient, string documentId, byte[] content, AxisPackageKind kind = AxisPackageKind.Document)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<axis::DocBpm.Axis.Data.AxisDbContext>();
        var package = new axis::DocBpm.Axis.Data.PackageRecord
        {
            Id = Guid.CreateVersion7(), Kind = kind, SenderCode = sender, DocumentId = documentId, ReceivedAt = Clock.GetUtcNow(), Content = content,
        };
        db.Packages.Add(package);
        db.Deliveries.Add(new axis::DocBpm.Axis.Data.DeliveryRecord { Id = Guid.CreateVersion7(), PackageId = package.Id, RecipientCode = recipient });
        await db.SaveChangesAsync();
    }

    /// <summary>The settings that connect DocBpm.Web to this axis as the Department.</summary>
    public void Connect(DocBpmWebFactory host)
    {
        host.Settings["Exchange:AxisUrl"] = Address.ToString();
        host.Settings["Exchange:AgencyCode"] = Department;
        host.Settings["Exchange:AgencyName"] = "Sở Giáo dục và Đào tạo tỉnh Lạng Sơn";
        host.Settings["Exchange:AgencyKey"] = Key(Department);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
