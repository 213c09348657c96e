using System.Text.Json.Nodes;
using DocBpm.Documents.Registers;
using DocBpm.Documents.Tests.Infrastructure;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocBpm.Documents.Tests.Registers;

/// <summary>
/// The allocator inside the engine's one-SaveChanges step: a step that registers a document and then fails (a later
/// script throws) leaves neither the document nor its number; the steps that succeed number 1..k.
/// </summary>
[TestClass]
public sealed class EngineStepNumberingTests
{
    private const string ClerkProcess = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:docbpm="urn:docbpm:bpmn:1" id="d" targetNamespace="urn:t">
          <bpmn:process id="clerk-registers" isExecutable="true">
            <bpmn:startEvent id="s"/>
            <bpmn:userTask id="register"/>
            <bpmn:serviceTask id="number"><bpmn:extensionElements><docbpm:activity type="TakeRegisterNumber">
              <docbpm:input name="book" expression="book"/><docbpm:output name="number" variable="incomingNumber"/>
            </docbpm:activity></bpmn:extensionElements></bpmn:serviceTask>
            <bpmn:userTask id="forward"/>
            <bpmn:endEvent id="e"/>
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="register"/>
            <bpmn:sequenceFlow id="f2" sourceRef="register" targetRef="number"/>
            <bpmn:sequenceFlow id="f3" sourceRef="number" targetRef="forward"/>
            <bpmn:sequenceFlow id="f4" sourceRef="forward" targetRef="e"/>
          </bpmn:process>
        </bpmn:definitions>
        """;

    private const string Process = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:docbpm="urn:docbpm:bpmn:1" id="d" targetNamespace="urn:t">
          <bpmn:process id="register" isExecutable="true">
            <bpmn:startEvent id="s"/>
            <bpmn:serviceTask id="number"><bpmn:extensionElements><docbpm:activity type="TakeRegisterNumber">
              <docbpm:input name="book" expression="book"/><docbpm:output name="number" variable="incomingNumber"/>
            </docbpm:activity></bpmn:extensionElements></bpmn:serviceTask>
            <bpmn:scriptTask id="check"><bpmn:script>if (fail) { throw new Error('hồ sơ thiếu trích yếu'); }</bpmn:script></bpmn:scriptTask>
            <bpmn:userTask id="forward"/>
            <bpmn:endEvent id="e"/>
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="number"/>
            <bpmn:sequenceFlow id="f2" sourceRef="number" targetRef="check"/>
            <bpmn:sequenceFlow id="f3" sourceRef="check" targetRef="forward"/>
            <bpmn:sequenceFlow id="f4" sourceRef="forward" targetRef="e"/>
          </bpmn:process>
        </bpmn:definitions>
        """;

    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Engine_steps_registering_in_parallel_number_1_to_k_and_a_failed_step_keeps_no_number(DatabaseProvider provider)
    {
        await using var host = await DocumentsTestHost.StartAsync(provider);
        await host.InScopeAsync(sp => sp.GetRequiredService<DefinitionStore>()
            .DeployAsync(sp.GetRequiredService<WorkflowRuntime>().Db, Process, "analyst", CancellationToken.None));
        const int steps = 12;

        var started = await Task.WhenAll(Enumerable.Range(0, steps).Select(i => Task.Run(() => host.InScopeAsync(async sp =>
        {
            var numbers = sp.GetRequiredService<RegisterNumbers>();
            var runtime = sp.GetRequiredService<WorkflowRuntime>();
            var variables = new Dictionary<string, JsonNode?> { ["book"] = RegisterBookSeed.Incoming.ToString(), ["fail"] = i % 4 == 0 };
            try
            {
                return await numbers.RetryOnConflictAsync(ct => runtime.StartAsync(new StartRequest("register", variables), ct), CancellationToken.None);
            }
            catch (ProcessExecutionException)
            {
                return null;
            }
        }))));

        var instances = started.OfType<InstanceRecord>().ToList();
        Assert.HasCount(steps - steps / 4, instances);
        var stored = await host.InScopeAsync(sp => sp.GetRequiredService<DbContext>().Set<NumberedRecord>()
            .Select(r => r.Number).OrderBy(n => n).ToListAsync());
        var carried = await host.InScopeAsync(async sp =>
        {
            var runtime = sp.GetRequiredService<WorkflowRuntime>();
            var states = await runtime.Db.Instances.AsNoTracking().Select(r => r.State).ToListAsync();
            return states.Select(s => (int)InstanceState.Deserialize(s).Root.Variables["incomingNumber"]!).Order().ToList();
        });
        CollectionAssert.AreEqual(Enumerable.Range(1, instances.Count).ToList(), stored);
        CollectionAssert.AreEqual(stored, carried, "each running instance carries the number its document bears");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Two_clerks_registering_the_same_document_at_once_take_one_number_between_them(DatabaseProvider provider)
    {
        await using var host = await DocumentsTestHost.StartAsync(provider);
        var registerTask = await host.InScopeAsync(async sp =>
        {
            var runtime = sp.GetRequiredService<WorkflowRuntime>();
            await sp.GetRequiredService<DefinitionStore>().DeployAsync(runtime.Db, ClerkProcess, "analyst", CancellationToken.None);
            var instance = await runtime.StartAsync(new StartRequest("clerk-registers",
                new Dictionary<string, JsonNode?> { ["book"] = RegisterBookSeed.Incoming.ToString() }), CancellationToken.None);
            return await runtime.Db.Bookmarks.Where(b => b.InstanceId == instance.Id && b.ElementId == "register").Select(b => b.Id).SingleAsync();
        });

        var outcomes = await Task.WhenAll(new[] { "vanthu", "vanthu2" }.Select(clerk => Task.Run(() => host.InScopeAsync(async sp =>
        {
            var numbers = sp.GetRequiredService<RegisterNumbers>();
            var runtime = sp.GetRequiredService<WorkflowRuntime>();
            try
            {
                await numbers.RetryOnConflictAsync(ct => runtime.CompleteTaskAsync(registerTask, null, new TaskActor(clerk, [], IsAdministrator: true), ct),
                    CancellationToken.None);
                return true;
            }
            catch (BookmarkNotActiveException)
            {
                return false;
            }
        }))));

        Assert.AreEqual(1, outcomes.Count(ok => ok), "one clerk registers; the other finds it registered");
        var stored = await host.InScopeAsync(sp => sp.GetRequiredService<DbContext>().Set<NumberedRecord>().Select(r => r.Number).ToListAsync());
        var last = await host.InScopeAsync(sp => sp.GetRequiredService<DbContext>().Set<RegisterCounter>().Select(c => c.LastNumber).SingleAsync());
        CollectionAssert.AreEqual(new[] { 1 }, stored);
        Assert.AreEqual(1, last, "the loser's number went back with its rollback");
    }
}
