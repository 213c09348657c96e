using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Documents.Outgoing;
using DocBpm.Documents.ProvincialTasks;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Engine.Timers;
using DocBpm.Web.Tests.Outgoing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocBpm.Web.Tests.ProvincialTasks;

/// <summary>
/// "Khởi tạo văn bản đi" at "Văn bản trả lời" of a task (Article 12.1b) is one step: the draft answering the task
/// document and its link to the task are stored together or not at all.
/// </summary>
[TestClass]
public sealed class ProvincialTaskReplyTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    private static readonly DateTimeOffset Deadline = VietnamTime.At(2026, 12, 4, 17, 0);

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Article12_1b_the_reply_draft_answers_the_task_document_and_is_linked_to_the_task_in_one_step(DatabaseProvider provider)
    {
        await using var s = await ProvincialScenario.StartAsync(provider);
        var task = await s.TaskAtHandlerAsync("121", "Báo cáo kết quả thi học sinh giỏi", Deadline);

        var response = await s.StartReplyAsync(task);

        Assert.AreEqual(201, (int)response.StatusCode, await response.Content.ReadAsStringAsync());
        var reply = (Guid)(await response.Content.ReadFromJsonAsync<JsonNode>())!["id"]!;
        var draft = await s.Handler.PageAsync(reply);
        Assert.AreEqual(s.CarrierId, (Guid?)draft["inReplyTo"]?["id"], "the draft answers the incoming document carrying the task");
        Assert.AreEqual(AxisServer.Province, (string?)draft["recipients"]![0]!["code"]);
        Assert.AreEqual((1, 1, (Guid?)reply), await StoredAsync(s, task));
        Assert.IsFalse((await s.Handler.GetFromJsonAsync<JsonArray>("/api/tasks/mine"))!.Any(t => (string?)t!["elementId"] == "HandlerReplies"),
            "the handler's reply step is done");
    }

    [TestMethod]
    public async Task Article12_1b_the_incoming_page_of_a_task_document_sends_the_reply_to_the_task_page()
    {
        await using var s = await ProvincialScenario.StartAsync(DatabaseProvider.Sqlite);
        var task = await s.TaskAtHandlerAsync("122", "Báo cáo công tác tuyển sinh", Deadline);

        var page = WebUtility.HtmlDecode(await s.Handler.GetStringAsync($"/incoming/{s.CarrierId}"));

        StringAssert.Contains(page, $"<a href=\"/provincial-tasks/{task}\">Dòng 1: Báo cáo công tác tuyển sinh</a>");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Article12_1b_a_refused_reply_leaves_no_draft_and_no_link(DatabaseProvider provider)
    {
        await using var s = await ProvincialScenario.StartAsync(provider);
        var task = await s.TaskAtHandlerAsync("122", "Báo cáo công tác tuyển sinh", Deadline);

        await Expect.RefusedAsync(await s.StartReplyAsync(task, s.UnitHead), "not-handler");
        await RefusedAsDraftAsync(await s.StartReplyAsync(task, agencies: "000.00.99.H99"), "000.00.99.H99");
        await RefusedAsDraftAsync(await s.StartReplyAsync(task, typeCode: "XX"), "XX");
        Assert.AreEqual((0, 0, (Guid?)null), await StoredAsync(s, task), "no stray draft, no outgoing process, no link");

        var first = await s.StartReplyAsync(task);
        await Expect.SuccessAsync(first);
        var reply = (Guid)(await first.Content.ReadFromJsonAsync<JsonNode>())!["id"]!;
        await Expect.RefusedAsync(await s.StartReplyAsync(task), "reply-open");
        Assert.AreEqual((1, 1, (Guid?)reply), await StoredAsync(s, task), "a reply already open is not replaced");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Article12_1b_two_reply_requests_at_once_leave_one_linked_draft(DatabaseProvider provider)
    {
        await using var s = await ProvincialScenario.StartAsync(provider);
        var task = await s.TaskAtHandlerAsync("123", "Báo cáo công tác thi đua", Deadline);
        var body = new
        {
            typeCode = "BC", subject = "Báo cáo kết quả thực hiện nhiệm vụ",
            recipients = new[] { new { kind = "Agency", code = AxisServer.Province } },
        };

        var responses = await Task.WhenAll(Enumerable.Range(0, 2)
            .Select(_ => s.Handler.PostAsJsonAsync($"/api/provincial-tasks/{task}/reply-draft", body)));

        var created = responses.Where(r => (int)r.StatusCode == 201).ToList();
        Assert.HasCount(1, created, "exactly one reply is started");
        Assert.AreEqual(409, (int)responses.Single(r => (int)r.StatusCode != 201).StatusCode);
        var reply = (Guid)(await created[0].Content.ReadFromJsonAsync<JsonNode>())!["id"]!;
        Assert.AreEqual((1, 1, (Guid?)reply), await StoredAsync(s, task), "the losing request left no draft behind");
    }

    [TestMethod]
    public async Task A_task_document_recorded_by_hand_gets_its_reply_linked_to_the_task_without_an_incoming_document_to_answer()
    {
        await using var s = await ProvincialScenario.StartAsync(DatabaseProvider.Sqlite);
        var recorded = await s.StepAsync(s.Clerk, "/api/provincial-tasks/documents", new
        {
            code = "77/UBND-KGVX", subject = "Về việc báo cáo công tác phòng chống bão lũ",
            lines = new[] { new { content = "Báo cáo thiệt hại cơ sở vật chất trường học", deadline = Deadline } },
        });
        var task = ProvincialScenario.LineId((await recorded.Content.ReadFromJsonAsync<JsonNode>())!, 1);
        await s.ToHandlerAsync(task);

        var response = await s.StartReplyAsync(task);

        await Expect.SuccessAsync(response);
        var reply = (Guid)(await response.Content.ReadFromJsonAsync<JsonNode>())!["id"]!;
        Assert.IsNull((await s.Handler.PageAsync(reply))["inReplyTo"], "no incoming document carries a paper task document");
        Assert.AreEqual((1, 1, (Guid?)reply), await StoredAsync(s, task));
    }

    private static async Task RefusedAsDraftAsync(HttpResponseMessage response, string named)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(422, (int)response.StatusCode, body);
        StringAssert.Contains((string?)JsonNode.Parse(body)!["detail"], named);
    }

    /// <summary>Outgoing documents and outgoing processes stored, and the task's linked reply.</summary>
    private static async Task<(int Drafts, int Processes, Guid? Reply)> StoredAsync(ProvincialScenario s, Guid task)
    {
        await using var scope = s.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbContext>();
        return (await db.Set<OutgoingDocument>().CountAsync(),
            await db.Set<InstanceRecord>().CountAsync(i => i.DefinitionKey == "outgoing"),
            await db.Set<ProvincialTask>().Where(t => t.Id == task).Select(t => t.ReplyOutgoingId).SingleAsync());
    }
}
