using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Engine.Timers.Quartz;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace DocBpm.Engine.Tests.Quartz;

/// <summary>
/// Quartz's persistent store on tables that DocBpm's EF model created: triggers fire on the injected clock, survive a
/// restart, and a cluster fires each of them once.
/// </summary>
[TestClass]
public sealed class QuartzStoreTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 1, 0, 0, TimeSpan.Zero);

    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    public static IEnumerable<object[]> ClusterProviders => TestDatabase.ClusterProviders;

    public TestContext TestContext { get; set; } = null!;

    private CancellationToken Ct => TestContext.CancellationToken;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Tables_created_by_EF_are_the_tables_quartz_own_script_creates(DatabaseProvider provider)
    {
        await using var fromModel = await CreateDatabaseAsync(provider);
        await using var fromScript = await TestDatabase.CreateAsync(provider);
        await DatabaseCatalog.ExecuteAsync(fromScript, QuartzSchema.Statements(provider, QuartzModel.DefaultTablePrefix), Ct);

        var expected = await DatabaseCatalog.ReadAsync(fromScript, Ct);
        var actual = await DatabaseCatalog.ReadAsync(fromModel, Ct);

        Assert.HasCount(15, expected.Where(line => line.Contains(" PRIMARY KEY (", StringComparison.Ordinal)));
        Assert.AreEqual("", SchemaOutline.Difference(expected, actual));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task A_trigger_fires_when_the_injected_clock_reaches_it(DatabaseProvider provider)
    {
        await using var database = await CreateDatabaseAsync(provider);
        var clock = new FakeTimeProvider(Start);
        var log = new FiringLog();
        await using var node = await QuartzNode.StartAsync(database, clock, log, Ct);
        await node.ScheduleAsync("deadline", Start.AddHours(1), "instance-1", Ct);

        clock.Advance(TimeSpan.FromMinutes(59));
        await Task.Delay(300, Ct);
        Assert.IsEmpty(log.Firings, "a minute early on the clock, however long the test waits");

        clock.Advance(TimeSpan.FromMinutes(1));
        await log.WaitForAsync(1, Ct);

        var firing = log.Firings.Single();
        Assert.AreEqual(Start.AddHours(1), firing.ScheduledFor);
        Assert.AreEqual("instance-1", firing.Payload);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task A_trigger_scheduled_before_a_restart_fires_after_it_with_its_data(DatabaseProvider provider)
    {
        await using var database = await CreateDatabaseAsync(provider);
        var clock = new FakeTimeProvider(Start);
        var log = new FiringLog();
        await using (var before = await QuartzNode.StartAsync(database, clock, log, Ct))
            await before.ScheduleAsync("deadline", Start.AddDays(2), "instance-7", Ct);

        await using var after = await QuartzNode.StartAsync(database, clock, log, Ct);
        clock.Advance(TimeSpan.FromDays(2));
        await log.WaitForAsync(1, Ct);

        var firing = log.Firings.Single();
        Assert.AreEqual(("instance-7", after.Scheduler.SchedulerInstanceId), (firing.Payload, firing.Node));
        Assert.AreEqual(Start.AddDays(2), firing.ScheduledFor);
    }

    [TestMethod]
    [DynamicData(nameof(ClusterProviders))]
    public async Task Two_clustered_nodes_fire_each_trigger_exactly_once(DatabaseProvider provider)
    {
        await using var database = await CreateDatabaseAsync(provider);
        var clock = new FakeTimeProvider(Start);
        var log = new FiringLog();
        await using var first = await QuartzNode.StartAsync(database, clock, log, Ct);
        await using var second = await QuartzNode.StartAsync(database, clock, log, Ct);
        Assert.IsTrue((await first.Scheduler.GetMetadata(Ct)).JobStoreClustered);
        Assert.AreNotEqual(first.Scheduler.SchedulerInstanceId, second.Scheduler.SchedulerInstanceId);

        const int Triggers = 20;
        for (var i = 0; i < Triggers; i++)
            await (i % 2 == 0 ? first : second).ScheduleAsync($"timer-{i}", Start.AddSeconds(5), $"instance-{i}", Ct);
        clock.Advance(TimeSpan.FromSeconds(5));
        await log.WaitForAsync(Triggers, Ct);
        clock.Advance(TimeSpan.FromSeconds(1));
        await Task.Delay(500, Ct);

        Assert.HasCount(Triggers, log.Firings, "a second firing of any trigger would show up here");
        Assert.HasCount(Triggers, log.Firings.Select(f => f.Trigger).Distinct());
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task A_cancelled_timer_leaves_no_row_behind(DatabaseProvider provider)
    {
        await using var database = await CreateDatabaseAsync(provider);
        await using var node = await QuartzNode.StartAsync(database, new FakeTimeProvider(Start), new FiringLog(), Ct);
        await node.ScheduleAsync("deadline", Start.AddDays(1), "instance-3", Ct);
        Assert.AreEqual(1, await DatabaseCatalog.CountRowsAsync(database, "qrtz_SIMPLE_TRIGGERS", Ct));

        Assert.IsTrue(await node.Scheduler.DeleteJob(new JobKey("deadline", "tests"), Ct));

        foreach (var table in new[] { "qrtz_JOB_DETAILS", "qrtz_TRIGGERS", "qrtz_SIMPLE_TRIGGERS" })
            Assert.AreEqual(0, await DatabaseCatalog.CountRowsAsync(database, table, Ct), table);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task A_database_without_the_quartz_tables_is_refused_at_start(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var error = await Assert.ThrowsAsync<SchedulerException>(
            () => QuartzNode.StartAsync(database, new FakeTimeProvider(Start), new FiringLog(), Ct));

        Assert.Contains("schema validation failed under table prefix 'qrtz_'", error.Message);
    }

    /// <summary>A fresh database with Quartz's tables made by EF, as DocBpm's migrations make them.</summary>
    private async Task<TestDatabase> CreateDatabaseAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var context = QuartzTestContext.Create(provider, database.ConnectionString);
        await context.Database.EnsureCreatedAsync(Ct);
        return database;
    }
}
