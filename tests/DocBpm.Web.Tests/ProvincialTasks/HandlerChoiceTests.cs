using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Timers;

namespace DocBpm.Web.Tests.ProvincialTasks;

/// <summary>The main handler the unit head names: someone of the main unit whose account is not locked.</summary>
[TestClass]
public sealed class HandlerChoiceTests
{
    [TestMethod]
    public async Task A_locked_account_is_neither_offered_nor_accepted_as_main_handler_and_the_task_stays_unassigned()
    {
        await using var s = await ProvincialScenario.StartAsync(DatabaseProvider.Sqlite);
        var task = ProvincialScenario.LineId(await s.ReceiveTasksAsync("141", ("Báo cáo phổ cập giáo dục", VietnamTime.At(2026, 12, 4, 17, 0))), 1);
        await s.StepAsync(s.Clerk, $"/api/provincial-tasks/{task}/reconcile", new { decision = "Accept" });
        await s.StepAsync(s.Director, $"/api/provincial-tasks/{task}/assign", new { mainUnit = "GDTrH", coordinatingUnits = Array.Empty<string>() });
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
}
