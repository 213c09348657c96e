using System.Text.RegularExpressions;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Web.Tests.Outgoing;

namespace DocBpm.Web.Tests.Components;

/// <summary>
/// The left navigation (issue 20): each entry only for the roles it serves, and beside the inbox's trays (chờ xử lý,
/// đang xử lý, đã xử lý) the number of rows each tray lists.
/// </summary>
[TestClass]
public sealed partial class NavigationTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    [TestMethod]
    public async Task Left_navigation_shows_each_entry_only_to_the_roles_it_serves()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        (string User, string[] Shown, string[] Hidden)[] expected =
        [
            ("vanthu", ["/incoming", "/incoming/new", "/outgoing", "/provincial-tasks", "/provincial-tasks/new", "/registers"],
                ["/provincial-tasks/dashboard", "/designer/", "/monitor/", "/account/sign-ins"]),
            ("giamdoc", ["/incoming", "/outgoing", "/provincial-tasks", "/provincial-tasks/dashboard"],
                ["/incoming/new", "/provincial-tasks/new", "/registers", "/designer/", "/monitor/"]),
            ("chanhvanphong", ["/incoming", "/outgoing", "/provincial-tasks/dashboard"], ["/incoming/new", "/registers", "/designer/"]),
            ("chuyenvien", ["/incoming", "/outgoing", "/provincial-tasks"],
                ["/incoming/new", "/provincial-tasks/new", "/provincial-tasks/dashboard", "/registers", "/designer/", "/monitor/", "/exchange/intake-failures"]),
            ("quantri", ["/provincial-tasks", "/registers", "/designer/", "/monitor/", "/exchange/intake-failures", "/account/sign-ins"],
                ["/incoming", "/outgoing", "/incoming/new"]),
            ("phantich", ["/designer/"], ["/incoming", "/outgoing", "/provincial-tasks", "/registers", "/monitor/"]),
        ];
        foreach (var (user, shown, hidden) in expected)
        {
            var links = Links(Menu(await (await host.LoginAsync(user)).GetStringAsync("/")));
            foreach (var path in shown)
                CollectionAssert.Contains(links, path, $"{user} is shown {path}");
            foreach (var path in hidden)
                CollectionAssert.DoesNotContain(links, path, $"{user} is not shown {path}");
            CollectionAssert.IsSubsetOf(new[] { "/?view=waiting", "/?view=in-progress", "/?view=done" }, links, $"{user}: the inbox's trays");
        }
        var anonymous = await host.CreateClient().GetStringAsync("/login");
        Assert.IsFalse(anonymous.Contains("id=\"menu\"", StringComparison.Ordinal), "no navigation before signing in");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Each_tray_count_in_the_navigation_is_the_number_of_rows_that_tray_lists(DatabaseProvider provider)
    {
        await using var host = await DocBpmWebFactory.CreateAsync(provider);
        OutgoingPeople.UseTestKeys(host, OutgoingPeople.Wednesday);
        var people = await OutgoingPeople.StartAsync(host);
        var id = await people.Drafter.CreateOutgoingAsync(new
        {
            typeCode = "CV", subject = "Về việc rà soát thiết bị dạy học", recipients = new object[] { new { kind = "Unit", code = "TCCB" } },
        });
        await AssertCountsAsync(people.Drafter, "drafter, drafting");
        await people.Drafter.UploadAsync(id, "du-thao.pdf", OutgoingClient.Pdf("dự thảo"));
        await people.Drafter.StepAsync(id, "submit", new { reviewers = Array.Empty<string>() });

        var drafter = await AssertCountsAsync(people.Drafter, "drafter, submitted");
        var head = await AssertCountsAsync(people.Head, "unit head, asked to check");
        Assert.IsTrue(drafter["done"] >= 1, "the drafter's submitted step is among the steps done");
        Assert.IsTrue(head["waiting"] + head["in-progress"] >= 1, "the head has the check to do");
    }

    /// <summary>Each tray's count against the rows of that tray's page; an unread (waiting) count is in bold.</summary>
    private static async Task<Dictionary<string, int>> AssertCountsAsync(HttpClient person, string who)
    {
        var menu = Menu(await person.GetStringAsync("/"));
        var counts = CountPattern().Matches(menu).ToDictionary(m => m.Groups["tray"].Value, m => int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture));
        CollectionAssert.AreEquivalent(new[] { "waiting", "in-progress", "done" }, counts.Keys, who);
        foreach (var (tray, count) in counts)
        {
            var page = await person.GetStringAsync($"/?view={tray}");
            Assert.AreEqual(count, Rows(page), $"{who}: {tray}");
        }
        Assert.AreEqual(counts["waiting"] > 0, menu.Contains("href=\"/?view=waiting\" class=\"unread\"", StringComparison.Ordinal), $"{who}: unread in bold");
        return counts;
    }

    private static string Menu(string page)
    {
        var start = page.IndexOf("<nav id=\"menu\"", StringComparison.Ordinal);
        Assert.IsTrue(start >= 0, "the page has the navigation");
        return page[start..page.IndexOf("</nav>", start, StringComparison.Ordinal)];
    }

    private static List<string> Links(string html) => [.. HrefPattern().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))];

    private static int Rows(string page)
    {
        var start = page.IndexOf("<table id=\"inbox\"", StringComparison.Ordinal);
        if (start < 0)
            return 0;
        var table = page[start..page.IndexOf("</table>", start, StringComparison.Ordinal)];
        return RowPattern().Count(table[table.IndexOf("<tbody", StringComparison.Ordinal)..]);
    }

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex HrefPattern();

    [GeneratedRegex("data-tray=\"(?<tray>[a-z-]+)\">(?<n>[0-9]+)<")]
    private static partial Regex CountPattern();

    [GeneratedRegex("<tr[ >]")]
    private static partial Regex RowPattern();
}
