using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Web.Data;
using Microsoft.Extensions.DependencyInjection;

namespace DocBpm.Web.Tests.Scale;

/// <summary>
/// Issue 19's scale-out: a host with nothing due costs its database one read per sweep, so that idle hosts beside busy
/// ones add next to nothing; work that becomes due is still found by the next pass.
/// </summary>
[TestClass]
public sealed class IdleSweepTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Issue19_an_idle_hosts_due_work_pass_is_one_read_and_writes_nothing(DatabaseProvider provider)
    {
        await using var factory = await DocBpmWebFactory.CreateAsync(provider);
        await factory.RunDueWorkAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        using var traffic = DatabaseTraffic.Of(scope.ServiceProvider.GetRequiredService<DocBpmDbContext>());

        for (var pass = 0; pass < 3; pass++)
            Assert.AreEqual(0, await factory.RunDueWorkAsync());

        foreach (var transaction in traffic.Transactions)
            TestContext.WriteLine(transaction);
        Assert.AreEqual(3, traffic.Commands, "one statement per pass: start timers, timers and jobs, and the outbox asked at once");
        Assert.AreEqual(0, traffic.Writes, "an idle pass claims nothing");
    }
}
