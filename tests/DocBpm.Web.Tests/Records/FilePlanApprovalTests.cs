using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static DocBpm.Web.Tests.Records.RecordAnswers;

namespace DocBpm.Web.Tests.Records;

/// <summary>
/// NĐ30 Article 28 over HTTP: the year's file plan goes to the Director through workflows/file-plan.bpmn, whose steps set
/// the plan's state. One host for the class; each test has its own year (the plan may be for last, this or next year).
/// </summary>
[TestClass]
public sealed class FilePlanApprovalTests
{
    private static DocBpmWebFactory host = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        host = await RecordsHost.StartAsync();
    }

    [ClassCleanup]
    public static async Task StopAsync() => await host.DisposeAsync();

    private static void NoContent(HttpResponseMessage response) => Assert.AreEqual(HttpStatusCode.NoContent, response.StatusCode);

    /// <summary>A draft plan of <paramref name="year"/> with one heading and one file kept by the specialist.</summary>
    private static async Task<(Guid Plan, Guid File)> PlanAsync(HttpClient office, int year)
    {
        var plan = (Guid)(await OkAsync(await office.PostAsJsonAsync("/api/records/plans", new { year, serialPerHeading = false })))["id"]!;
        var heading = (Guid)(await OkAsync(await office.PostAsJsonAsync(await office.PlanChangeAsync(plan, "/headings"), new { title = "Tổ chức cán bộ", abbreviation = "TCCB" })))["id"]!;
        var file = (Guid)(await OkAsync(await office.PostAsJsonAsync(await office.PlanChangeAsync(plan, "/files"),
            new { headingId = heading, title = "Hồ sơ tuyển dụng viên chức", retentionYears = (int?)null, keeper = "chuyenvien" })))["id"]!;
        return (plan, file);
    }

    private static async Task<JsonNode> ViewAsync(HttpClient client, Guid plan) => await OkAsync(await client.GetAsync($"/api/records/plans/{plan}"));

    private static string[] Waiting(JsonNode plan) => [.. plan["waiting"]!.AsArray().Select(w => (string)w!)];

    [TestMethod]
    public async Task Decree30_Article28_the_office_submits_the_Director_returns_it_with_a_reason_the_office_resubmits_and_the_approved_plan_is_frozen()
    {
        var (office, director, staff) = (await host.LoginAsync("chanhvanphong"), await host.LoginAsync("giamdoc"), await host.LoginAsync("chuyenvien"));
        var (plan, file) = await PlanAsync(office, 2027);

        NoContent(await office.PostAsync(await office.PlanChangeAsync(plan, "/submit"), null));
        var submitted = await ViewAsync(office, plan);
        Assert.AreEqual("Submitted", (string?)submitted["state"]);
        CollectionAssert.AreEqual(new[] { "Giám đốc phê duyệt danh mục hồ sơ" }, Waiting(submitted), "the stage is the diagram's waiting step");
        await RefusedAsync(await office.PostAsJsonAsync(await office.PlanChangeAsync(plan, "/headings"), new { title = "Thi đua", abbreviation = "TD" }),
            HttpStatusCode.Conflict, "plan-submitted");
        var inbox = (await OkAsync(await director.GetAsync("/api/inbox"))).AsArray().Single(i => (Guid?)i!["filePlanId"] == plan)!;
        Assert.AreEqual("Danh mục hồ sơ năm 2027", (string?)inbox["subject"], "the Director's inbox names the plan's year");
        StringAssert.Contains(await director.GetStringAsync("/"), $"href=\"/records/plans/{plan}\"", "and links the plan page");

        await RefusedAsync(await director.PostAsJsonAsync(await director.PlanChangeAsync(plan, "/return"), new { reason = " " }), (HttpStatusCode)422, "reason-required");
        NoContent(await director.PostAsJsonAsync(await director.PlanChangeAsync(plan, "/return"), new { reason = "Thiếu hồ sơ thi đua, khen thưởng" }));
        var returned = await ViewAsync(office, plan);
        Assert.AreEqual("Draft", (string?)returned["state"]);
        Assert.AreEqual("Thiếu hồ sơ thi đua, khen thưởng", (string?)returned["returnReason"]);
        CollectionAssert.AreEqual(new[] { "Văn phòng sửa và trình lại danh mục hồ sơ" }, Waiting(returned));
        var page = WebUtility.HtmlDecode(await office.GetStringAsync($"/records/plans/{plan}"));
        StringAssert.Contains(page, "Lý do trả lại:");
        StringAssert.Contains(page, "Thiếu hồ sơ thi đua, khen thưởng");
        await RefusedAsync(await director.PostAsJsonAsync(await director.PlanChangeAsync(plan, "/approve"), new { }), HttpStatusCode.Conflict, "plan-not-submitted");
        await RefusedAsync(await staff.PostAsync($"/api/records/files/{file}/open", null), (HttpStatusCode)422, "plan-not-approved");
        await OkAsync(await office.PostAsJsonAsync(await office.PlanChangeAsync(plan, "/headings"), new { title = "Thi đua, khen thưởng", abbreviation = "TDKT" }));

        NoContent(await office.PostAsync(await office.PlanChangeAsync(plan, "/submit"), null));
        Assert.AreEqual("Submitted", (string?)(await ViewAsync(office, plan))["state"]);
        NoContent(await director.PostAsJsonAsync(await director.PlanChangeAsync(plan, "/approve"), new { decision = "05/QĐ-SGDĐT" }));

        var approved = await ViewAsync(office, plan);
        Assert.AreEqual("Approved", (string?)approved["state"]);
        Assert.AreEqual("giamdoc", (string?)approved["approvedBy"]);
        Assert.AreEqual("05/QĐ-SGDĐT", (string?)approved["decision"]);
        Assert.AreEqual(0, Waiting(approved).Length, "the process has ended");
        Assert.IsNull((string?)approved["returnReason"]);
        await RefusedAsync(await office.PostAsJsonAsync(await office.PlanChangeAsync(plan, "/headings"), new { title = "Thanh tra", abbreviation = "TTr" }),
            (HttpStatusCode)422, "plan-approved");
        await RefusedAsync(await office.PostAsync(await office.PlanChangeAsync(plan, "/submit"), null), (HttpStatusCode)422, "plan-approved");
        await OkAsync(await staff.PostAsync($"/api/records/files/{file}/open", null));
        StringAssert.Contains(WebUtility.HtmlDecode(await office.GetStringAsync($"/records/plans/{plan}")), "Đã phê duyệt");
    }

    [TestMethod]
    public async Task Decree30_Article28_only_the_Director_decides_the_approval_step_anyone_else_gets_403_and_the_generic_task_actions_are_refused()
    {
        var (office, director) = (await host.LoginAsync("chanhvanphong"), await host.LoginAsync("giamdoc"));
        var (plan, _) = await PlanAsync(office, 2025);
        await RefusedAsync(await (await host.LoginAsync("chuyenvien")).PostAsync($"/api/records/plans/{plan}/submit", null), HttpStatusCode.Forbidden,
            "not-office");
        await office.SubmitPlanAsync(plan);

        foreach (var other in new[] { "phogiamdoc1", "chanhvanphong", "vanthu", "quantri" })
        {
            var client = await host.LoginAsync(other);
            await RefusedAsync(await client.PostAsJsonAsync(await client.PlanChangeAsync(plan, "/approve"), new { }), HttpStatusCode.Forbidden, "not-reviewer");
            await RefusedAsync(await client.PostAsJsonAsync(await client.PlanChangeAsync(plan, "/return"), new { reason = "Không đồng ý" }), HttpStatusCode.Forbidden,
                "not-reviewer");
        }

        var task = (await OkAsync(await director.GetAsync("/api/tasks/mine"))).AsArray().Single(t => (string?)t!["businessKey"] == plan.ToString())!;
        Assert.AreEqual("file-plan-review", (string?)task["formKey"]);
        Assert.AreEqual(HttpStatusCode.Conflict, (await director.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete",
            new { variables = new { approved = true } })).StatusCode, "the approval is the plan page's action, never the generic completion");
        var admin = await host.LoginAsync("quantri");
        Assert.AreEqual(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/instances", new { definitionKey = "file-plan", businessKey = plan.ToString(),
            variables = new { planId = plan.ToString() } })).StatusCode, "only the plan's own submission starts its process");
        var view = await ViewAsync(office, plan);
        Assert.AreEqual("Submitted", (string?)view["state"], "nothing moved");
        CollectionAssert.AreEqual(new[] { "Giám đốc phê duyệt danh mục hồ sơ" }, Waiting(view));
    }

    [TestMethod]
    public async Task Decree30_Article28_two_approvals_at_once_one_is_204_the_other_409_and_the_plan_is_approved_once()
    {
        var office = await host.LoginAsync("chanhvanphong");
        var (first, second) = (await host.LoginAsync("giamdoc"), await host.LoginAsync("giamdoc"));
        var (plan, _) = await PlanAsync(office, 2026);
        await office.SubmitPlanAsync(plan);

        var (atFirst, atSecond) = (await first.PlanChangeAsync(plan, "/approve"), await second.PlanChangeAsync(plan, "/approve"));
        var answers = await Task.WhenAll(
            first.PostAsJsonAsync(atFirst, new { decision = "07/QĐ-SGDĐT" }),
            second.PostAsJsonAsync(atSecond, new { decision = "08/QĐ-SGDĐT" }));

        CollectionAssert.AreEquivalent(new[] { HttpStatusCode.NoContent, HttpStatusCode.Conflict }, answers.Select(a => a.StatusCode).ToArray());
        var view = await ViewAsync(office, plan);
        Assert.AreEqual("Approved", (string?)view["state"]);
        var winner = answers[0].StatusCode == HttpStatusCode.NoContent ? "07/QĐ-SGDĐT" : "08/QĐ-SGDĐT";
        Assert.AreEqual(winner, (string?)view["decision"], "the winner's decision, stored once");
        await RefusedAsync(await first.PostAsJsonAsync(await first.PlanChangeAsync(plan, "/approve"), new { }), HttpStatusCode.Conflict, "plan-not-submitted");
    }
}
