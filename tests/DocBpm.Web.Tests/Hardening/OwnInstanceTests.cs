using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Documents.Incoming;
using DocBpm.Documents.ProvincialTasks;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Web.Tests.Incoming;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocBpm.Web.Tests.Hardening;

/// <summary>
/// Issue 16: a document step acts on the task its own document flow created, never on a task of another instance that
/// carries the same business key (here started straight through the engine, the route the API already closes).
/// </summary>
[TestClass]
public sealed class OwnInstanceTests
{
    private static readonly TaskActor Engine = new("engine-test", [], IsAdministrator: true);

    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Issue16_an_incoming_instance_started_with_the_documents_key_by_another_route_is_never_registered(DatabaseProvider provider)
    {
        await using var host = await DocBpmWebFactory.CreateAsync(provider);
        var clerk = await host.LoginAsync("vanthu");
        var upload = await clerk.PostAsync("/api/incoming", IncomingClient.PaperForm("Về việc tuyển sinh lớp 10"));
        upload.EnsureSuccessStatusCode();
        var id = (Guid)(await upload.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;

        // The document's own instance still waits at its signature check; the other one reaches the clerk's check first.
        Guid other;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DbContext>();
            var runtime = scope.ServiceProvider.GetRequiredService<WorkflowRuntime>();
            var document = await db.Set<IncomingDocument>().AsNoTracking().SingleAsync(d => d.Id == id);
            var started = await runtime.CorrelateAsync(new MessageRequest(IncomingProcess.PaperArrived, "another-route",
                IncomingProcess.StartVariables(document, scope.ServiceProvider.GetRequiredService<UrgentHandling>()), Actor: Engine.UserName, BusinessKey: document.ProcessKey), CancellationToken.None);
            other = started.InstanceIds.Single();
            var job = await db.Set<BookmarkRecord>().Where(b => b.InstanceId == other && b.Kind == BookmarkKind.Job).Select(b => b.Id).SingleAsync();
            Assert.IsTrue(await runtime.FireDueAsync(job, CancellationToken.None));
        }

        var early = await clerk.PostAsJsonAsync($"/api/incoming/{id}/register", IncomingClient.Fields("Về việc tuyển sinh lớp 10"));
        Assert.AreEqual(HttpStatusCode.Conflict, early.StatusCode, await early.Content.ReadAsStringAsync());
        Assert.IsTrue(await OpenAsync(host, other, IncomingProcess.ClerkCheck), "the other instance's task is untouched");

        await host.RunDueWorkAsync();
        await clerk.RegisterAsync(id);
        Assert.IsTrue(await OpenAsync(host, other, IncomingProcess.ClerkCheck), "registering completed the document's own task only");
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var document = await scope.ServiceProvider.GetRequiredService<DbContext>().Set<IncomingDocument>().AsNoTracking().SingleAsync(d => d.Id == id);
            Assert.IsTrue(await OpenAsync(host, document.InstanceId!.Value, IncomingProcess.DirectorInstruction));
        }
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Issue16_a_provincial_task_instance_started_with_the_lines_key_by_another_route_is_never_assigned(DatabaseProvider provider)
    {
        await using var host = await DocBpmWebFactory.CreateAsync(provider);
        var clerk = await host.LoginAsync("vanthu");
        var recorded = await clerk.PostAsJsonAsync("/api/provincial-tasks/documents", new
        {
            code = "120/UBND-KGVX",
            subject = "Về việc giao nhiệm vụ năm học 2026-2027",
            lines = new[] { new { content = "Tổ chức hội nghị tổng kết", deadline = host.Clock.GetUtcNow().AddDays(30) } },
        });
        recorded.EnsureSuccessStatusCode();
        var taskId = (Guid)(await recorded.Content.ReadFromJsonAsync<JsonObject>())!["tasks"]![0]!["id"]!;

        // Another instance with the line's key passes the clerk's reconciliation before the line's own instance does, so its
        // Director step is the older of the two.
        Guid own, other;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DbContext>();
            var runtime = scope.ServiceProvider.GetRequiredService<WorkflowRuntime>();
            own = (await db.Set<ProvincialTask>().AsNoTracking().SingleAsync(t => t.Id == taskId)).InstanceId!.Value;
            var state = await db.Set<InstanceRecord>().AsNoTracking().Where(i => i.Id == own).Select(i => i.State).SingleAsync();
            var variables = InstanceState.Deserialize(state).Root.Variables;
            other = (await runtime.StartAsync(new StartRequest(ProvincialTaskProcess.Key, variables, taskId.ToString(), Engine.UserName),
                CancellationToken.None)).Id;
            var reconcile = await db.Set<BookmarkRecord>().Where(b => b.InstanceId == other && b.ElementId == ProvincialTaskProcess.Reconcile)
                .Select(b => b.Id).SingleAsync();
            await runtime.CompleteTaskAsync(reconcile, new Dictionary<string, JsonNode?>
            {
                ["reconciliation"] = "Accept", ["deadline"] = variables["deadline"]?.DeepClone(), ["reminderAt"] = variables["reminderAt"]?.DeepClone(),
            }, Engine, CancellationToken.None);
        }

        (await clerk.PostAsJsonAsync($"/api/provincial-tasks/{taskId}/reconcile", new { decision = "Accept" })).EnsureSuccessStatusCode();
        var director = await host.LoginAsync("giamdoc");
        var assign = await director.PostAsJsonAsync($"/api/provincial-tasks/{taskId}/assign", new { mainUnit = "GDTrH", coordinatingUnits = Array.Empty<string>() });
        Assert.AreEqual(HttpStatusCode.NoContent, assign.StatusCode, await assign.Content.ReadAsStringAsync());

        Assert.IsTrue(await OpenAsync(host, other, ProvincialTaskProcess.DirectorAssigns), "the other instance's task is untouched");
        Assert.IsFalse(await OpenAsync(host, own, ProvincialTaskProcess.DirectorAssigns), "the line's own instance moved on");
    }

    private static async Task<bool> OpenAsync(DocBpmWebFactory host, Guid instanceId, string elementId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DbContext>().Set<BookmarkRecord>()
            .AnyAsync(b => b.InstanceId == instanceId && b.ElementId == elementId && b.Status == BookmarkStatus.Active);
    }
}
