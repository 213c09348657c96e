using System.Data.Common;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using static DocBpm.Engine.Tests.Runtime.Bpmn;

namespace DocBpm.Engine.Tests.Runtime;

/// <summary>
/// Timers due at one instant, claimed in batches by hosts sharing one database: each fires exactly once, and the batch of
/// a host that dies after claiming it is finished by another once the claim expires.
/// </summary>
[TestClass]
public sealed class TimerSweepTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;
    public static IEnumerable<object[]> ClusterProviders => TestDatabase.ClusterProviders;

    private static readonly TimeSpan Wait = TimeSpan.FromHours(1);

    private static readonly string WaitingXml = Process(
        """<bpmn:startEvent id="s"/><bpmn:intermediateCatchEvent id="wait">""" + Timer("timeDuration", "PT1H")
        + """</bpmn:intermediateCatchEvent><bpmn:endEvent id="e"/>""" + Chain("s", "wait", "e"), id: "waiting");

    private static readonly DueWorkSweepOptions Sweep = new(BatchSize: 100, Workers: 4);

    [TestMethod]
    [DynamicData(nameof(ClusterProviders))]
    public async Task Two_hosts_fire_two_thousand_timers_due_at_one_instant_each_exactly_once(DatabaseProvider provider)
    {
        var fired = await SweepWithTwoHostsAsync(provider, Sweep, 2000);

        Assert.IsTrue(fired.All(f => f > 0), $"both hosts took part ({fired[0]} and {fired[1]})");
    }

    [TestMethod]
    [DynamicData(nameof(ClusterProviders))]
    public async Task Claims_expiring_at_once_still_fire_each_timer_once_because_the_instance_revision_guards_the_run(DatabaseProvider provider) =>
        // No lease: both hosts claim the same rows again and again, so only the revision check keeps a timer from firing twice.
        await SweepWithTwoHostsAsync(provider, Sweep with { ClaimLease = TimeSpan.Zero }, 300);

    [TestMethod]
    [DynamicData(nameof(ClusterProviders))]
    public async Task An_idle_hosts_sweep_sends_one_claim_not_one_per_worker(DatabaseProvider provider)
    {
        var statements = new StatementCount();
        await using var host = await EngineTestHost.StartAsync(provider, sweep: Sweep, interceptor: statements);
        await StartWaitingAsync(host, 3);

        statements.Count = 0;
        var fired = await host.SweepAsync("idle");

        Assert.AreEqual(0, fired, "nothing is due yet");
        Assert.AreEqual(1, statements.Count, "a pass that finds nothing due sends its first claim alone");
    }

    [TestMethod]
    [DynamicData(nameof(ClusterProviders))]
    public async Task A_burst_found_by_one_claim_is_swept_by_every_worker_in_the_same_pass(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider, sweep: Sweep);
        await StartWaitingAsync(host, 450);
        host.Clock.Advance(Wait);

        Assert.AreEqual(450, await host.SweepAsync("burst"));
        await AssertEachFiredOnceAsync(host, 450);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task A_host_that_dies_after_claiming_a_batch_leaves_it_to_another_host_once_the_claim_expires(DatabaseProvider provider)
    {
        await using var survivor = await EngineTestHost.StartAsync(provider, sweep: Sweep);
        await StartWaitingAsync(survivor, 250);
        survivor.Clock.Advance(Wait);
        var doomed = survivor.Join(Sweep);
        var claimed = await doomed.InScopeAsync(runtime => runtime.ClaimDueAsync("doomed", 100, Sweep.Lease, CancellationToken.None));
        await doomed.DisposeAsync();

        var before = await survivor.SweepAsync("survivor");
        var waiting = await WaitingAsync(survivor);
        survivor.Clock.Advance(Sweep.Lease);
        var after = await survivor.SweepAsync("survivor");

        Assert.AreEqual(100, claimed.Count);
        Assert.AreEqual(150, before, "the dead host's claim keeps its batch from the survivor until the claim expires");
        CollectionAssert.AreEquivalent(claimed.ToList(), waiting);
        Assert.AreEqual(100, after, "the expired claim's batch is finished by the survivor");
        await AssertEachFiredOnceAsync(survivor, 250);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task A_batch_in_which_one_step_fails_stores_the_others_and_counts_an_attempt_against_the_failing_timer_alone(DatabaseProvider provider)
    {
        await using var host = await EngineTestHost.StartAsync(provider, sweep: Sweep);
        var deployment = await host.DeployAsync(Process(
            """<bpmn:startEvent id="s"/><bpmn:intermediateCatchEvent id="wait">""" + Timer("timeDuration", "PT1H")
            + """</bpmn:intermediateCatchEvent><bpmn:scriptTask id="check" scriptFormat="javascript"><bpmn:script>if (broken) throw new Error('broken record')</bpmn:script></bpmn:scriptTask>"""
            + """<bpmn:endEvent id="e"/>""" + Chain("s", "wait", "check", "e"), id: "checked"));
        var instances = new List<Guid>();
        for (var i = 0; i < 6; i++)
            instances.Add((await host.InScopeAsync(runtime => runtime.StartAsync(new StartRequest(deployment.Definition.Key,
                EngineTestHost.Variables(new { broken = i == 2 }), null, "starter"), CancellationToken.None))).Id);
        host.Clock.Advance(Wait);

        var fired = await host.SweepAsync();

        var broken = instances[2];
        var timer = (await host.ActiveBookmarksAsync(broken)).Single();
        Assert.AreEqual(6, fired, "five fired and one failure recorded");
        Assert.AreEqual(5, await host.QueryAsync(db => db.Instances.CountAsync(i => i.Status == InstanceStatus.Completed)),
            "the failing step did not take the batch's other steps with it");
        Assert.AreEqual(InstanceStatus.Running, (await host.InstanceAsync(broken)).Status);
        Assert.AreEqual(1, timer.Attempts);
        StringAssert.Contains(timer.LastError, "broken record");
        Assert.AreEqual(host.Clock.GetUtcNow() + WorkflowRuntime.Backoff(1), timer.DueAt, "the failing timer is retried after its back-off");
        CollectionAssert.DoesNotContain(await host.JournalAsync(broken), "wait:completed", "nothing of the failed step was stored");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task A_batch_that_loses_a_race_to_a_user_completing_one_of_its_tasks_stores_the_other_timers_and_drops_only_that_one(
        DatabaseProvider provider)
    {
        var race = new BeforeBatchWrite();
        await using var host = await EngineTestHost.StartAsync(provider, sweep: Sweep, interceptor: race);
        var deployment = await host.DeployAsync(Process(
            """<bpmn:startEvent id="s"/>""" + UserTask("review", assignee: "clerk")
            + """<bpmn:boundaryEvent id="late" attachedToRef="review">""" + Timer("timeDuration", "PT1H") + "</bpmn:boundaryEvent>"
            + """<bpmn:endEvent id="done"/><bpmn:endEvent id="overdue"/>""" + Chain("s", "review", "done") + Chain("late", "overdue"),
            id: "reviewed"));
        var instances = new List<Guid>();
        for (var i = 0; i < 5; i++)
            instances.Add((await host.InScopeAsync(runtime => runtime.StartAsync(new StartRequest(deployment.Definition.Key, null, null, "starter"),
                CancellationToken.None))).Id);
        var raced = instances[3];
        // The user's completion commits after the batch read the instance and before the batch writes it.
        race.Before = () => host.CompleteAsync(raced, "review", user: "clerk");
        host.Clock.Advance(Wait);

        var fired = await host.SweepAsync();

        Assert.IsNull(race.Before, "the completion ran between the batch's read and its write");
        Assert.AreEqual(4, fired, "the raced timer is not fired");
        foreach (var instance in instances)
        {
            var journal = await host.JournalAsync(instance);
            var (taken, skipped) = instance == raced ? ("review:completed", "late:started") : ("late:started", "review:completed");
            CollectionAssert.Contains(journal, taken);
            CollectionAssert.DoesNotContain(journal, skipped);
            Assert.AreEqual(InstanceStatus.Completed, (await host.InstanceAsync(instance)).Status);
        }
    }

    /// <summary>Counts the statements every context of a host sends.</summary>
    private sealed class StatementCount : DbCommandInterceptor
    {
        private int count;

        public int Count
        {
            get => Volatile.Read(ref count);
            set => Volatile.Write(ref count, value);
        }

        public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
        {
            Interlocked.Increment(ref count);
            return result;
        }
    }

    /// <summary>Runs <see cref="Before"/> once, just before a write that stores steps of more than one instance.</summary>
    private sealed class BeforeBatchWrite : SaveChangesInterceptor
    {
        public Func<Task>? Before { get; set; }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            var steps = eventData.Context!.ChangeTracker.Entries<InstanceRecord>().Count(e => e.State == EntityState.Modified);
            if (steps > 1 && Before is { } before)
            {
                Before = null;
                await before();
            }

            return result;
        }
    }

    /// <summary>Two hosts on one database sweep <paramref name="timers"/> timers due at one instant, at the same time.</summary>
    private static async Task<int[]> SweepWithTwoHostsAsync(DatabaseProvider provider, DueWorkSweepOptions sweep, int timers)
    {
        await using var first = await EngineTestHost.StartAsync(provider, sweep: sweep);
        await using var second = first.Join(sweep);
        await StartWaitingAsync(first, timers);
        first.Clock.Advance(Wait);
        second.Clock.Advance(Wait);

        var fired = await Task.WhenAll(Task.Run(() => first.SweepAsync("first")), Task.Run(() => second.SweepAsync("second")));

        Assert.AreEqual(timers, fired.Sum(), "every timer fired, none twice");
        await AssertEachFiredOnceAsync(first, timers);
        return fired;
    }

    private static async Task StartWaitingAsync(EngineTestHost host, int count)
    {
        var deployment = await host.DeployAsync(WaitingXml);
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (_, ct) =>
            await host.InScopeAsync(runtime => runtime.StartAsync(new StartRequest(deployment.Definition.Key, null, null, "starter"), ct)));
    }

    private static Task<List<Guid>> WaitingAsync(EngineTestHost host) =>
        host.QueryAsync(db => db.Bookmarks.Where(b => b.Kind == BookmarkKind.Timer && b.Status == BookmarkStatus.Active)
            .Select(b => b.Id).ToListAsync());

    /// <summary>Counts the timer's firing in each instance's journal: one "wait completed" per instance, each instance ended.</summary>
    private static async Task AssertEachFiredOnceAsync(EngineTestHost host, int instances)
    {
        var firings = await host.QueryAsync(db => db.Journal.Where(j => j.ElementId == "wait" && j.Event == "completed")
            .GroupBy(j => j.InstanceId).Select(g => g.Count()).ToListAsync());
        var completed = await host.QueryAsync(db => db.Instances.CountAsync(i => i.Status == InstanceStatus.Completed));

        Assert.AreEqual(instances, firings.Count, "no timer lost");
        Assert.IsTrue(firings.All(f => f == 1), $"no timer fired twice (most firings of one: {firings.Max()})");
        Assert.AreEqual(instances, completed);
        Assert.IsEmpty(await WaitingAsync(host));
    }
}
