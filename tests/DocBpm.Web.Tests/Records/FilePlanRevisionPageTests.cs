using System.Net;
using System.Net.Http.Json;
using static DocBpm.Web.Tests.Records.FilePlanPageTests;
using static DocBpm.Web.Tests.Records.PageForms;
using static DocBpm.Web.Tests.Records.RecordAnswers;

namespace DocBpm.Web.Tests.Records;

/// <summary>
/// NĐ30 Article 28: the plan the office submits and the Director approves is the plan they read. The page's forms and the
/// API carry the plan's revision; an action on a revision someone else has changed since is refused (409, in Vietnamese)
/// and stores nothing; one that names no revision is refused too (428 over the API, the page's message on a form posted
/// without it), as it would apply to whatever the plan has become. The interleaved races themselves, on SQLite and PostgreSQL: Documents.Tests' FilePlanRevisionTests.
/// </summary>
[TestClass]
public sealed class FilePlanRevisionPageTests
{
    private static DocBpmWebFactory host = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        host = await RecordsHost.StartAsync();
    }

    [ClassCleanup]
    public static async Task StopAsync() => await host.DisposeAsync();

    [TestMethod]
    public async Task Decree30_Article28_a_form_posted_from_a_page_read_before_someone_elses_change_is_refused_on_the_page_and_over_the_API()
    {
        var (clerk, chief) = (await host.LoginAsync("vanthu"), await host.LoginAsync("chanhvanphong"));
        var plan = await NewPlanAsync(clerk, 2026);
        var url = $"/records/plans/{plan}";
        await DoneAsync(await PostFormAsync(clerk, url, "heading", ("HeadingInput.Title", "Tổ chức cán bộ"), ("HeadingInput.Abbreviation", "TCCB")), "Đã thêm đề mục.");
        var heading = HeadingOf(await PlanAsync(clerk, plan), "TCCB");
        await OkAsync(await clerk.PostAsJsonAsync(await clerk.PlanChangeAsync(plan, "/files"), new { headingId = heading, title = "Hồ sơ tuyển dụng", keeper = "chuyenvien" }));
        var read = (int)(await PlanAsync(clerk, plan))["revision"]!;
        StringAssert.Contains(await PageAsync(clerk, url), $"name=\"revision\" value=\"{read}\"", "every form posts the revision the page shows");

        await OkAsync(await chief.PutAsJsonAsync($"/api/records/plans/{plan}/headings/{heading}?revision={read}", new { title = "Cán bộ", abbreviation = "CB" }));
        var stale = await PostFormAsync(clerk, url, "heading", ("revision", read.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("HeadingInput.Id", heading.ToString()), ("HeadingInput.Title", "Tổ chức, cán bộ"), ("HeadingInput.Abbreviation", "TCCB"));
        var submit = await PostFormAsync(clerk, url, "submit", ("revision", read.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var api = await clerk.DeleteAsync($"/api/records/plans/{plan}/headings/{heading}?revision={read}");

        StringAssert.Contains(WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()), "đã được người khác sửa sau khi bạn mở",
            "the page says why and shows the plan as it now is");
        StringAssert.Contains(WebUtility.HtmlDecode(await submit.Content.ReadAsStringAsync()), "đã được người khác sửa sau khi bạn mở");
        await RefusedAsync(api, HttpStatusCode.Conflict, "plan-changed");
        StringAssert.Contains(WebUtility.HtmlDecode(await api.Content.ReadAsStringAsync()), "Tải lại trang để xem bản mới", "problem details in Vietnamese");
        var now = await PlanAsync(clerk, plan);
        Assert.AreEqual("CB:Cán bộ", $"{now["headings"]![0]!["abbreviation"]}:{now["headings"]![0]!["title"]}", "the other person's change is not lost");
        Assert.AreEqual("Draft", (string?)now["state"], "nothing submitted");
        Assert.AreEqual(read + 1, (int)now["revision"]!);
    }

    [TestMethod]
    public async Task Decree30_Article28_a_change_that_names_no_revision_is_refused_with_428_over_the_API_and_on_the_page_and_stores_nothing()
    {
        var clerk = await host.LoginAsync("vanthu");
        var plan = await NewPlanAsync(clerk, 2027);
        var url = $"/records/plans/{plan}";
        await DoneAsync(await PostFormAsync(clerk, url, "heading", ("HeadingInput.Title", "Tổ chức cán bộ"), ("HeadingInput.Abbreviation", "TCCB")), "Đã thêm đề mục.");
        var heading = HeadingOf(await PlanAsync(clerk, plan), "TCCB");
        await OkAsync(await clerk.PostAsJsonAsync(await clerk.PlanChangeAsync(plan, "/files"), new { headingId = heading, title = "Hồ sơ tuyển dụng", keeper = "chuyenvien" }));
        var before = await PlanAsync(clerk, plan);

        var api = await clerk.PutAsJsonAsync($"/api/records/plans/{plan}/headings/{heading}", new { title = "Cán bộ", abbreviation = "CB" });
        var submit = await clerk.PostAsync($"/api/records/plans/{plan}/submit", null);
        var form = await PostFormAsync(clerk, url, "submit", ("revision", ""));

        await RefusedAsync(api, HttpStatusCode.PreconditionRequired, "plan-revision-required");
        StringAssert.Contains(WebUtility.HtmlDecode(await api.Content.ReadAsStringAsync()), "phải nêu phiên bản danh mục đã xem", "problem details in Vietnamese");
        await RefusedAsync(submit, HttpStatusCode.PreconditionRequired, "plan-revision-required");
        StringAssert.Contains(WebUtility.HtmlDecode(await form.Content.ReadAsStringAsync()), "phải nêu phiên bản danh mục đã xem");
        var now = await PlanAsync(clerk, plan);
        Assert.AreEqual("TCCB:Tổ chức cán bộ:Draft", $"{now["headings"]![0]!["abbreviation"]}:{now["headings"]![0]!["title"]}:{now["state"]}");
        Assert.AreEqual((int)before["revision"]!, (int)now["revision"]!, "nothing stored");
    }
}
