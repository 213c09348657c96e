using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Documents.Exchange;
using DocBpm.Edxml;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Engine.Timers;
using DocBpm.Web.Tests.Outgoing;

namespace DocBpm.Web.Tests.ProvincialTasks;

/// <summary>Coordinating units of a provincial task (chủ trì, phối hợp: NĐ30 Điều 23.4) over HTTP.</summary>
[TestClass]
public sealed class CoordinationTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    private static readonly DateTimeOffset NextWednesday = VietnamTime.At(2026, 12, 2, 17, 0);

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Each_coordinating_unit_gets_a_work_item_whose_opinion_the_main_handler_reads_and_the_task_end_closes_the_rest(
        DatabaseProvider provider)
    {
        await using var s = await ProvincialScenario.StartAsync(provider);
        var task = ProvincialScenario.LineId(await s.ReceiveTasksAsync("201", ("Báo cáo kinh phí chương trình", NextWednesday)), 1);
        await s.StepAsync(s.Clerk, $"/api/provincial-tasks/{task}/reconcile", new { decision = "Accept" });
        await s.StepAsync(s.Director, $"/api/provincial-tasks/{task}/assign", new { mainUnit = "GDTrH", coordinatingUnits = new[] { "KHTC", "TCCB" } });
        var finance = await s.Host.LoginAsync("chuyenvien.khtc");
        var personnel = await s.Host.LoginAsync("truongphong.tccb");
        var outsider = await s.Host.LoginAsync("chuyenvien.gdmnth");

        Assert.AreEqual(task.ToString(), (string?)(await finance.MyTaskAsync("Coordinate"))["businessKey"]);
        Assert.AreEqual("KHTC", (string?)(await finance.MyTaskAsync("Coordinate"))["candidateGroups"], "the item is offered to the unit");
        Assert.AreEqual(task, (Guid?)(await finance.GetFromJsonAsync<JsonArray>("/api/inbox"))!.Single()!["provincialTaskId"], "the inbox leads to the task");
        Assert.AreEqual(task.ToString(), (string?)(await personnel.MyTaskAsync("Coordinate"))["businessKey"]);
        CollectionAssert.AreEqual(new[] { "KHTC", "TCCB" }, Waiting(await CoordinationAsync(s.Handler, task)));

        await s.StepAsync(s.UnitHead, $"/api/provincial-tasks/{task}/handler", new { userName = "chuyenvien" });
        var pdf = OutgoingClient.Pdf("Số liệu kinh phí");
        Assert.AreEqual(201, (int)(await GiveAsync(finance, task, "KHTC thống nhất số liệu kinh phí", ("so-lieu.pdf", pdf))).StatusCode);

        Assert.AreEqual(409, (int)(await GiveAsync(finance, task, "Ý kiến lần hai")).StatusCode, "one opinion per item");
        Assert.AreEqual(409, (int)(await GiveAsync(outsider, task, "Không được giao")).StatusCode, "only a coordinating unit gives an opinion");
        Assert.AreEqual(409, (int)(await GiveAsync(await s.Host.LoginAsync("quantri"), task, "Quản trị")).StatusCode,
            "an administrator does not speak for a unit");
        var program = await GiveAsync(personnel, task, "Kèm chương trình", ("cong-cu.pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00]));
        Assert.AreEqual(422, (int)program.StatusCode, "a file outside the formats of Article 3 is refused, by its content");
        StringAssert.Contains(await program.Content.ReadAsStringAsync(), "cong-cu.pdf");
        var empty = await GiveAsync(personnel, task, " ");
        Assert.AreEqual(422, (int)empty.StatusCode);
        StringAssert.Contains(await empty.Content.ReadAsStringAsync(), "ý kiến phối hợp");
        var seen = await CoordinationAsync(s.Handler, task);
        Assert.AreEqual(1, seen["opinions"]!.AsArray().Count, "the refused opinions stored nothing");
        CollectionAssert.AreEqual(new[] { "TCCB" }, Waiting(seen));
        var opinion = seen["opinions"]![0]!;
        Assert.AreEqual("KHTC", (string?)opinion["unitCode"]);
        Assert.AreEqual("chuyenvien.khtc", (string?)opinion["userName"]);
        Assert.AreEqual("KHTC thống nhất số liệu kinh phí", (string?)opinion["text"]);
        CollectionAssert.AreEqual(pdf, await s.Handler.GetByteArrayAsync((string)opinion["fileUrl"]!), "the main handler reads the attached file");
        var handlerPage = WebUtility.HtmlDecode(await s.Handler.GetStringAsync($"/provincial-tasks/{task}"));
        StringAssert.Contains(handlerPage, "KHTC thống nhất số liệu kinh phí", "the task page shows the opinion to the main handler");
        Assert.IsFalse(handlerPage.Contains("Gửi ý kiến phối hợp", StringComparison.Ordinal), "the main handler has no coordination item");
        StringAssert.Contains(WebUtility.HtmlDecode(await personnel.GetStringAsync($"/provincial-tasks/{task}")), "Gửi ý kiến phối hợp", "the coordinating unit's form");

        var reply = await s.ReplyAndIssueAsync(task);
        await s.ProvinceDecidesAsync(reply, ExchangeStatus.Completed);

        Assert.AreEqual("CompletedOnTime", (string?)(await s.TaskAsync(task))["status"], "an unanswered coordination item does not hold up the task");
        Assert.IsFalse((await personnel.GetFromJsonAsync<JsonArray>("/api/tasks/mine"))!.Any(t => (string?)t!["elementId"] == "Coordinate"),
            "the open coordination item ended with the task");
        Assert.AreEqual(0, Waiting(await CoordinationAsync(s.Handler, task)).Length);
        Assert.AreEqual(409, (int)(await GiveAsync(personnel, task, "Quá muộn")).StatusCode);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Changing_the_coordinating_units_changes_the_work_items_and_never_asks_a_unit_twice(DatabaseProvider provider)
    {
        await using var s = await ProvincialScenario.StartAsync(provider);
        var task = await s.TaskAtHandlerAsync("202", "Rà soát cơ sở vật chất trường học", NextWednesday);
        var finance = await s.Host.LoginAsync("chuyenvien.khtc");
        var personnel = await s.Host.LoginAsync("truongphong.tccb");
        var primary = await s.Host.LoginAsync("chuyenvien.gdmnth");
        Assert.AreEqual(201, (int)(await GiveAsync(finance, task, "KHTC đã rà soát kinh phí sửa chữa")).StatusCode);

        await s.Host.RunDueWorkAsync();
        await ChangeAsync(s, s.Director, task, "KHTC", "TCCB");
        CollectionAssert.AreEqual(new[] { "TCCB" }, Waiting(await CoordinationAsync(s.Handler, task)), "a unit that gave its opinion gets no new item");
        Assert.AreEqual(task.ToString(), (string?)(await personnel.MyTaskAsync("Coordinate"))["businessKey"]);

        await ChangeAsync(s, s.Director, task, "GDMNTH");
        CollectionAssert.AreEqual(new[] { "GDMNTH" }, Waiting(await CoordinationAsync(s.Handler, task)));
        Assert.IsFalse((await personnel.GetFromJsonAsync<JsonArray>("/api/tasks/mine"))!.Any(t => (string?)t!["elementId"] == "Coordinate"),
            "a unit taken off the task loses its item");
        Assert.AreEqual(task.ToString(), (string?)(await primary.MyTaskAsync("Coordinate"))["businessKey"]);
        CollectionAssert.AreEqual(new[] { "GDMNTH" }, (await s.TaskAsync(task))["coordinatingUnits"]!.AsArray().Select(u => (string?)u).ToArray());

        var both = await s.StepAsync(s.Director, $"/api/provincial-tasks/{task}/coordinating-units", new { coordinatingUnits = new[] { "GDTrH" } },
            mustSucceed: false);
        await Expect.RefusedAsync(both, "main-also-coordinating");
        var unknown = await s.StepAsync(s.Director, $"/api/provincial-tasks/{task}/coordinating-units", new { coordinatingUnits = new[] { "XYZ" } },
            mustSucceed: false);
        await Expect.RefusedAsync(unknown, "unknown-unit");
        Assert.AreEqual(403, (int)(await s.StepAsync(s.Handler, $"/api/provincial-tasks/{task}/coordinating-units",
            new { coordinatingUnits = new[] { "TCCB" } }, mustSucceed: false)).StatusCode, "only the Director or a deputy changes the units");
        CollectionAssert.AreEqual(new[] { "GDMNTH" }, Waiting(await CoordinationAsync(s.Handler, task)), "the refused changes changed nothing");
    }

    [TestMethod]
    public async Task An_extension_reenters_the_deadline_scope_without_asking_a_unit_that_answered_again()
    {
        await using var s = await ProvincialScenario.StartAsync(DatabaseProvider.Sqlite);
        var task = ProvincialScenario.LineId(await s.ReceiveTasksAsync("203", ("Báo cáo đội ngũ nhà giáo", NextWednesday)), 1);
        await s.StepAsync(s.Clerk, $"/api/provincial-tasks/{task}/reconcile", new { decision = "Accept" });
        await s.StepAsync(s.Director, $"/api/provincial-tasks/{task}/assign", new { mainUnit = "GDTrH", coordinatingUnits = new[] { "KHTC", "TCCB" } });
        await s.StepAsync(s.UnitHead, $"/api/provincial-tasks/{task}/handler", new { userName = "chuyenvien" });
        Assert.AreEqual(201, (int)(await GiveAsync(await s.Host.LoginAsync("chuyenvien.khtc"), task, "KHTC không có ý kiến khác")).StatusCode);

        var letter = await s.LetterSentToProvinceAsync();
        await s.StepAsync(s.Handler, $"/api/provincial-tasks/{task}/extension",
            new { letterDocumentId = letter, requestedDeadline = NextWednesday.AddDays(7) });
        await s.ProvinceDecidesAsync(letter, ExchangeStatus.Completed, "Đồng ý gia hạn");

        Assert.AreEqual("Extended", (string?)(await s.TaskAsync(task))["status"]);
        CollectionAssert.AreEqual(new[] { "TCCB" }, Waiting(await CoordinationAsync(s.Handler, task)));
        var personnel = await s.Host.LoginAsync("truongphong.tccb");
        Assert.AreEqual(1, (await personnel.GetFromJsonAsync<JsonArray>("/api/tasks/mine"))!.Count(t => (string?)t!["elementId"] == "Coordinate"),
            "the unit still asked has one item, due at the new deadline");
        Assert.AreEqual(NextWednesday.AddDays(7), (DateTimeOffset)(await personnel.MyTaskAsync("Coordinate"))["dueDate"]!);
    }

    private static async Task ChangeAsync(ProvincialScenario s, HttpClient director, Guid task, params string[] units) =>
        await s.StepAsync(director, $"/api/provincial-tasks/{task}/coordinating-units", new { coordinatingUnits = units });

    private static async Task<HttpResponseMessage> GiveAsync(HttpClient person, Guid task, string text, (string Name, byte[] Content)? file = null)
    {
        using var form = new MultipartFormDataContent { { new StringContent(text), "text" } };
        if (file is { } f)
        {
            var content = new ByteArrayContent(f.Content);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(content, "file", f.Name);
        }

        return await person.PostAsync($"/api/provincial-tasks/{task}/opinions", form);
    }

    private static async Task<JsonNode> CoordinationAsync(HttpClient person, Guid task) =>
        (await person.GetFromJsonAsync<JsonNode>($"/api/provincial-tasks/{task}/coordination"))!;

    private static string[] Waiting(JsonNode coordination) => [.. coordination["waiting"]!.AsArray().Select(u => (string)u!)];
}
