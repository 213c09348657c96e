using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Engine.Tests.Runtime;
using DocBpm.Web.Data;
using Microsoft.Extensions.DependencyInjection;

namespace DocBpm.Web.Tests.Scale;

/// <summary>
/// Issue 19's write budget: an instance started and completed over HTTP costs at most three database transactions,
/// counted as the server counts them (a read outside a transaction is one). The counts are pinned at what the code
/// reaches, so that a new query or commit on this path fails here. docs/benchmarks.md says where each one comes from.
/// </summary>
[TestClass]
public sealed class WritesPerInstanceTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    public TestContext TestContext { get; set; } = null!;

    private static readonly string Process = Bpmn.Process("""<bpmn:startEvent id="s"/>""" + Bpmn.UserTask("review", assignee: "giamdoc")
        + """<bpmn:endEvent id="e"/>""" + Bpmn.Chain("s", "review", "e"), id: "writes-per-instance");

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Issue19_an_instance_started_and_completed_over_http_commits_at_most_three_transactions(DatabaseProvider provider)
    {
        await using var factory = await DocBpmWebFactory.CreateAsync(provider);
        using var analyst = await factory.LoginAsync("phantich");
        using var clerk = await factory.LoginAsync("vanthu");
        using var director = await factory.LoginAsync("giamdoc");
        var deployed = await analyst.PostAsync("/api/definitions", new StringContent(Process, Encoding.UTF8, "application/xml"));
        Assert.IsTrue(deployed.IsSuccessStatusCode, await deployed.Content.ReadAsStringAsync());
        await using var scope = factory.Services.CreateAsyncScope();
        using var traffic = DatabaseTraffic.Of(scope.ServiceProvider.GetRequiredService<DocBpmDbContext>());
        // The steady state: each person's session was checked (once a minute) and the definition is known.
        await RunOneAsync(clerk, director);

        traffic.Reset();
        var instanceId = await StartAsync(clerk);
        var start = Measured("start", traffic);
        var taskId = await TaskOfAsync(director, instanceId);
        traffic.Reset();
        var completed = await director.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = new { approved = true } });
        Assert.AreEqual(HttpStatusCode.OK, completed.StatusCode, await completed.Content.ReadAsStringAsync());
        var completion = Measured("completion", traffic);

        Assert.AreEqual("Completed", (string?)(await completed.Content.ReadFromJsonAsync<JsonObject>())!["status"]);
        Assert.IsTrue(start.Transactions + completion.Transactions <= 3, "the issue's budget: three transactions per instance");
        Assert.AreEqual(1, start.Transactions, "a start is one transaction: the definition comes from the cache");
        Assert.AreEqual(2, completion.Transactions, "a completion reads the task with its instance, then writes the step");
        // PostgreSQL's step writer stores a step's journal entries with one multi-row INSERT (PostgresStepWriter).
        var journalWrites = provider == DatabaseProvider.PostgreSql ? 1 : 2;
        Assert.AreEqual(2 + journalWrites, start.Writes, "the instance, its task and two journal entries");
        Assert.AreEqual(2 + journalWrites, completion.Writes, "the task closed, the instance, two journal entries");
        if (provider == DatabaseProvider.PostgreSql)
        {
            // SQLite runs each statement as an in-process call; PostgreSQL's commands are network round-trips.
            Assert.AreEqual(1, start.Commands, "the start's rows go as one batch, with no BEGIN or COMMIT");
            Assert.AreEqual(2, completion.Commands, "the engine's two round-trips of a resume");
        }
    }

    private sealed record Count(int Transactions, int Commands, int Writes);

    private Count Measured(string what, DatabaseTraffic traffic)
    {
        var transactions = traffic.Transactions;
        TestContext.WriteLine($"{what}: {transactions.Count} transaction(s), {traffic.Commands} command(s), {traffic.Statements} statement(s), {traffic.Writes} write(s)");
        foreach (var transaction in transactions)
            TestContext.WriteLine("  " + transaction);
        return new Count(transactions.Count, traffic.Commands, traffic.Writes);
    }

    private static async Task RunOneAsync(HttpClient clerk, HttpClient director)
    {
        var taskId = await TaskOfAsync(director, await StartAsync(clerk));
        (await director.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = new { approved = true } })).EnsureSuccessStatusCode();
    }

    private static async Task<Guid> StartAsync(HttpClient clerk)
    {
        var started = await clerk.PostAsJsonAsync("/api/instances", new { definitionKey = "writes-per-instance" });
        Assert.AreEqual(HttpStatusCode.Created, started.StatusCode, await started.Content.ReadAsStringAsync());
        return (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    private static async Task<Guid> TaskOfAsync(HttpClient director, Guid instanceId) =>
        (await director.GetFromJsonAsync<JsonArray>("/api/tasks/mine"))!.Single(t => (Guid)t!["instanceId"]! == instanceId)!["id"]!.GetValue<Guid>();
}
