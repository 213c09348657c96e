using System.Net;
using System.Text.RegularExpressions;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Web.Tests.Incoming;

namespace DocBpm.Web.Tests.Components;

/// <summary>
/// What the pages show of people and deadlines (issue 20): people by full name and position, never by login name; urgency
/// levels by their own label; open work "Sắp đến hạn" within two working days of its deadline and "Quá hạn" after it.
/// </summary>
[TestClass]
public sealed partial class PeopleAndDeadlinesPageTests
{
    private static readonly string[] DemoLogins = ["vanthu", "giamdoc", "chuyenvien", "truongphong.tccb", "truongphong.khtc"];

    [TestMethod]
    public async Task Document_page_and_inbox_name_people_by_full_name_and_position_never_by_login()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var id = await AssignedAsync(host, "Normal");

        var page = Text(await (await host.LoginAsync("chuyenvien")).GetStringAsync($"/incoming/{id}"));
        StringAssert.Contains(page, "giao bởi Hoàng Văn Giám (Giám đốc)", "who assigned, in the assignment tree");
        StringAssert.Contains(page, "Mã Văn Viên (Chuyên viên)", "the main handler");
        StringAssert.Contains(page, "Hà Thị Thư (Văn thư)", "who registered it, and the history");
        StringAssert.Contains(page, "Đang chờ ý kiến phối hợp của:", "the coordination waits");
        StringAssert.Contains(page, "Triệu Văn Tổ (Trưởng phòng)");
        AssertNoLogins(page, "the document page");

        var inbox = Text(await (await host.LoginAsync("truongphong.tccb")).GetStringAsync("/"));
        StringAssert.Contains(inbox, "Hoàng Văn Giám (Giám đốc)", "the document sent to coordinate says who sent it");
        AssertNoLogins(inbox, "the inbox");
    }

    [TestMethod]
    public async Task Article13_3_inbox_and_document_page_flag_work_due_soon_then_overdue_and_label_each_urgency()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var id = await AssignedAsync(host, "Flash"); // due at the end of Wednesday 25 November; the clock is on Monday 23, 08:00

        var (inbox, page) = await PagesAsync(host, id);
        StringAssert.Contains(inbox, "<span class=\"urgency urgency-flash\">Hỏa tốc</span>");
        Assert.IsFalse(inbox.Contains("Sắp đến hạn", StringComparison.Ordinal) || page.Contains("Sắp đến hạn", StringComparison.Ordinal),
            "three working days ahead it is not due soon yet");

        host.Clock.Advance(TimeSpan.FromDays(1));
        (inbox, page) = await PagesAsync(host, id);
        StringAssert.Contains(inbox, "<strong class=\"deadline due-soon\">Sắp đến hạn</strong>");
        StringAssert.Matches(inbox, DueSoonRow());
        StringAssert.Contains(page, "<strong class=\"deadline due-soon\">Sắp đến hạn</strong>");

        host.Clock.Advance(TimeSpan.FromDays(2));
        (inbox, page) = await PagesAsync(host, id);
        StringAssert.Contains(inbox, "<strong class=\"deadline overdue\">Quá hạn</strong>");
        StringAssert.Contains(page, "<strong class=\"deadline overdue\">Quá hạn</strong>");
        Assert.IsFalse(inbox.Contains("Sắp đến hạn", StringComparison.Ordinal), "overdue replaces due soon");
    }

    [TestMethod]
    public async Task Each_urgency_level_has_its_own_style_and_label()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var clerk = await host.LoginAsync("vanthu");
        await clerk.UploadAsync(host, "Văn bản khẩn", "Urgent");
        await clerk.UploadAsync(host, "Văn bản thượng khẩn", "Immediate");
        await clerk.UploadAsync(host, "Văn bản thường");

        var inbox = WebUtility.HtmlDecode(await clerk.GetStringAsync("/"));
        StringAssert.Contains(inbox, "<span class=\"urgency urgency-urgent\">Khẩn</span>");
        StringAssert.Contains(inbox, "<span class=\"urgency urgency-immediate\">Thượng khẩn</span>");
        Assert.AreEqual(2, Regex.Count(inbox, "class=\"urgency "), "an ordinary document carries no urgency label");
        StringAssert.Contains(inbox, "input, textarea, select, button { font: inherit; }",
            "text areas use the page's proportional font with Vietnamese letters, not the browser's monospace one");
    }

    /// <summary>An incoming document registered and assigned by the Director to a specialist, with two coordinators.</summary>
    private static async Task<Guid> AssignedAsync(DocBpmWebFactory host, string urgency)
    {
        var clerk = await host.LoginAsync("vanthu");
        var id = await clerk.UploadAsync(host, "Về việc sửa chữa trường học", urgency);
        await clerk.RegisterAsync(id, "Về việc sửa chữa trường học", urgency);
        (await (await host.LoginAsync("giamdoc")).AssignAsync(id, "person:chuyenvien", ["unit:KHTC", "person:truongphong.tccb"],
            deadline: "2026-11-25")).EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>Signs in again each time: the session's cookie ages with the host's clock.</summary>
    private static async Task<(string Inbox, string Page)> PagesAsync(DocBpmWebFactory host, Guid id)
    {
        var handler = await host.LoginAsync("chuyenvien");
        return (WebUtility.HtmlDecode(await handler.GetStringAsync("/")), WebUtility.HtmlDecode(await handler.GetStringAsync($"/incoming/{id}")));
    }

    private static void AssertNoLogins(string text, string where)
    {
        foreach (var login in DemoLogins)
            Assert.IsFalse(Regex.IsMatch(text, $@"(?<![\w.]){Regex.Escape(login)}(?![\w.])"), $"{where} names '{login}' by login");
    }

    /// <summary>The page's text as read: markup removed, entities decoded.</summary>
    private static string Text(string html) => WebUtility.HtmlDecode(TagPattern().Replace(html, " "));

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();

    [GeneratedRegex("<tr class=\"due-soon\"[^>]*>")]
    private static partial Regex DueSoonRow();
}
