using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using static DocBpm.Web.Tests.Tasks.StoredTasks;

namespace DocBpm.Web.Tests.Tasks;

/// <summary>
/// <c>GET /api/tasks/mine</c>, the look-up every task client makes before completing: the open tasks assigned to me, or
/// offered to me or my unit and not taken by anyone, most urgent first, then soonest due, then oldest; at most 500, cut
/// after ordering. Its query is compiled once (<c>MyTasks</c>); these pin its answer, not how it is read.
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

    private static async Task<JsonArray> MineAsync(HttpClient person)
    {
        var response = await person.GetAsync("/api/tasks/mine");
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!;
    }
}
