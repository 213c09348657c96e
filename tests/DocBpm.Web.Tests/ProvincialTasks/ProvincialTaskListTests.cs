using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Timers;

namespace DocBpm.Web.Tests.ProvincialTasks;

/// <summary>
/// Who follows which provincial tasks: the task list and the reads are scoped by role, for the API and the page alike; and
/// who may be named a task's main handler.
/// </summary>
[TestClass]
public sealed class ProvincialTaskListTests
{
    [TestMethod]
    public async Task Office_and_leaders_see_every_task_a_units_people_the_tasks_it_leads_or_coordinates_a_handler_their_own_and_others_none()
    {
        await using var s = await ProvincialScenario.StartAsync(DatabaseProvider.Sqlite);
        var document = await s.ReceiveTasksAsync("131",
            ("Báo cáo chất lượng giáo dục trung học", VietnamTime.At(2026, 12, 4, 17, 0)),
            ("Rà soát biên chế giáo viên", VietnamTime.At(2026, 12, 4, 17, 0)),
            ("Kiểm tra cơ sở vật chất", VietnamTime.At(2026, 12, 4, 17, 0)));
        var (led, coordinated, unassigned) = (ProvincialScenario.LineId(document, 1), ProvincialScenario.LineId(document, 2), ProvincialScenario.LineId(document, 3));
        await s.ToHandlerAsync(led);
        await s.AssignAsync(coordinated, "TCCB", "GDTrH");

        Guid[] all = [led, coordinated, unassigned];
        foreach (var follower in new[] { "vanthu", "chanhvanphong", "giamdoc", "phogiamdoc1", "quantri" })
            CollectionAssert.AreEquivalent(all, await ListAsync(s, follower), $"{follower} follows every task");
        CollectionAssert.AreEquivalent(new[] { led, coordinated }, await ListAsync(s, "truongphong.gdtrh"), "main or coordinating unit");
        CollectionAssert.AreEquivalent(new[] { coordinated }, await ListAsync(s, "truongphong.tccb"));
        CollectionAssert.AreEquivalent(new[] { led, coordinated }, await ListAsync(s, "chuyenvien"), "the handler's own task and the one their unit coordinates");
        CollectionAssert.AreEquivalent(new[] { led }, await ListAsync(s, "chuyenvien.khtc"), "a specialist of a coordinating unit who handles nothing");
        Assert.IsEmpty(await ListAsync(s, "chuyenvien.gdmnth"), "a unit with no part in any task");
        Assert.IsEmpty(await ListAsync(s, "phantich"));
    }

    [TestMethod]
    public async Task A_task_its_document_and_its_opinions_are_read_by_its_units_people_and_do_not_exist_for_anyone_else()
    {
        await using var s = await ProvincialScenario.StartAsync(DatabaseProvider.Sqlite);
        var document = await s.ReceiveTasksAsync("132", ("Báo cáo tuyển sinh lớp 10", VietnamTime.At(2026, 12, 4, 17, 0)));
        var task = ProvincialScenario.LineId(document, 1);
        await s.AssignAsync(task, "GDTrH", "KHTC");
        string[] reads =
        [
            $"/api/provincial-tasks/{task}", $"/api/provincial-tasks/documents/{(Guid)document["id"]!}", $"/api/provincial-tasks/{task}/coordination",
            $"/api/incoming/{s.CarrierId}",
        ];

        foreach (var reader in new[] { "chuyenvien.khtc", "chuyenvien", "truongphong.khtc", "vanthu", "giamdoc" })
        {
            var person = await s.Host.LoginAsync(reader);
            foreach (var read in reads)
                await Expect.SuccessAsync(await person.GetAsync(read));
            StringAssert.Contains(WebUtility.HtmlDecode(await person.GetStringAsync($"/provincial-tasks/{task}")), "Báo cáo tuyển sinh lớp 10", reader);
        }

        foreach (var outsider in new[] { "chuyenvien.gdmnth", "truongphong.tccb", "phantich" })
        {
            var person = await s.Host.LoginAsync(outsider);
            foreach (var read in reads)
                Assert.AreEqual(HttpStatusCode.NotFound, (await person.GetAsync(read)).StatusCode, $"{outsider} {read}");
            var page = WebUtility.HtmlDecode(await person.GetStringAsync($"/provincial-tasks/{task}"));
            StringAssert.Contains(page, "Không tìm thấy nhiệm vụ", outsider);
            Assert.IsFalse(page.Contains("Báo cáo tuyển sinh lớp 10", StringComparison.Ordinal), outsider);
        }
    }

    [TestMethod]
    public async Task A_locked_account_is_neither_offered_nor_accepted_as_main_handler_and_the_task_stays_unassigned()
    {
        await using var s = await ProvincialScenario.StartAsync(DatabaseProvider.Sqlite);
        var task = ProvincialScenario.LineId(await s.ReceiveTasksAsync("141", ("Báo cáo phổ cập giáo dục", VietnamTime.At(2026, 12, 4, 17, 0))), 1);
        await s.AssignAsync(task, "GDTrH");
        Assert.IsTrue(await OfferedAsync(s, task, "chuyenvien"), "offered while the account is usable");
        var admin = await s.Host.LoginAsync("quantri");
        await Expect.SuccessAsync(await admin.PostAsync("/api/organisation/people/chuyenvien/lock", null));

        Assert.IsFalse(await OfferedAsync(s, task, "chuyenvien"), "the pick-list leaves the locked account out");
        var refused = await s.StepAsync(s.UnitHead, $"/api/provincial-tasks/{task}/handler", new { userName = "chuyenvien" }, mustSucceed: false);
        Assert.AreEqual(HttpStatusCode.BadRequest, refused.StatusCode);
        var detail = (string?)(await refused.Content.ReadFromJsonAsync<JsonNode>())!["detail"];
        StringAssert.Contains(detail, "(chuyenvien) đang bị khóa");
        StringAssert.Contains(detail, "Không có thay đổi nào được lưu.");
        var unchanged = await s.TaskAsync(task);
        Assert.AreEqual("Assigned", (string?)unchanged["stage"]);
        Assert.IsNull((string?)unchanged["handler"]);

        await Expect.SuccessAsync(await admin.PostAsync("/api/organisation/people/chuyenvien/unlock", null));
        await s.StepAsync(s.UnitHead, $"/api/provincial-tasks/{task}/handler", new { userName = "chuyenvien" });
        Assert.AreEqual("chuyenvien", (string?)(await s.TaskAsync(task))["handler"]);
    }

    private static async Task<bool> OfferedAsync(ProvincialScenario s, Guid task, string userName) =>
        (await s.UnitHead.GetStringAsync($"/provincial-tasks/{task}")).Contains($"<option value=\"{userName}\">", StringComparison.Ordinal);

    private static async Task<List<Guid>> ListAsync(ProvincialScenario s, string userName)
    {
        var person = await s.Host.LoginAsync(userName);
        var response = await person.GetAsync("/api/provincial-tasks");
        await Expect.SuccessAsync(response);
        return [.. (await response.Content.ReadFromJsonAsync<JsonArray>())!.Select(t => (Guid)t!["id"]!)];
    }
}
