using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Engine.Tests.Runtime;

namespace DocBpm.Web.Tests.Tasks;

/// <summary>
/// Issue 19: the answer to <c>POST /api/instances</c> names the user tasks the new instance waits on, so that a client
/// working its own tasks completes them without a look-up; it names only those the person who started it may work on.
/// </summary>
[TestClass]
public sealed class StartAnswerTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    // Two tasks at once: one the clerk's own, one the Director's.
    private static readonly string Process = Bpmn.Process("""
        <bpmn:startEvent id="s"/>
        <bpmn:parallelGateway id="fork"/>
        """ + Bpmn.UserTask("own", assignee: "vanthu") + Bpmn.UserTask("director", assignee: "giamdoc") + """
        <bpmn:parallelGateway id="join"/>
        <bpmn:endEvent id="e"/>
        """ + Bpmn.Chain("s", "fork", "own", "join", "e") + Bpmn.Flow("f_fork_director", "fork", "director")
        + Bpmn.Flow("f_director_join", "director", "join"), id: "start-answer");

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task A_start_names_the_tasks_its_starter_may_work_on_and_no_other(DatabaseProvider provider)
    {
        await using var factory = await DeployedAsync(provider);
        using var clerk = await factory.LoginAsync("vanthu");
        using var director = await factory.LoginAsync("giamdoc");

        var started = await clerk.PostAsJsonAsync("/api/instances", new { definitionKey = "start-answer" });
        Assert.AreEqual(HttpStatusCode.Created, started.StatusCode, await started.Content.ReadAsStringAsync());
        var answer = (await started.Content.ReadFromJsonAsync<JsonObject>())!;
        var instanceId = (Guid)answer["id"]!;
        var named = answer["tasks"]!.AsArray();
        Assert.AreEqual(1, named.Count, "the clerk's own task only; the Director's is not the clerk's business");
        Assert.AreEqual("own", (string?)named[0]!["elementId"]);
        Assert.AreEqual(instanceId, (Guid)named[0]!["instanceId"]!);

        var mine = (await clerk.GetFromJsonAsync<JsonArray>("/api/tasks/mine"))!.Single(t => (Guid)t!["instanceId"]! == instanceId)!;
        Assert.AreEqual((Guid)mine["id"]!, (Guid)named[0]!["id"]!, "the task named is the one the clerk's list shows");
        var completed = await clerk.PostAsJsonAsync($"/api/tasks/{(Guid)named[0]!["id"]!}/complete", new { });
        Assert.AreEqual(HttpStatusCode.OK, completed.StatusCode, await completed.Content.ReadAsStringAsync());

        var directors = (await director.GetFromJsonAsync<JsonArray>("/api/tasks/mine"))!.Where(t => (Guid)t!["instanceId"]! == instanceId).ToList();
        Assert.AreEqual("director", (string?)directors.Single()!["elementId"], "the Director's task waits, unnamed in the clerk's answer");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task A_start_replayed_with_its_idempotency_key_names_the_same_tasks(DatabaseProvider provider)
    {
        await using var factory = await DeployedAsync(provider);
        using var clerk = await factory.LoginAsync("vanthu");

        var answers = new List<JsonObject>();
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/instances") { Content = JsonContent.Create(new { definitionKey = "start-answer" }) };
            request.Headers.Add("Idempotency-Key", "start-answer-replay");
            var started = await clerk.SendAsync(request);
            Assert.AreEqual(HttpStatusCode.Created, started.StatusCode, await started.Content.ReadAsStringAsync());
            answers.Add((await started.Content.ReadFromJsonAsync<JsonObject>())!);
        }

        Assert.AreEqual((Guid)answers[0]["id"]!, (Guid)answers[1]["id"]!, "the replay answers with the first instance");
        Assert.AreEqual((Guid)answers[0]["tasks"]![0]!["id"]!, (Guid)answers[1]["tasks"]!.AsArray().Single()!["id"]!);
    }

    private static async Task<DocBpmWebFactory> DeployedAsync(DatabaseProvider provider)
    {
        var factory = await DocBpmWebFactory.CreateAsync(provider);
        try
        {
            using var analyst = await factory.LoginAsync("phantich");
            await MonitorApiTests.DeployAsync(analyst, Process);
            return factory;
        }
        catch
        {
            await factory.DisposeAsync();
            throw;
        }
    }
}
