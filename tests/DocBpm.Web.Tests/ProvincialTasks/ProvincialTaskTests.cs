using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Documents.Exchange;
using DocBpm.Edxml;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Engine.Timers;
using DocBpm.Web.Tests.Incoming;

namespace DocBpm.Web.Tests.ProvincialTasks;

/// <summary>Chapter III of Decision 1384 over HTTP: tasks of the Provincial People's Committee from arrival to approval.</summary>
[TestClass]
public sealed class ProvincialTaskTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    private static readonly DateTimeOffset Friday = VietnamTime.At(2026, 11, 27, 17, 0);
    private static readonly DateTimeOffset NextWednesday = VietnamTime.At(2026, 12, 2, 17, 0);

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Article12_1a_each_task_line_has_its_own_deadline_and_is_reconciled_on_its_own(DatabaseProvider provider)
    {
        await using var s = await ProvincialScenario.StartAsync(provider);
        var document = await s.ReceiveTasksAsync("101",
            ("Báo cáo kết quả tuyển sinh lớp 10", Friday),
            ("Rà soát đội ngũ giáo viên", NextWednesday),
            ("Kiểm tra an toàn giao thông (giao nhầm)", NextWednesday));
        var (first, second, third) = (ProvincialScenario.LineId(document, 1), ProvincialScenario.LineId(document, 2), ProvincialScenario.LineId(document, 3));

        await s.StepAsync(s.Clerk, $"/api/provincial-tasks/{first}/reconcile", new { decision = "Accept" });
        await s.StepAsync(s.Clerk, $"/api/provincial-tasks/{second}/reconcile",
            new { decision = "AskCorrection", note = "Thời hạn trên Hệ thống khác văn bản giao nhiệm vụ" });
        await s.StepAsync(s.Clerk, $"/api/provincial-tasks/{second}/reconcile",
            new { decision = "Accept", deadline = VietnamTime.At(2026, 12, 4, 17, 0) });
        var noReason = await s.StepAsync(s.Clerk, $"/api/provincial-tasks/{third}/reconcile", new { decision = "Return" }, mustSucceed: false);
        await Expect.RefusedAsync(noReason, "reason-required");
        await s.StepAsync(s.Clerk, $"/api/provincial-tasks/{third}/reconcile", new { decision = "Return", note = "Không thuộc thẩm quyền của Sở" });

        Assert.AreEqual(3, document["tasks"]!.AsArray().Count, "one line per task of the document");
        Assert.AreEqual("Registered", (string?)(await s.TaskAsync(first))["stage"]);
        Assert.AreEqual(Friday, (DateTimeOffset)(await s.TaskAsync(first))["deadline"]!);
        Assert.AreEqual(VietnamTime.At(2026, 12, 4, 17, 0), (DateTimeOffset)(await s.TaskAsync(second))["deadline"]!, "the corrected deadline");
        Assert.AreEqual("Returned", (string?)(await s.TaskAsync(third))["status"]);
        var directorTasks = (await s.Director.GetFromJsonAsync<JsonArray>("/api/tasks/mine"))!
            .Where(t => (string?)t!["elementId"] == "DirectorAssigns").Select(t => (string?)t!["businessKey"]).Order().ToList();
        CollectionAssert.AreEqual(new[] { first.ToString(), second.ToString() }.Order().ToList(), directorTasks,
            "the clerk forwards every accepted task line to the Director");
    }

    [TestMethod]
    public async Task Article12_1a_a_returned_line_and_a_correction_request_reach_the_provincial_office_as_status_02_with_the_reason()
    {
        await using var s = await ProvincialScenario.StartAsync(DatabaseProvider.Sqlite);
        var document = await s.ReceiveTasksAsync("103", ("Rà soát đội ngũ giáo viên", NextWednesday), ("Kiểm tra an toàn giao thông", NextWednesday));

        await s.StepAsync(s.Clerk, $"/api/provincial-tasks/{ProvincialScenario.LineId(document, 1)}/reconcile",
            new { decision = "AskCorrection", note = "Thời hạn trên Hệ thống khác văn bản giao nhiệm vụ" });
        await s.StepAsync(s.Clerk, $"/api/provincial-tasks/{ProvincialScenario.LineId(document, 2)}/reconcile",
            new { decision = "Return", note = "Không thuộc thẩm quyền của Sở" });

        var taskDocument = (await s.Clerk.GetFromJsonAsync<JsonArray>("/api/exchange/received"))!.Single()!;
        var refusals = (await s.ProvincialOffice.StatusesAsync((string)taskDocument["documentId"]!, CancellationToken.None))
            .Where(st => st.StatusCode == "02").Select(st => st.Description).ToList();
        CollectionAssert.AreEquivalent(new[]
        {
            "Đề nghị điều chỉnh nhiệm vụ 1 (Rà soát đội ngũ giáo viên): Thời hạn trên Hệ thống khác văn bản giao nhiệm vụ",
            "Nhiệm vụ 2 (Kiểm tra an toàn giao thông) được trả lại do giao nhầm: Không thuộc thẩm quyền của Sở",
        }, refusals, "what the clerk decided reaches the provincial office, not only the local record");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Article12_2_the_reply_issue_time_is_the_completion_time_and_the_province_approves_it(DatabaseProvider provider)
    {
        await using var s = await ProvincialScenario.StartAsync(provider);
        var task = await s.TaskAtHandlerAsync("102", "Báo cáo kết quả tuyển sinh", Friday);

        var reply = await s.ReplyAndIssueAsync(task);
        var issuedAt = s.LastIssuedAt;
        var proposed = await s.TaskAsync(task);
        Assert.AreEqual("CompletionProposed", (string?)proposed["status"]);
        var taskDocument = (await s.Clerk.GetFromJsonAsync<JsonArray>("/api/exchange/received"))!.Single()!;
        var statuses = await s.ProvincialOffice.StatusesAsync((string)taskDocument["documentId"]!, CancellationToken.None);
        Assert.IsTrue(statuses.Any(st => st.StatusCode == "06" && st.Description!.Contains(reply, StringComparison.Ordinal)),
            "the task's result reaches the provincial office when the reply is issued");

        await s.UntilAsync(s.Host.Clock.GetUtcNow().AddHours(3));
        await s.ProvinceDecidesAsync(reply, ExchangeStatus.Completed, "Phê duyệt hoàn thành");

        var approved = await s.TaskAsync(task);
        Assert.AreEqual("Completed", (string?)approved["stage"]);
        Assert.AreEqual("CompletedOnTime", (string?)approved["status"]);
        Assert.AreEqual(issuedAt, (DateTimeOffset)approved["completedAt"]!, "completion counts from the issue of the reply, not the approval");
    }

    [TestMethod]
    public async Task Article12_1c_a_rejected_reply_sends_the_main_handler_back_to_start_over()
    {
        await using var s = await ProvincialScenario.StartAsync(DatabaseProvider.Sqlite);
        var task = await s.TaskAtHandlerAsync("103", "Báo cáo chuyển đổi số", NextWednesday);
        var first = await s.ReplyAndIssueAsync(task);

        await s.ProvinceDecidesAsync(first, ExchangeStatus.Refused, "Báo cáo thiếu số liệu cấp huyện");

        var rejected = await s.TaskAsync(task);
        Assert.AreEqual("InProgress", (string?)rejected["stage"]);
        Assert.AreEqual("Rejected", (string?)rejected["status"]);
        Assert.AreEqual(1, (int)rejected["rejections"]!);
        Assert.IsNull(rejected["completedAt"], "a rejected reply completes nothing");
        Assert.AreEqual(task.ToString(), (string?)(await s.Handler.MyTaskAsync("HandlerReplies"))["businessKey"], "the handler replies again");

        var second = await s.ReplyAndIssueAsync(task);
        await s.ProvinceDecidesAsync(second, ExchangeStatus.Completed);
        Assert.AreEqual("CompletedOnTime", (string?)(await s.TaskAsync(task))["status"]);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Article12_3_an_extension_within_the_deadline_moves_the_deadline_and_its_timers(DatabaseProvider provider)
    {
        await using var s = await ProvincialScenario.StartAsync(provider);
        var task = await s.TaskAtHandlerAsync("104", "Tổng kết phong trào thi đua", Friday);
        var letter = await s.LetterSentToProvinceAsync();
        var newDeadline = VietnamTime.At(2026, 12, 11, 17, 0);

        var unissued = await s.StepAsync(s.Handler, $"/api/provincial-tasks/{task}/extension",
            new { letterDocumentId = "000.00.12.H37,2026/11/23,78/SGDĐT-VP", requestedDeadline = newDeadline }, mustSucceed: false);
        await Expect.RefusedAsync(unissued, "letter-not-issued");
        await s.StepAsync(s.Handler, $"/api/provincial-tasks/{task}/extension", new { letterDocumentId = letter, requestedDeadline = newDeadline });
        Assert.AreEqual("Requested", (string?)(await s.TaskAsync(task))["extension"]);
        await s.ProvinceDecidesAsync(letter, ExchangeStatus.Completed, "Đồng ý gia hạn");

        var extended = await s.TaskAsync(task);
        Assert.AreEqual(newDeadline, (DateTimeOffset)extended["deadline"]!);
        Assert.AreEqual(Friday, (DateTimeOffset)extended["originalDeadline"]!);
        Assert.AreEqual("Extended", (string?)extended["status"]);

        await s.UntilAsync(VietnamTime.At(2026, 11, 30, 9, 0));
        Assert.AreEqual("Extended", (string?)(await s.TaskAsync(task))["status"], "past the old deadline, the task is not overdue");
        Assert.IsFalse((await s.OfficeChief.GetFromJsonAsync<JsonArray>("/api/tasks/mine"))!.Any(t => (string?)t!["elementId"] == "Escalate"),
            "the overdue timer of the old deadline was moved");
        Assert.AreEqual(task.ToString(), (string?)(await s.Handler.MyTaskAsync("HandlerReplies"))["businessKey"],
            "the handler goes on with the reply in the re-entered deadline scope");
        await s.UntilAsync(VietnamTime.At(2026, 12, 9, 17, 1));
        Assert.AreEqual("DueSoon", (string?)(await s.TaskAsync(task))["status"]);
        Assert.AreEqual(task.ToString(), (string?)(await s.Handler.MyTaskAsync("RemindPeople"))["businessKey"],
            "the reminder comes two working days before the new deadline");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Article12_3_an_extension_after_the_deadline_is_refused_and_the_task_is_overdue_not_completed(DatabaseProvider provider)
    {
        await using var s = await ProvincialScenario.StartAsync(provider);
        var task = await s.TaskAtHandlerAsync("105", "Báo cáo công tác phổ cập", Friday);
        var letter = await s.LetterSentToProvinceAsync();

        await s.UntilAsync(VietnamTime.At(2026, 11, 30, 8, 0));
        var late = await s.StepAsync(s.Handler, $"/api/provincial-tasks/{task}/extension",
            new { letterDocumentId = letter, requestedDeadline = VietnamTime.At(2026, 12, 11, 17, 0) }, mustSucceed: false);

        var detail = await Expect.RefusedAsync(late, "extension-too-late");
        StringAssert.Contains(detail, "quá hạn");
        var overdue = await s.TaskAsync(task);
        Assert.AreEqual("OverdueNotCompleted", (string?)overdue["status"]);
        Assert.AreEqual("None", (string?)overdue["extension"], "the refused request stored nothing");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Overdue_detection_reminds_handler_and_unit_head_before_the_deadline_and_escalates_to_the_office_chief_after(DatabaseProvider provider)
    {
        await using var s = await ProvincialScenario.StartAsync(provider);
        var task = await s.TaskAtHandlerAsync("106", "Báo cáo thống kê đầu năm", Friday);
        Assert.AreEqual("InProgress", (string?)(await s.TaskAsync(task))["status"]);

        await s.UntilAsync(VietnamTime.At(2026, 11, 25, 16, 59));
        Assert.AreEqual("InProgress", (string?)(await s.TaskAsync(task))["status"], "more than two working days before the deadline");
        await s.UntilAsync(VietnamTime.At(2026, 11, 25, 17, 0));
        Assert.AreEqual("DueSoon", (string?)(await s.TaskAsync(task))["status"]);
        Assert.AreEqual(task.ToString(), (string?)(await s.Handler.MyTaskAsync("RemindPeople"))["businessKey"]);
        Assert.AreEqual(task.ToString(), (string?)(await s.UnitHead.MyTaskAsync("RemindPeople"))["businessKey"]);

        await s.UntilAsync(Friday.AddMinutes(1));
        Assert.AreEqual("OverdueNotCompleted", (string?)(await s.TaskAsync(task))["status"]);
        Assert.AreEqual(task.ToString(), (string?)(await s.OfficeChief.MyTaskAsync("Escalate"))["businessKey"],
            "the office chief follows up the overdue task (Article 13.3)");

        var reply = await s.ReplyAndIssueAsync(task);
        await s.ProvinceDecidesAsync(reply, ExchangeStatus.Completed);
        Assert.AreEqual("CompletedLate", (string?)(await s.TaskAsync(task))["status"]);
    }

    [TestMethod]
    public async Task Article12_1b_closing_is_refused_while_a_task_is_handled_and_a_wrongly_closed_document_is_taken_back()
    {
        await using var s = await ProvincialScenario.StartAsync(DatabaseProvider.Sqlite);
        var document = await s.ReceiveTasksAsync("107", ("Báo cáo sơ kết học kỳ I", NextWednesday));
        var (documentId, task) = ((Guid)document["id"]!, ProvincialScenario.LineId(document, 1));
        await s.ToHandlerAsync(task);

        Assert.AreEqual(403, (int)(await s.StepAsync(s.OfficeChief, $"/api/provincial-tasks/documents/{documentId}/close", mustSucceed: false)).StatusCode,
            "only the clerk or the task's main handler closes or takes back the document");
        var refused = await s.StepAsync(s.Handler, $"/api/provincial-tasks/documents/{documentId}/close", mustSucceed: false);
        StringAssert.Contains(await Expect.RefusedAsync(refused, "tasks-open"), "Văn bản trả lời");

        var reply = await s.ReplyAndIssueAsync(task);
        await s.StepAsync(s.Handler, $"/api/provincial-tasks/documents/{documentId}/close");
        await s.ProvinceDecidesAsync(reply, ExchangeStatus.Refused, "Đề nghị bổ sung số liệu");
        Assert.AreEqual("Rejected", (string?)(await s.TaskAsync(task))["status"], "closed outside the proper flow, the task is not completed");
        Assert.IsTrue((bool)(await s.TaskAsync(task))["documentClosed"]!);

        var blocked = await s.StartReplyAsync(task);
        StringAssert.Contains(await Expect.RefusedAsync(blocked, "document-closed"), "lấy lại");
        await s.StepAsync(s.Handler, $"/api/provincial-tasks/documents/{documentId}/take-back");
        var second = await s.ReplyAndIssueAsync(task);
        await s.ProvinceDecidesAsync(second, ExchangeStatus.Completed);

        Assert.AreEqual("CompletedOnTime", (string?)(await s.TaskAsync(task))["status"]);
        await s.StepAsync(s.Handler, $"/api/provincial-tasks/documents/{documentId}/close");
    }

    [TestMethod]
    public async Task Article12_1b_completing_the_incoming_task_document_is_refused_while_its_task_is_handled()
    {
        await using var s = await ProvincialScenario.StartAsync(DatabaseProvider.Sqlite);
        var task = await s.TaskAtHandlerAsync("109", "Báo cáo công tác an ninh trường học", NextWednesday);
        var incoming = s.CarrierId!.Value;
        if ((bool)(await s.Clerk.DetailAsync(incoming))["actions"]!["register"]!)
            await s.Clerk.RegisterAsync(incoming);
        await Expect.SuccessAsync(await s.Director.AssignAsync(incoming, "person:chuyenvien"));

        var refused = await s.StepAsync(s.Handler, $"/api/incoming/{incoming}/complete", new { result = "Đã xong" }, mustSucceed: false);
        StringAssert.Contains(await Expect.RefusedAsync(refused, "tasks-open"), "Văn bản trả lời");
        Assert.AreEqual("Assigned", (string?)(await s.Clerk.DetailAsync(incoming))["summary"]!["status"], "the refused completion stored nothing");

        await s.ReplyAndIssueAsync(task);
        await s.StepAsync(s.Handler, $"/api/incoming/{incoming}/complete", new { result = "Đã ban hành văn bản trả lời" });
        Assert.IsTrue((bool)(await s.TaskAsync(task))["documentClosed"]!, "ending the incoming document closes the task document");
    }
}
