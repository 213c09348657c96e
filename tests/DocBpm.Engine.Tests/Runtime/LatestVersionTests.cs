using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Engine.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static DocBpm.Engine.Tests.Runtime.Bpmn;

namespace DocBpm.Engine.Tests.Runtime;

/// <summary>
/// Which version a new instance starts on, now that a start takes the latest version from its host's memory rather
/// than a read (issue 19): a deploy on the host is current at once, one on another host within a second.
/// </summary>
[TestClass]
public sealed class LatestVersionTests
{
    private static string Version(string task) =>
        Process("""<bpmn:startEvent id="s"/>""" + UserTask(task) + """<bpmn:endEvent id="e"/>""" + Chain("s", task, "e"), id: "doc");

    [TestMethod]
    public async Task A_start_takes_a_version_deployed_here_at_once_and_one_deployed_on_another_host_within_a_second()
    {
        await using var host = await EngineTestHost.StartAsync(DatabaseProvider.Sqlite);
        Assert.AreEqual(1, (await host.StartAsync(Version("review"))).DefinitionVersion);
        var otherHost = ActivatorUtilities.CreateInstance<DefinitionStore>(host.Services);
        await host.InScopeAsync(runtime => otherHost.DeployAsync(runtime.Db, Version("check"), "analyst", CancellationToken.None));

        Assert.AreEqual(1, await StartedVersionAsync(host), "within the second, this host still starts the version it knew");
        host.Clock.Advance(DefinitionStore.LatestKeptFor);
        Assert.AreEqual(2, await StartedVersionAsync(host), "after it, the other host's deploy");

        await host.DeployAsync(Version("approve"));
        Assert.AreEqual(3, await StartedVersionAsync(host), "this host's own deploy at once");
    }

    private static async Task<int> StartedVersionAsync(EngineTestHost host) =>
        (await host.InScopeAsync(runtime => runtime.StartAsync(new StartRequest("doc"), CancellationToken.None))).DefinitionVersion;
}
