using System.Text.Json;

namespace DocBpm.Web.Tests.Scale;

/// <summary>
/// The host's runtime settings, chosen by measurement for hosts that share their cores (DocBpm.Web.csproj says why): the
/// settings live in the runtimeconfig.json the build writes beside DocBpm.Web.dll, which is what an operator starts.
/// </summary>
[TestClass]
public sealed class HostRuntimeSettingsTests
{
    [TestMethod]
    public void Thread_pool_workers_block_when_out_of_work_instead_of_spinning()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "DocBpm.Web.runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.IsTrue(properties.TryGetProperty("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit", out var spinLimit),
            "DocBpm.Web.csproj sets the thread pool's spin limit");
        Assert.AreEqual("0", spinLimit.ToString());
    }
}
