using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;

namespace DocBpm.Web.Tests;

/// <summary>
/// Timers fired by a real host's due-work sweep (<c>DueWorkSweeper</c>, started with the Quartz scheduler) on the
/// persistent store, and by two hosts sharing one database.
/// </summary>
[TestClass]
public sealed class SchedulerTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    /// <summary>Hosts share a database on PostgreSQL (and SQL Server), not on SQLite.</summary>
    public static IEnumerable<object[]> ClusterProviders =>
        TestDatabase.Providers.Where(p => (DatabaseProvider)p[0] != DatabaseProvider.Sqlite);

    private static readonly string TimerProcess = TimedProcess.Xml("timed", "PT2S");

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task A_timer_is_fired_by_the_hosts_due_work_sweep_on_the_persistent_store(DatabaseProvider provider)
    {
        await using var host = await DocBpmWebFactory.CreateWithSchedulerAsync(provider);

        var instanceId = await StartTimedAsync(host);
        var detail = await WaitForCheckAsync(await host.LoginAsync("quantri"), instanceId);

        Assert.AreEqual(1, (int)detail["variables"]!["fired"]!);
    }

    [TestMethod]
    [DynamicData(nameof(ClusterProviders))]
    public async Task Two_hosts_sweeping_one_database_fire_a_timer_exactly_once(DatabaseProvider provider)
    {
        await using var first = await DocBpmWebFactory.CreateWithSchedulerAsync(provider);
        await using var second = await DocBpmWebFactory.CreateWithSchedulerAsync(provider, first.Database);
        using var admin = await second.LoginAsync("quantri");

        var instances = new List<Guid>();
        for (var i = 0; i < 5; i++)
            instances.Add(await StartTimedAsync(first));

        foreach (var id in instances)
        {
            var detail = await WaitForCheckAsync(admin, id);
            Assert.AreEqual(1, (int)detail["variables"]!["fired"]!, "fired once although two schedulers run the sweep");
            Assert.AreEqual(1, detail["journal"]!.AsArray().Count(j => (string?)j!["elementId"] == "wait" && (string?)j["event"] == "completed"));
        }
    }

    private static async Task<Guid> StartTimedAsync(DocBpmWebFactory host)
    {
        using var analyst = await host.LoginAsync("phantich");
        using var admin = await host.LoginAsync("quantri");
        await analyst.PostAsync("/api/definitions", new StringContent(TimerProcess, Encoding.UTF8, "application/xml"));
        var started = await admin.PostAsJsonAsync("/api/instances", new { definitionKey = "timed", variables = new { fired = 0 } });
        started.EnsureSuccessStatusCode();
        return (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    private async Task<JsonObject> WaitForCheckAsync(HttpClient admin, Guid instanceId)
    {
        for (var i = 0; i < 80; i++)
        {
            var detail = (await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}", TestContext.CancellationToken))!;
            if (detail["activeElements"]!.AsArray().Any(e => (string?)e == "check"))
                return detail;
            await Task.Delay(250, TestContext.CancellationToken);
        }

        throw new AssertFailedException($"the timer of {instanceId} did not fire within 20 seconds");
    }
}
