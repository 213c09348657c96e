using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Web.Data;
using DocBpm.Web.Tasks;
using DocBpm.Web.Tests.Scale;
using Microsoft.Extensions.DependencyInjection;
using static DocBpm.Web.Tests.Tasks.StoredTasks;

namespace DocBpm.Web.Tests.Tasks;

/// <summary>
/// <c>GET /api/tasks/mine</c>, the look-up every task client makes before completing: the open tasks assigned to me, or
/// offered to me or my unit and not taken by anyone, most urgent first, then soonest due, then oldest; at most 500, cut
/// after ordering. Its queries are compiled once (<c>MyTasks</c>); these pin its answer, and that a person no candidate
/// row names is answered without the statement of offered work, which PostgreSQL plans again on every call.
/// </summary>
[TestClass]
public sealed class MyTasksTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task My_tasks_are_what_is_assigned_or_offered_to_me_or_my_unit_and_not_taken_most_urgent_then_soonest_due(DatabaseProvider provider)
    {
        await using var host = await DocBpmWebFactory.CreateAsync(provider);
        var now = host.Clock.GetUtcNow();
        var assigned = Open(now.AddMinutes(-9), 0, now.AddDays(2), Offer.Assigned, "chuyenvien", "GDTrH");
        var offeredByName = Open(now.AddMinutes(-8), 1, null, Offer.User, "ChuyenVien", "GDTrH");
        var offeredToUnit = Open(now.AddMinutes(-7), 0, now.AddDays(1), Offer.Group, "chuyenvien", "GDTrH");
        var offeredToUnitLater = Open(now.AddMinutes(-6), 0, now.AddDays(1), Offer.Group, "chuyenvien", "gdtrh");
        var otherUnit = Open(now.AddMinutes(-5), 3, null, Offer.Group, "chuyenvien", "KHTC");
        var takenByOther = Open(now.AddMinutes(-4), 3, null, Offer.User, "chuyenvien", "GDTrH");
        takenByOther.Assignee = "chuyenvien.khtc";
        var done = Open(now.AddMinutes(-3), 3, null, Offer.Assigned, "chuyenvien", "GDTrH");
        done.Status = BookmarkStatus.Completed;
        await StoreAsync(host, [assigned, offeredByName, offeredToUnit, offeredToUnitLater, otherUnit, takenByOther, done]);
        using var person = await host.LoginAsync("chuyenvien");

        var tasks = await MineAsync(person);

        CollectionAssert.AreEqual(new[] { offeredByName.Id, offeredToUnit.Id, offeredToUnitLater.Id, assigned.Id }, tasks.Select(t => (Guid)t!["id"]!).ToArray(),
            "urgent first, then by deadline, then oldest; another unit's, another person's and finished tasks are not listed");
        var first = tasks[0]!;
        Assert.AreEqual("ChuyenVien", (string?)first["candidateUsers"], "the candidates as the process named them");
        Assert.AreEqual(1, (int)first["priority"]!);
        Assert.IsFalse((bool)first["overdue"]!);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task A_long_list_is_cut_at_500_after_ordering_so_urgent_and_overdue_work_is_never_left_off(DatabaseProvider provider)
    {
        await using var host = await DocBpmWebFactory.CreateAsync(provider);
        var now = host.Clock.GetUtcNow();
        // The urgent and overdue tasks are the newest, stored last: a list cut before it is sorted would miss them.
        var routine = Enumerable.Range(0, 505).Select(i => Open(now.AddSeconds(-1000 + i), 0, now.AddDays(1 + i % 5), (Offer)(i % 3), "chuyenvien.khtc", "KHTC")).ToList();
        var overdue = Open(now.AddSeconds(-2), 0, now.AddDays(-1), Offer.Group, "chuyenvien.khtc", "KHTC");
        var urgent = Open(now.AddSeconds(-1), 2, null, Offer.User, "chuyenvien.khtc", "KHTC");
        await StoreAsync(host, [.. routine, overdue, urgent]);
        using var person = await host.LoginAsync("chuyenvien.khtc");

        var tasks = await MineAsync(person);

        var expected = routine.OrderBy(t => t.TaskDueDate).ThenBy(t => t.CreatedAt).Take(498).Select(t => t.Id).Prepend(overdue.Id).Prepend(urgent.Id).ToArray();
        CollectionAssert.AreEqual(expected, tasks.Select(t => (Guid)t!["id"]!).ToArray());
        Assert.IsTrue((bool)tasks[1]!["overdue"]!, "the task past its deadline says so");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task A_person_no_candidate_names_gets_their_assigned_tasks_in_order_without_the_statement_of_offered_work(DatabaseProvider provider)
    {
        await using var host = await DocBpmWebFactory.CreateAsync(provider);
        var now = host.Clock.GetUtcNow();
        BookmarkRecord ToDirector(int minutesAgo, int priority, int? dueInDays) =>
            Open(now.AddMinutes(-minutesAgo), priority, dueInDays is { } days ? now.AddDays(days) : null, Offer.Assigned, "giamdoc", "BGD");
        var (routine, sameDeadlineLater, overdue, urgent) = (ToDirector(9, 0, 2), ToDirector(8, 0, 2), ToDirector(7, 0, -1), ToDirector(6, 2, null));
        // Work offered to others: the candidates are not empty, only nobody among them names the Director.
        var offeredToUnit = Open(now.AddMinutes(-5), 3, null, Offer.Group, "chuyenvien", "GDTrH");
        var offeredToPerson = Open(now.AddMinutes(-4), 3, null, Offer.User, "chuyenvien", "GDTrH");
        await StoreAsync(host, [routine, sameDeadlineLater, overdue, urgent, offeredToUnit, offeredToPerson]);
        using var director = await host.LoginAsync("giamdoc");
        await using var scope = host.Services.CreateAsyncScope();
        using var traffic = DatabaseTraffic.Of(scope.ServiceProvider.GetRequiredService<DocBpmDbContext>());

        var tasks = await MineAsync(director);

        CollectionAssert.AreEqual(new[] { urgent.Id, overdue.Id, routine.Id, sameDeadlineLater.Id }, tasks.Select(t => (Guid)t!["id"]!).ToArray(),
            "urgent first, then by deadline, then oldest");
        var reads = traffic.Sent.Where(s => s.Contains("bpm_bookmark", StringComparison.Ordinal)).ToList();
        Assert.AreEqual(2, reads.Count, "the candidates asked whether they name him, then his assigned tasks: " + string.Join("\n---\n", reads));
        Assert.IsFalse(reads.Any(s => s.Contains("bpm_bookmarks", StringComparison.Ordinal) && s.Contains("bpm_bookmark_candidates", StringComparison.Ordinal)),
            "no statement joins open work with its candidates");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Work_offered_by_name_alone_or_to_the_unit_alone_is_listed_with_the_assigned_in_one_order(DatabaseProvider provider)
    {
        await using var host = await DocBpmWebFactory.CreateAsync(provider);
        var now = host.Clock.GetUtcNow();
        var assignedToKhtc = Open(now.AddMinutes(-9), 1, null, Offer.Assigned, "chuyenvien.khtc", "KHTC");
        var offeredByName = Open(now.AddMinutes(-8), 0, now.AddDays(1), Offer.User, "chuyenvien.khtc", "GDTrH");
        var assignedToGdtrh = Open(now.AddMinutes(-7), 0, now.AddDays(3), Offer.Assigned, "chuyenvien", "GDTrH");
        var offeredToUnit = Open(now.AddMinutes(-6), 0, now.AddDays(2), Offer.Group, "chuyenvien", "GDTrH");
        // A unit whose code begins with GDTrH's: the first candidate after "gdtrh" that is not it.
        var offeredToOtherUnit = Open(now.AddMinutes(-5), 3, null, Offer.Group, "chuyenvien", "GDTrH2");
        await StoreAsync(host, [assignedToKhtc, offeredByName, assignedToGdtrh, offeredToUnit, offeredToOtherUnit]);
        using var namedOnly = await host.LoginAsync("chuyenvien.khtc");
        using var unitOnly = await host.LoginAsync("chuyenvien");

        CollectionAssert.AreEqual(new[] { assignedToKhtc.Id, offeredByName.Id }, (await MineAsync(namedOnly)).Select(t => (Guid)t!["id"]!).ToArray(),
            "offered by name, no group of hers named");
        CollectionAssert.AreEqual(new[] { offeredToUnit.Id, assignedToGdtrh.Id }, (await MineAsync(unitOnly)).Select(t => (Guid)t!["id"]!).ToArray(),
            "offered to his unit, never by name");
    }

    /// <summary>
    /// Issue 19: a clerk's list, whose groups candidate rows name by the million at scale, is the same whatever the
    /// statement's shape: offered to either of her groups (her role, her unit) or to her by name, never to a group or a
    /// person whose name only begins like hers, nor taken by someone else; merged with her assigned work in one order and
    /// cut at 500 after it, though more than 500 are offered. The urgent and overdue tasks are stored last.
    /// </summary>
    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Issue19_a_clerks_offered_work_across_her_groups_is_merged_with_her_assigned_work_and_cut_at_500_after_ordering(DatabaseProvider provider)
    {
        await using var host = await DocBpmWebFactory.CreateAsync(provider);
        var now = host.Clock.GetUtcNow();
        var stored = 0;
        BookmarkRecord Next(int priority, int? dueInDays, Offer offer, string user, string group) =>
            Open(now.AddSeconds(-2000 + stored++), priority, dueInDays is { } days ? now.AddDays(days) : null, offer, user, group);
        var toRole = Enumerable.Range(0, 300).Select(i => Next(i % 2, 1 + i % 7, Offer.Group, "vanthu", "VanThu")).ToList();
        var toUnit = Enumerable.Range(0, 250).Select(i => Next(i % 2, i % 5 == 0 ? null : 2 + i % 3, Offer.Group, "vanthu", "VP")).ToList();
        var byName = Enumerable.Range(0, 5).Select(i => Next(0, 1, Offer.User, "VanThu", "VP")).ToList();
        var assigned = Enumerable.Range(0, 20).Select(i => Next(i % 3, i % 4 == 0 ? null : 1 + i % 6, Offer.Assigned, "vanthu", "VP")).ToList();
        List<BookmarkRecord> nearMisses = [Next(3, -5, Offer.Group, "vanthu", "VP2"), Next(3, -5, Offer.Group, "vanthu", "VanThu2"),
            Next(3, -5, Offer.User, "vanthu2", "VP"), Next(3, -5, Offer.Assigned, "vanthu2", "VP")];
        var takenByOther = Next(3, -5, Offer.Group, "vanthu", "VP");
        takenByOther.Assignee = "vanthu2";
        var done = Next(3, -5, Offer.Assigned, "vanthu", "VP");
        done.Status = BookmarkStatus.Completed;
        List<BookmarkRecord> urgentAndOverdue = [Next(0, -2, Offer.Group, "vanthu", "VanThu"), Next(3, null, Offer.Group, "vanthu", "VP"),
            Next(2, 3, Offer.Assigned, "vanthu", "VP"), Next(1, -1, Offer.User, "vanthu", "VP")];

        var listed = await StoredAndListedAsync(host, "vanthu", [.. toRole, .. toUnit, .. byName, .. assigned, .. nearMisses, takenByOther, done, .. urgentAndOverdue]);

        CollectionAssert.AreEqual(Listed([.. toRole, .. toUnit, .. byName, .. assigned, .. urgentAndOverdue]), listed,
            "urgent first, then by deadline, then oldest, over both halves; near misses, another's and finished tasks are not listed");
    }

    /// <summary>
    /// Issue 19: the other half over 500. Each half is cut at 500 before they are merged; a person with more than 500
    /// assigned tasks still finds the urgent and overdue work offered to their unit, stored last, at the head of the list.
    /// </summary>
    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Issue19_offered_urgent_work_leads_a_list_of_more_than_500_assigned_tasks(DatabaseProvider provider)
    {
        await using var host = await DocBpmWebFactory.CreateAsync(provider);
        BookmarkRecord ToSpecialist(int secondsAgo, int priority, int? dueInDays, Offer offer) => Open(host.Clock.GetUtcNow().AddSeconds(-secondsAgo), priority,
            dueInDays is { } days ? host.Clock.GetUtcNow().AddDays(days) : null, offer, "chuyenvien", "GDTrH");
        var assigned = Enumerable.Range(0, 505).Select(i => ToSpecialist(2000 - i, i % 2, 1 + i % 9, Offer.Assigned)).ToList();
        List<BookmarkRecord> offered = [ToSpecialist(3, 3, null, Offer.Group), ToSpecialist(2, 0, -1, Offer.User), ToSpecialist(1, 1, 30, Offer.Group)];

        var listed = await StoredAndListedAsync(host, "chuyenvien", [.. assigned, .. offered]);

        CollectionAssert.AreEqual(Listed([.. assigned, .. offered]), listed,
            "the urgent offered task first, the overdue one first of its urgency, the later one among the assigned");
    }

    /// <summary>
    /// Issue 19, growth with history: the statement with both halves reads each from its index in the list's order, cut at
    /// 500 before the two are merged, and asks the candidates about each open task nobody took, task by task (a SubPlan),
    /// so it stops at the 500th offered task and never reads the candidates by name: a clerk's groups are named by about
    /// a million rows at 1,000,000 documents, nearly all of closed tasks. Sorting is priced out of the plan: read whole
    /// and sorted after the merge, as it was, a Sort remains; as a join with the candidates, no SubPlan.
    /// </summary>
    [TestMethod]
    public async Task Issue19_a_clerks_list_reads_both_halves_in_order_and_asks_the_candidates_task_by_task()
    {
        TestDatabase.RequirePostgres();
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.PostgreSql);
        await using var scope = host.Services.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<EngineDb>();

        var plan = await QueryPlan.OfAsync(engine, MyTasks.AssignedOrOffered.Compile()(engine.Context, "vanthu", "vanthu", ["vanthu", "vp"]));

        StringAssert.Contains(plan, "IX_bpm_bookmarks_AssignedTasks_InboxOrder", plan);
        StringAssert.Contains(plan, "IX_bpm_bookmarks_OfferedTasks_InboxOrder", plan);
        StringAssert.Contains(plan, "SubPlan", plan);
        Assert.IsFalse(plan.Contains("Sort  (", StringComparison.Ordinal), plan);
        Assert.IsFalse(plan.Contains("Join", StringComparison.Ordinal), plan);
    }

    /// <summary>The ids <c>/api/tasks/mine</c> answers <paramref name="userName"/> once <paramref name="tasks"/> are stored.</summary>
    private static async Task<Guid[]> StoredAndListedAsync(DocBpmWebFactory host, string userName, List<BookmarkRecord> tasks)
    {
        await StoreAsync(host, tasks);
        using var person = await host.LoginAsync(userName);
        return [.. (await MineAsync(person)).Select(t => (Guid)t!["id"]!)];
    }

    /// <summary>The first 500 of <paramref name="tasks"/> in the list's order (no two stored at the same instant).</summary>
    private static Guid[] Listed(List<BookmarkRecord> tasks) =>
        [.. tasks.OrderByDescending(t => t.Priority).ThenBy(t => t.TaskDueDate ?? DateTimeOffset.MaxValue).ThenBy(t => t.CreatedAt).Take(500).Select(t => t.Id)];

    private static async Task<JsonArray> MineAsync(HttpClient person)
    {
        var response = await person.GetAsync("/api/tasks/mine");
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!;
    }
}
