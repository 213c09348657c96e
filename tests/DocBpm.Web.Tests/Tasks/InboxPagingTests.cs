using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json.Nodes;
using DocBpm.Documents.Access;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Web.Accounts;
using DocBpm.Web.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using static DocBpm.Web.Tests.Tasks.StoredTasks;

namespace DocBpm.Web.Tests.Tasks;

/// <summary>
/// Issue 19: the inbox pages through any amount of work (≤ 50 rows a page, a continuation token in the <c>Link</c>
/// header), urgent work first, each open task exactly once while work arrives and is done. The tasks are stored rows of
/// one instance, as the engine writes them (bookmark and candidates), so thousands cost no process runs. One host per
/// provider for the class; each test works in the inbox of its own person.
/// </summary>
[TestClass]
public sealed class InboxPagingTests
{
    private const int PageSize = 50;
    private static readonly Dictionary<DatabaseProvider, DocBpmWebFactory> Hosts = [];

    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    public static IEnumerable<object[]> ServerProviders => TestDatabase.ClusterProviders;

    [ClassCleanup]
    public static async Task StopAsync()
    {
        foreach (var host in Hosts.Values)
            await host.DisposeAsync();
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Issue19_urgent_and_overdue_work_leads_the_first_page_of_a_2001_task_inbox(DatabaseProvider provider)
    {
        var host = await HostAsync(provider);
        var now = host.Clock.GetUtcNow();
        var rows = new List<BookmarkRecord>();
        // Seen in the order of the words: the urgent ones are the newest, stored last (so a page taken before sorting, in
        // the order rows were written, misses them), reach the person by each way a task can, and have no deadline, so
        // nothing but their urgency can bring them forward.
        for (var i = 2000; i >= 0; i--)
        {
            var (priority, due) = i switch
            {
                < 4 => (3, (DateTimeOffset?)null),
                < 24 => (2, null),
                < 27 => (0, now.AddDays(-1)),
                _ => (0, now.AddDays(i % 40 + 1)),
            };
            rows.Add(Open(now.AddMinutes(-i), priority, due, (i % 3) switch
            {
                0 => Offer.Group,
                1 => Offer.User,
                _ => Offer.Assigned,
            }, "chuyenvien.gdmnth", "GDMNTH"));
        }
        await StoreAsync(host, rows);
        var person = await host.LoginAsync("chuyenvien.gdmnth");

        var response = await person.GetAsync("/api/inbox");
        var page = (await response.Content.ReadFromJsonAsync<JsonArray>())!;

        Assert.AreEqual(PageSize, page.Count, "one page, however long the inbox");
        CollectionAssert.AreEqual(Enumerable.Repeat("Flash", 4).Concat(Enumerable.Repeat("Immediate", 20)).Concat(Enumerable.Repeat("Normal", 26)).ToArray(),
            page.Select(i => (string?)i!["urgency"]).ToArray(), "all 4 Hỏa tốc, then all 20 Thượng khẩn, then the rest");
        Assert.IsTrue(page.Skip(24).Take(3).All(i => (bool)i!["overdue"]!), "overdue work leads its urgency");
        Assert.IsTrue(response.Headers.TryGetValues("Link", out var link), "the next page's address");
        StringAssert.StartsWith(link!.Single(), "</api/inbox?after=");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Issue19_paging_while_work_arrives_and_is_done_lists_each_still_open_task_exactly_once(DatabaseProvider provider)
    {
        var host = await HostAsync(provider);
        var now = host.Clock.GetUtcNow();
        // Ties on every column but the id: the order must still be total.
        var first = Enumerable.Range(0, 130).Select(i => Open(now.AddMinutes(-(i % 7)), i % 4, i % 5 == 0 ? null : now.AddDays(i % 3),
            (Offer)(i % 3), "chuyenvien.khtc", "KHTC")).ToList();
        await StoreAsync(host, first);
        var person = await host.LoginAsync("chuyenvien.khtc");

        var seen = new List<Guid>();
        var (items, next) = await PageAsync(person, "/api/inbox");
        seen.AddRange(items);
        var done = first.Where((_, i) => i % 11 == 0).Select(t => t.Id).ToHashSet();
        await CompleteAsync(host, done);
        await StoreAsync(host, [.. Enumerable.Range(0, 40).Select(i => Open(now.AddMinutes(i), i % 4, now.AddDays(i % 2), (Offer)(i % 3), "chuyenvien.khtc", "KHTC"))]);
        var pages = 1;
        while (next is not null)
        {
            (items, next) = await PageAsync(person, next);
            seen.AddRange(items);
            Assert.IsTrue(++pages < 10, "paging ends");
        }

        Assert.AreEqual(seen.Count, seen.Distinct().Count(), "no task twice");
        var stillOpen = first.Select(t => t.Id).Where(id => !done.Contains(id)).ToList();
        CollectionAssert.IsSubsetOf(stillOpen, seen, "no open task skipped");
    }

    [TestMethod]
    [DataRow("not-a-token")]
    [DataRow("bzF8MHwxfDJ8eg")]
    [DataRow("ZHwzfHw2Mzg5OTk5OTk5OTk5OTk5OTl8MDE5YWYwMDAwMDAwNzAwMDgwMDAwMDAwMDAwMDAwMDA")]
    public async Task Issue19_a_continuation_token_the_inbox_did_not_hand_out_is_a_400_with_a_Vietnamese_problem(string token)
    {
        var host = await HostAsync(DatabaseProvider.Sqlite);
        var person = await host.LoginAsync("chuyenvien");

        var response = await person.GetAsync($"/api/inbox?after={token}");
        var page = await person.GetAsync($"/?after={token}");

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode, await response.Content.ReadAsStringAsync());
        Assert.AreEqual("Mã trang không hợp lệ", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["title"]);
        Assert.AreEqual(HttpStatusCode.BadRequest, page.StatusCode);
        StringAssert.Contains(await page.Content.ReadAsStringAsync(), "Mã trang không hợp lệ");
    }

    /// <summary>
    /// Issue 19, growth with history: a page of the completed tray ("Đã xử lý") is read newest first from the index of
    /// completed user tasks by closer (migration <c>InboxGrowthIndexes</c>) and stops at its 51st row, where it sorted
    /// every task the person ever closed. Sorting is priced out of the plan: without the index, or with an order the index
    /// does not give, a Sort would remain.
    /// </summary>
    [TestMethod]
    [DynamicData(nameof(ServerProviders))]
    public async Task Issue19_the_completed_tray_is_read_newest_first_from_an_index_without_sorting(DatabaseProvider provider)
    {
        var host = await HostAsync(provider);
        await using var scope = host.Services.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<EngineDb>();
        var actor = new TaskActor("truongphong.gdtrh", ["truongdonvi", "gdtrh"]);

        var plan = await QueryPlan.OfAsync(engine, InboxOrder.Done(InboxView.Done.Of(engine, actor)).Take(PageSize + 1));

        StringAssert.Contains(plan, "IX_bpm_bookmarks_DoneTasks_InboxOrder", plan);
        Assert.IsFalse(plan.Contains("Sort", StringComparison.Ordinal), plan);
    }

    /// <summary>
    /// Issue 19, growth with open work: a page of all open work reads the work assigned to me and the work offered to me
    /// each from its index in the inbox's order (migration <c>InboxStoredOrder</c>), cut at the page's size, and merges
    /// the two; no Sort of all open work remains when sorting is priced out. A deadline sorted through a computed
    /// <c>IS NULL</c>, or an index led by the assignee for the offered work, leaves one.
    /// </summary>
    [TestMethod]
    [DynamicData(nameof(ServerProviders))]
    public async Task Issue19_a_page_of_open_work_is_read_from_the_assigned_and_offered_indexes_in_order_without_sorting(DatabaseProvider provider)
    {
        var host = await HostAsync(provider);
        await using var scope = host.Services.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<EngineDb>();
        var actor = new TaskActor("truongphong.gdtrh", ["truongdonvi", "gdtrh"]);

        var plan = await QueryPlan.OfAsync(engine, InboxView.All.First(engine, actor, null, PageSize + 1));

        StringAssert.Contains(plan, "IX_bpm_bookmarks_AssignedTasks_InboxOrder", plan);
        StringAssert.Contains(plan, "IX_bpm_bookmarks_OfferedTasks_InboxOrder", plan);
        Assert.IsFalse(plan.Contains("Sort  (", StringComparison.Ordinal), plan);
    }

    /// <summary>
    /// Issue 19, the Director's second page at 1,000,000 documents: the page of someone with much assigned work and none
    /// offered is planned for that person on every call, however often the session ran the statement before. Sessions
    /// prepare what they repeat, and after five calls PostgreSQL may keep one generic plan for everybody, one that reads
    /// every open task offered to anyone to find the few offered to this person (docs/benchmarks.md, "Inbox and search at
    /// scale"). The page stays right either way; the pages after it are asserted too, as the boundary they start at.
    /// </summary>
    [TestMethod]
    [DynamicData(nameof(ServerProviders))]
    public async Task Issue19_a_continuation_page_is_planned_for_the_person_who_asks_not_once_for_everybody(DatabaseProvider provider)
    {
        var host = await HostAsync(provider);
        var now = host.Clock.GetUtcNow();
        var assigned = Enumerable.Range(0, 120).Select(i => Open(now.AddMinutes(-i), i % 3, now.AddDays(i % 9), Offer.Assigned, "giamdoc.plan", "BGD")).ToList();
        await StoreAsync(host, [.. assigned, .. Enumerable.Range(0, 600).Select(i => Open(now.AddMinutes(-i), i % 3, now.AddDays(i % 9), Offer.Group, "", "TTr"))]);
        await using var scope = host.Services.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<EngineDb>();
        var inbox = scope.ServiceProvider.GetRequiredService<InboxReader>();
        await engine.Context.Database.ExecuteSqlRawAsync("ANALYZE bpm_bookmarks, bpm_bookmark_candidates");
        // One session for every call, as a pooled connection serves one request after another.
        await engine.Context.Database.OpenConnectionAsync();
        var director = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "giamdoc.plan"), new Claim(UnitClaimsFactory.UnitClaim, "BGD"),
            new Claim(ClaimTypes.Role, StaffRole.Director)], "test", ClaimTypes.Name, ClaimTypes.Role));

        var second = (await inbox.MineAsync(director, CancellationToken.None)).Next!;
        for (var call = 0; call < 10; call++)
        {
            var page = await inbox.MineAsync(director, CancellationToken.None, after: second);
            CollectionAssert.AreEqual(InboxOrder.ToDo(assigned.AsQueryable()).Skip(PageSize).Take(PageSize).Select(t => t.Id).ToList(),
                page.Items.Select(i => i.TaskId).ToList(), "the second page starts right after the first's last row");
        }

        var plans = await engine.Context.Database.SqlQueryRaw<string>(
            "SELECT generic_plans || ' generic, ' || (custom_plans >= 5) AS \"Value\" FROM pg_prepared_statements WHERE statement LIKE '%\"Priority\" <=%'")
            .ToListAsync();
        Assert.AreEqual("0 generic, true", plans.Single(), "past the five calls after which a generic plan may be kept");
    }

    /// <summary>
    /// Issue 19: the stored order follows a task's deadline wherever it changes; here a re-assignment (hand-over) that
    /// sets a nearer deadline brings the task to the top of its urgency, and one that takes the deadline away puts it
    /// after every task with one.
    /// </summary>
    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Issue19_a_task_handed_over_with_a_new_deadline_moves_to_its_place_in_the_inbox(DatabaseProvider provider)
    {
        var host = await HostAsync(provider);
        var now = host.Clock.GetUtcNow();
        var soon = Open(now.AddMinutes(-2), 1, now.AddDays(2), Offer.User, "chuyenvien", "GDTrH");
        var later = Open(now.AddMinutes(-1), 1, now.AddDays(5), Offer.User, "chuyenvien", "GDTrH");
        await StoreAsync(host, [soon, later]);
        var person = await host.LoginAsync("chuyenvien");
        CollectionAssert.AreEqual(new[] { soon.Id, later.Id }, (await PageAsync(person, "/api/inbox")).Items, "soonest due first");

        await HandOverAsync(host, later.Id, now.AddDays(1));
        CollectionAssert.AreEqual(new[] { later.Id, soon.Id }, (await PageAsync(person, "/api/inbox")).Items, "the nearer deadline now leads");
        await HandOverAsync(host, later.Id, null);

        CollectionAssert.AreEqual(new[] { soon.Id, later.Id }, (await PageAsync(person, "/api/inbox")).Items, "no deadline sorts last");
        await using var scope = host.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<EngineDb>().Bookmarks.AsNoTracking().SingleAsync(b => b.Id == later.Id);
        Assert.AreEqual(BookmarkRecord.NoDeadline, stored.TaskDueOrder);
    }

    /// <summary>
    /// Issue 19: a tray's number in the navigation stops at "999+": counting goes no further than a thousand rows however
    /// many a person has, and the number that is shown below it is exact.
    /// </summary>
    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Issue19_a_tray_of_a_thousand_tasks_shows_999_plus_in_the_navigation(DatabaseProvider provider)
    {
        var host = await HostAsync(provider);
        var now = host.Clock.GetUtcNow();
        await StoreAsync(host, [.. Enumerable.Range(0, 1000).Select(i => Open(now.AddSeconds(-i), i % 4, null, Offer.User, "vanthu2", "VP")),
            .. Enumerable.Range(0, 3).Select(i => Open(now.AddSeconds(-i), 0, null, Offer.Assigned, "vanthu2", "VP"))]);
        var person = await host.LoginAsync("vanthu2");

        var page = System.Net.WebUtility.HtmlDecode(await person.GetStringAsync("/"));

        StringAssert.Contains(page, "data-tray=\"waiting\">999+<", "a thousand offered tasks");
        StringAssert.Contains(page, "data-tray=\"in-progress\">3<", "an exact number below the cap");
    }

    private static async Task HandOverAsync(DocBpmWebFactory host, Guid task, DateTimeOffset? due)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().HandOverTaskAsync(task, ["chuyenvien"], due, "truongphong.gdtrh", CancellationToken.None);
    }

    private static async Task<DocBpmWebFactory> HostAsync(DatabaseProvider provider)
    {
        if (!Hosts.TryGetValue(provider, out var host))
            Hosts[provider] = host = await DocBpmWebFactory.CreateAsync(provider);
        return host;
    }

    private static async Task<(List<Guid> Items, string? Next)> PageAsync(HttpClient person, string address)
    {
        var response = await person.GetAsync(address);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        var items = (await response.Content.ReadFromJsonAsync<JsonArray>())!.Select(i => (Guid)i!["taskId"]!).ToList();
        Assert.IsTrue(items.Count <= PageSize);
        var next = response.Headers.TryGetValues("Link", out var link) ? link.Single()[1..link.Single().IndexOf('>', StringComparison.Ordinal)] : null;
        return (items, next);
    }

    private static async Task CompleteAsync(DocBpmWebFactory host, HashSet<Guid> ids)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<EngineDb>();
        await engine.Bookmarks.Where(b => ids.Contains(b.Id)).ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BookmarkStatus.Completed));
    }
}
