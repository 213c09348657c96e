using System.Net;
using System.Net.Sockets;
using DocBpm.Engine.Persistence;
using DocBpm.Web.DemoExchange;
using DocBpm.Web.Outgoing;
using DocBpm.Web.Tests.Hardening;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DocBpm.Web.Tests.DemoExchange;

/// <summary>
/// Issue 20: when the Development host runs the demo axis, with which agencies and keys, and what happens when it cannot.
/// The whole demo, from a draft to the seeded agency's receipt, is <c>Browser/DemoBrowserTests</c>.
/// </summary>
[TestClass]
public sealed class DemoAxisTests
{
    private const string Department = "000.00.12.H37";

    [TestMethod]
    public void Only_a_Development_host_without_an_axis_url_runs_the_demo_axis_and_the_Department_signs_in_with_the_key_the_axis_registers()
    {
        var demo = Build(Environments.Development, out var configuration);
        Assert.IsNotNull(demo, "a Development host without Exchange:AxisUrl runs the demo axis");
        Assert.AreEqual("http://127.0.0.1:5170/", configuration["Exchange:AxisUrl"], "on loopback, at the default port");
        Assert.AreEqual(demo.Department.Key, configuration["Exchange:AgencyKey"], "the Department's key is the one the axis registers");
        Assert.AreEqual(Department, demo.Department.Code);
        CollectionAssert.AreEqual(AgencyDirectorySeed.Agencies.Select(a => a.Code).ToList(), demo.Peers.Select(p => p.Code).ToList(),
            "the seeded agency directory, each answered for by the demo peers");
        Assert.AreEqual(demo.Peers.Count + 1, demo.Peers.Select(p => p.Key).Append(demo.Department.Key).Distinct().Count(), "a key of its own each");

        Assert.IsNull(Build(Environments.Production, out var production), "never outside Development");
        Assert.IsNull(production["Exchange:AxisUrl"]);
        Assert.IsNull(Build(Environments.Development, out _, ("Exchange:AxisUrl", "http://truc.example:8080/")), "a configured axis is used instead");
        Assert.IsNull(Build(Environments.Development, out _, ("Exchange:DemoAxis:Enabled", "false")), "turned off");
    }

    [TestMethod]
    public async Task A_taken_demo_axis_port_is_logged_and_shown_on_every_page_and_the_host_runs_on()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var logs = new CapturedLogs();
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        host.Settings["Exchange:DemoAxis:Enabled"] = "true";
        host.Settings["Exchange:DemoAxis:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        host.Settings["Exchange:DemoAxis:Database"] = Path.Combine(Directory.CreateTempSubdirectory("docbpm-app-data-").FullName, "demo-axis.db");
        host.TestServices.Add(services => services.AddSingleton<ILoggerProvider>(logs));

        var clerk = await host.LoginAsync("vanthu");

        var page = WebUtility.HtmlDecode(await clerk.GetStringAsync("/outgoing"));
        StringAssert.Contains(page, $"Trục liên thông DEMO không khởi động được: cổng {port} trên máy này đang được chương trình khác dùng");
        Assert.IsTrue(logs.Lines.Any(l => l.Level == LogLevel.Error && l.Message.Contains($"port {port} is in use", StringComparison.Ordinal)),
            "the log says which port, in English");
        Assert.IsFalse(host.Services.GetRequiredService<DemoAxis>().IsRunning);
    }

    private static DemoAxis? Build(string environment, out IConfiguration configuration, params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(
            settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)).Append(KeyValuePair.Create("Exchange:AgencyCode", (string?)Department)));
        builder.AddDocBpmDemoAxis();
        configuration = builder.Configuration;
        return builder.Services.Where(s => s.ServiceType == typeof(DemoAxis)).Select(s => (DemoAxis?)s.ImplementationInstance).SingleOrDefault();
    }
}
