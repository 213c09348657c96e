using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Engine.Tests.Infrastructure;
using static DocBpm.Engine.Tests.Runtime.Bpmn;

namespace DocBpm.Engine.Tests.Runtime;

/// <summary>Moving a running instance to a newer version of its process, on every database.</summary>
[TestClass]
public sealed class MigrationTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    private static readonly string Version1 = Process("""<bpmn:startEvent id="s"/>""" + UserTask("review")
        + """<bpmn:endEvent id="e"/>""" + Chain("s", "review", "e"), id: "doc");

    private static readonly string Version2WithApproval = Process("""<bpmn:startEvent id="s"/>""" + UserTask("review")
        + UserTask("approve") + """<bpmn:endEvent id="e"/>""" + Chain("s", "review", "approve", "e"), id: "doc");

    private static readonly string Version2WithoutReview = Process("""<bpmn:startEvent id="s"/>""" + UserTask("check")
        + """<bpmn:endEvent id="e"/>""" + Chain("s", "check", "e"), id: "doc");

    private static Task<InstanceRecord> MigrateAsync(EngineTestHost host, Guid id, int? version = null) =>
        host.InScopeAsync(r => r.MigrateAsync(id, version, "quantri", CancellationToken.None));

    /// <summary>Deploys the next version and tries to move the instance there; returns the elements the refusal names.</summary>
    private static async Task<List<string>> RefusedAsync(EngineTestHost host, Guid id, string nextVersion)
    {
        await host.DeployAsync(nextVersion);
        var refused = await Assert.ThrowsExactlyAsync<InstanceMigrationException>(() => MigrateAsync(host, id));
        return [.. refused.MissingElements];
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task A_migrated_instance_continues_on_the_new_version_from_the_element_it_was_at(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(Version1);
        var v2 = await host.DeployAsync(Version2WithApproval);

        var moved = await MigrateAsync(host, instance.Id);
        Assert.AreEqual(2, moved.DefinitionVersion);
        Assert.AreEqual(v2.Definition.Id, (await host.InstanceAsync(instance.Id)).DefinitionId);

        await host.CompleteAsync(instance.Id, "review");
        Assert.AreEqual("approve", (await host.ActiveBookmarksAsync(instance.Id)).Single().ElementId);
        CollectionAssert.Contains(await host.JournalAsync(instance.Id), "doc:migrated");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Migration_is_refused_naming_the_active_elements_the_new_version_lacks_and_changes_nothing(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(Version1);
        var before = await host.InstanceAsync(instance.Id);

        CollectionAssert.AreEqual(new[] { "review" }, await RefusedAsync(host, instance.Id, Version2WithoutReview));

        var after = await host.InstanceAsync(instance.Id);
        Assert.AreEqual((before.DefinitionId, 1, before.Revision), (after.DefinitionId, after.DefinitionVersion, after.Revision));
        CollectionAssert.DoesNotContain(await host.JournalAsync(instance.Id), "doc:migrated");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task An_element_that_changed_kind_counts_as_missing(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(Version1);
        var manual = Process("""<bpmn:startEvent id="s"/><bpmn:manualTask id="review"/><bpmn:endEvent id="e"/>""" + Chain("s", "review", "e"), id: "doc");

        CollectionAssert.AreEqual(new[] { "review" }, await RefusedAsync(host, instance.Id, manual));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Only_a_running_instance_moves_and_only_to_a_newer_version(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(Version2WithApproval);
        await host.DeployAsync(Version1);

        await MigrateAsync(host, instance.Id);
        await Assert.ThrowsExactlyAsync<MigrationTargetNotNewerException>(() => MigrateAsync(host, instance.Id, 1));
        await Assert.ThrowsExactlyAsync<DefinitionNotFoundException>(() => MigrateAsync(host, instance.Id, 7));

        await host.InScopeAsync(r => r.CancelAsync(instance.Id, "quantri", null, CancellationToken.None));
        await Assert.ThrowsExactlyAsync<InstanceNotRunningException>(() => MigrateAsync(host, instance.Id));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task A_branch_waiting_at_a_join_needs_its_flow_in_the_new_version(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        static string Parallel(string lastFlow) => Process(
            """<bpmn:startEvent id="s"/><bpmn:parallelGateway id="fork"/><bpmn:parallelGateway id="join"/><bpmn:endEvent id="e"/>"""
            + UserTask("a") + UserTask("b") + Chain("s", "fork", "a") + Flow("f_fork_b", "fork", "b") + Flow(lastFlow, "a", "join")
            + Flow("f_b_join", "b", "join") + Flow("f_join_e", "join", "e"), id: "doc");
        var instance = await host.StartAsync(Parallel("f_a_join"));
        await host.CompleteAsync(instance.Id, "a");

        CollectionAssert.AreEqual(new[] { "f_a_join" }, await RefusedAsync(host, instance.Id, Parallel("f_a_to_join")));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task A_step_moved_out_of_its_subprocess_counts_as_missing(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider);
        var instance = await host.StartAsync(Process("""<bpmn:startEvent id="s"/><bpmn:subProcess id="sub"><bpmn:startEvent id="subStart"/>"""
            + UserTask("review") + """<bpmn:endEvent id="subEnd"/>""" + Chain("subStart", "review", "subEnd")
            + """</bpmn:subProcess><bpmn:endEvent id="e"/>""" + Chain("s", "sub", "e"), id: "doc"));
        var flattened = Process("""<bpmn:startEvent id="s"/><bpmn:subProcess id="sub"><bpmn:startEvent id="subStart"/><bpmn:endEvent id="subEnd"/>"""
            + Chain("subStart", "subEnd") + "</bpmn:subProcess>" + UserTask("review") + """<bpmn:endEvent id="e"/>""" + Chain("s", "sub", "review", "e"), id: "doc");

        CollectionAssert.AreEqual(new[] { "review" }, await RefusedAsync(host, instance.Id, flattened));
    }
}
