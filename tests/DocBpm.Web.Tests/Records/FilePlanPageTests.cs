using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static DocBpm.Web.Tests.Records.PageForms;
using static DocBpm.Web.Tests.Records.RecordAnswers;

namespace DocBpm.Web.Tests.Records;

/// <summary>
/// NĐ30 Article 28 and Phụ lục V on the plan's pages: the office builds the year's plan with the page's forms (posted as
/// a browser posts them), the numbering follows every change, and a plan under review or approved refuses edits. One
/// host for the class; each test has its own year (last, this or next).
/// </summary>
[TestClass]
public sealed class FilePlanPageTests
{
    private const string Permanent = "TT 08/2025/TT-BGDĐT — Tổ chức cán bộ — Hồ sơ tuyển dụng viên chức: Vĩnh viễn";
    private static DocBpmWebFactory host = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        host = await RecordsHost.StartAsync();
        await OkAsync(await (await host.LoginAsync("chanhvanphong")).PostAsJsonAsync("/api/records/retention", new[]
        {
            new { source = "TT 08/2025/TT-BGDĐT", group = "Tổ chức cán bộ", item = "Hồ sơ tuyển dụng viên chức", years = (int?)null },
            new { source = "TT 08/2025/TT-BGDĐT", group = "Tổ chức cán bộ", item = "Hồ sơ nâng lương", years = (int?)20 },
        }));
    }

    [ClassCleanup]
    public static async Task StopAsync() => await host.DisposeAsync();

    internal static async Task<JsonNode> PlanAsync(HttpClient client, Guid plan) => await OkAsync(await client.GetAsync($"/api/records/plans/{plan}"));

    private static async Task<string> NumberingAsync(HttpClient client, Guid plan) =>
        string.Join(" ", (await PlanAsync(client, plan))["files"]!.AsArray().Select(f => $"{f!["notation"]}={f["title"]}"));

    internal static Guid HeadingOf(JsonNode plan, string abbreviation) =>
        (Guid)plan["headings"]!.AsArray().Single(h => (string?)h!["abbreviation"] == abbreviation)!["id"]!;

    private static Guid FileOf(JsonNode plan, string title) => (Guid)plan["files"]!.AsArray().Single(f => (string?)f!["title"] == title)!["id"]!;

    internal static async Task<Guid> NewPlanAsync(HttpClient office, int year)
    {
        await PostFormAsync(office, "/records", "plan", ("year", year.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return (Guid)(await OkAsync(await office.GetAsync("/api/records/plans"))).AsArray().Single(p => (int)p!["year"]! == year)!["id"]!;
    }

    private static Task<HttpResponseMessage> FileFormAsync(HttpClient office, Guid plan, Guid heading, string title, string retention, string keeper,
        string? id = null) =>
        PostFormAsync(office, $"/records/plans/{plan}", "file", ("FileInput.Id", id ?? ""), ("FileInput.HeadingId", heading.ToString()),
            ("FileInput.Title", title), ("FileInput.Retention", retention), ("FileInput.Keeper", keeper), ("FileInput.Note", ""));

    [TestMethod]
    public async Task Decree30_Article28_the_clerk_builds_a_plan_of_two_headings_and_three_files_on_its_page_numbered_as_it_changes_and_submits_it()
    {
        var clerk = await host.LoginAsync("vanthu");
        var plan = await NewPlanAsync(clerk, 2025);
        var url = $"/records/plans/{plan}";
        await DoneAsync(await PostFormAsync(clerk, url, "heading", ("HeadingInput.Title", "Tổ chức cán bộ"), ("HeadingInput.Abbreviation", "tccb")), "Đã thêm đề mục.");
        await DoneAsync(await PostFormAsync(clerk, url, "heading", ("HeadingInput.Title", "Kế hoạch tài chính"), ("HeadingInput.Abbreviation", "KHTC")), "Đã thêm đề mục.");
        var view = await PlanAsync(clerk, plan);
        var (tccb, khtc) = (HeadingOf(view, "TCCB"), HeadingOf(view, "KHTC"));

        var page = await PageAsync(clerk, url);
        StringAssert.Contains(page, $"<option value=\"{Permanent}\">", "the retention schedule's rows are the pick-list, with source, group, item and period");
        StringAssert.Contains(page, "<option value=\"person:chuyenvien\">Mã Văn Viên", "the keeper is chosen by full name, grouped by unit");
        await DoneAsync(await FileFormAsync(clerk, plan, tccb, "Hồ sơ tuyển dụng viên chức năm 2025", Permanent, "person:chuyenvien"), "Đã thêm hồ sơ vào danh mục.");
        await DoneAsync(await FileFormAsync(clerk, plan, khtc, "Hồ sơ dự toán ngân sách", "10 năm", "unit:KHTC"), "Đã thêm hồ sơ vào danh mục.");
        await DoneAsync(await FileFormAsync(clerk, plan, tccb, "Hồ sơ nâng lương", "TT 08/2025/TT-BGDĐT — Tổ chức cán bộ — Hồ sơ nâng lương: 20 năm", ""),
            "Đã thêm hồ sơ vào danh mục.");
        Assert.AreEqual("01.TCCB=Hồ sơ tuyển dụng viên chức năm 2025 02.TCCB=Hồ sơ nâng lương 03.KHTC=Hồ sơ dự toán ngân sách", await NumberingAsync(clerk, plan),
            "a file added under the first heading takes its place there; the serial runs through the plan");
        view = await PlanAsync(clerk, plan);
        var first = view["files"]![0]!;
        Assert.AreEqual("Vĩnh viễn/chuyenvien/GDTrH", $"{first["retention"]}/{first["keeper"]}/{first["unitCode"]}", "the keeper's unit with him");
        Assert.AreEqual("20 năm", (string?)view["files"]![1]!["retention"], "the period of the schedule's row picked");
        Assert.AreEqual("KHTC", (string?)view["files"]![2]!["unitCode"], "a unit without a keeper");

        var bad = await FileFormAsync(clerk, plan, tccb, " ", "mãi mãi", "person:someone");
        var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.AreEqual(HttpStatusCode.OK, bad.StatusCode);
        StringAssert.Contains(html, "Chưa thực hiện được, hãy sửa:", "the summary above the forms");
        StringAssert.Matches(html, new Regex("id=\"file-retention\"[^>]*>.*?<div class=\"validation-message\">Chọn thời hạn bảo quản trong bảng", RegexOptions.Singleline),
            "the message beside the retention");
        StringAssert.Contains(html, "Chọn đơn vị hoặc người lập hồ sơ trong danh sách.", "a login typed by hand is no keeper");
        Assert.IsFalse(html.Contains("class=\"notice\"", StringComparison.Ordinal), "no stale success banner over a refusal");
        Assert.AreEqual(3, (await PlanAsync(clerk, plan))["files"]!.AsArray().Count, "nothing stored");

        await DoneAsync(await PostFormAsync(clerk, url, "move", ("up", khtc.ToString())), "Đã chuyển đề mục.");
        await DoneAsync(await PostFormAsync(clerk, url, "heading", ("HeadingInput.Id", khtc.ToString()), ("HeadingInput.Title", "Tài chính"),
            ("HeadingInput.Abbreviation", "TC")), "Đã sửa đề mục.");
        Assert.AreEqual("01.TC=Hồ sơ dự toán ngân sách 02.TCCB=Hồ sơ tuyển dụng viên chức năm 2025 03.TCCB=Hồ sơ nâng lương", await NumberingAsync(clerk, plan));
        var raise = FileOf(await PlanAsync(clerk, plan), "Hồ sơ nâng lương");
        StringAssert.Contains(await PageAsync(clerk, $"{url}?file={raise}"), "value=\"Hồ sơ nâng lương\"", "the edit link opens the form with the file");
        await DoneAsync(await FileFormAsync(clerk, plan, khtc, "Hồ sơ nâng lương trước hạn", "10", "person:chuyenvien", raise.ToString()), "Đã sửa hồ sơ.");
        await DoneAsync(await FileFormAsync(clerk, plan, tccb, "Hồ sơ thừa", "5 năm", ""), "Đã thêm hồ sơ vào danh mục.");
        await DoneAsync(await PostFormAsync(clerk, url, "remove-file", ("file", FileOf(await PlanAsync(clerk, plan), "Hồ sơ thừa").ToString())),
            "Đã xoá hồ sơ khỏi danh mục.");
        Assert.AreEqual("01.TC=Hồ sơ dự toán ngân sách 02.TC=Hồ sơ nâng lương trước hạn 03.TCCB=Hồ sơ tuyển dụng viên chức năm 2025",
            await NumberingAsync(clerk, plan), "moved to the first heading it comes last there; the removed file leaves no gap");
        StringAssert.Contains(await PageAsync(clerk, url), "<td>02.TC</td><td>Hồ sơ nâng lương trước hạn</td><td>10 năm</td>");

        await DoneAsync(await PostFormAsync(clerk, url, "submit"), "Đã trình danh mục hồ sơ.");
        Assert.AreEqual("Submitted", (string?)(await PlanAsync(clerk, plan))["state"]);
        var locked = await PostFormAsync(clerk, url, "remove-heading", ("heading", tccb.ToString()));
        StringAssert.Contains(WebUtility.HtmlDecode(await locked.Content.ReadAsStringAsync()), "đang trình Giám đốc phê duyệt; chỉ sửa được khi được trả lại",
            "a page left open while the plan went to the Director gets the refusal, not an error page");
    }

    [TestMethod]
    public async Task Decree30_Article28_an_approved_plan_refuses_every_edit_as_a_problem_and_on_its_page()
    {
        var (office, director) = (await host.LoginAsync("chanhvanphong"), await host.LoginAsync("giamdoc"));
        var plan = await NewPlanAsync(office, 2026);
        var heading = (Guid)(await OkAsync(await office.PostAsJsonAsync(await office.PlanChangeAsync(plan, "/headings"), new { title = "Tổ chức cán bộ", abbreviation = "TCCB" })))["id"]!;
        var file = (Guid)(await OkAsync(await office.PostAsJsonAsync(await office.PlanChangeAsync(plan, "/files"),
            new { headingId = heading, title = "Hồ sơ tuyển dụng", retentionYears = (int?)null, keeper = "chuyenvien" })))["id"]!;
        await RefusedAsync(await office.PostAsJsonAsync(await office.PlanChangeAsync(plan, "/files"), new { headingId = heading, title = "Hồ sơ", keeper = "ai.do" }),
            (HttpStatusCode)422, "keeper");
        await office.ApprovePlanAsync(director, plan);
        var before = await NumberingAsync(office, plan);

        await RefusedAsync(await office.PutAsJsonAsync(await office.PlanChangeAsync(plan, $"/headings/{heading}"), new { title = "Cán bộ", abbreviation = "CB" }),
            (HttpStatusCode)422, "plan-approved");
        await RefusedAsync(await office.PostAsJsonAsync(await office.PlanChangeAsync(plan, $"/headings/{heading}/move"), new { ordinal = 1 }), (HttpStatusCode)422, "plan-approved");
        await RefusedAsync(await office.DeleteAsync(await office.PlanChangeAsync(plan, $"/headings/{heading}")), (HttpStatusCode)422, "plan-approved");
        await RefusedAsync(await office.PutAsJsonAsync(await office.PlanChangeAsync(plan, $"/files/{file}"), new { headingId = heading, title = "Hồ sơ khác" }),
            (HttpStatusCode)422, "plan-approved");
        await RefusedAsync(await office.DeleteAsync(await office.PlanChangeAsync(plan, $"/files/{file}")), (HttpStatusCode)422, "plan-approved");

        var url = $"/records/plans/{plan}";
        var page = await PageAsync(office, url);
        Assert.IsFalse(page.Contains("id=\"heading-form\"", StringComparison.Ordinal), "an approved plan offers no edits");
        var refused = await FileFormAsync(office, plan, heading, "Hồ sơ thêm", "5", "", file.ToString());
        Assert.AreEqual(HttpStatusCode.OK, refused.StatusCode);
        StringAssert.Contains(WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), "đã được phê duyệt, không sửa được",
            "a page left open while the plan was approved gets the refusal");
        Assert.AreEqual(before, await NumberingAsync(office, plan), "nothing changed");
    }

    [TestMethod]
    public async Task Decree30_Article28_only_the_office_and_the_Director_build_the_plan()
    {
        var (office, staff) = (await host.LoginAsync("chanhvanphong"), await host.LoginAsync("chuyenvien"));
        var plan = await NewPlanAsync(office, 2027);
        var heading = (Guid)(await OkAsync(await office.PostAsJsonAsync(await office.PlanChangeAsync(plan, "/headings"), new { title = "Tổ chức cán bộ", abbreviation = "TCCB" })))["id"]!;

        var refused = await staff.PutAsJsonAsync(await staff.PlanChangeAsync(plan, $"/headings/{heading}"), new { title = "Cán bộ", abbreviation = "CB" });
        await RefusedAsync(refused, HttpStatusCode.Forbidden, "not-office");
        StringAssert.Contains(await refused.Content.ReadAsStringAsync(), "Danh mục hồ sơ do Văn phòng lập", "the reason in Vietnamese");
        await RefusedAsync(await staff.DeleteAsync(await staff.PlanChangeAsync(plan, $"/headings/{heading}")), HttpStatusCode.Forbidden, "not-office");
        await RefusedAsync(await staff.PostAsync(await staff.PlanChangeAsync(plan, "/submit"), null), HttpStatusCode.Forbidden, "not-office");
        await RefusedAsync(await staff.PostAsJsonAsync(await staff.PlanChangeAsync(plan, "/files"), new { headingId = heading, title = "Hồ sơ của tôi", keeper = "chuyenvien" }),
            HttpStatusCode.Forbidden, "not-office");
        Assert.IsFalse((await PageAsync(staff, "/records")).Contains("id=\"new-plan\"", StringComparison.Ordinal), "no plan to create for the staff");
        Assert.IsFalse((await PageAsync(staff, $"/records/plans/{plan}")).Contains("id=\"heading-form\"", StringComparison.Ordinal), "the plan to read, not to edit");
        var posted = await PostFormAsync(staff, $"/records/plans/{plan}", "remove-heading", ("heading", heading.ToString()));
        Assert.AreEqual(HttpStatusCode.Forbidden, posted.StatusCode);
        StringAssert.Contains(WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync()), "Danh mục hồ sơ do Văn phòng lập, Giám đốc phê duyệt.");
        var submitted = await PostFormAsync(staff, $"/records/plans/{plan}", "submit");
        Assert.AreEqual(HttpStatusCode.Forbidden, submitted.StatusCode, "a person outside the office submits nothing, from any unit");
        var stored = await PlanAsync(office, plan);
        Assert.AreEqual(1, stored["headings"]!.AsArray().Count, "nothing removed");
        Assert.AreEqual("Draft", (string?)stored["state"]);
        Assert.AreEqual(0, stored["files"]!.AsArray().Count);
    }
}
