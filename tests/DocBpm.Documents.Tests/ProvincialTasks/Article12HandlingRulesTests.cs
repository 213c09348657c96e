using DocBpm.Documents.ProvincialTasks;
using DocBpm.Engine.Timers;
using static DocBpm.Documents.Tests.ProvincialTasks.TaskScenario;

namespace DocBpm.Documents.Tests.ProvincialTasks;

/// <summary>Article 12.1–12.2 on one task line: each step only at its stage, each refusal explained and harmless.</summary>
[TestClass]
public sealed class Article12HandlingRulesTests
{
    private const string ReplyId = "000.00.12.H37,2026/11/30,12/SGDĐT-GDTrH";

    [TestMethod]
    [DataRow(ReconcileDecision.AskCorrection, null)]
    [DataRow(ReconcileDecision.AskCorrection, "   ")]
    [DataRow(ReconcileDecision.Return, "")]
    public void Article12_1a_asking_a_correction_or_returning_the_line_needs_a_reason(ReconcileDecision decision, string? note)
    {
        var task = At(TaskStage.Reconciling);
        Refused("reason-required", task, () => task.Reconcile(decision, note, "Nội dung khác", Deadline.AddDays(3)),
            logged: $"{decision} needs a note");
    }

    [TestMethod]
    public void Article12_1a_accepting_needs_no_reason_and_keeps_the_line_when_nothing_is_corrected()
    {
        var task = At(TaskStage.Reconciling);

        task.Reconcile(ReconcileDecision.Accept, null, "   ", null);

        Assert.AreEqual(TaskStage.Registered, task.Stage);
        Assert.AreEqual("Báo cáo tình hình triển khai", task.Content);
        Assert.AreEqual(Deadline, task.Deadline);
        Assert.IsNull(task.Note);
    }

    [TestMethod]
    public void Article12_1a_a_corrected_line_takes_the_new_content_and_deadline_as_its_original_deadline()
    {
        var task = At(TaskStage.AwaitingCorrection);
        var corrected = VietnamTime.At(2026, 12, 10, 17, 0);

        task.Reconcile(ReconcileDecision.Accept, "  Đã điều chỉnh theo văn bản 90/UBND-KGVX ", "  Báo cáo bổ sung  ", corrected);

        Assert.AreEqual(TaskStage.Registered, task.Stage);
        Assert.AreEqual("Báo cáo bổ sung", task.Content);
        Assert.AreEqual("Đã điều chỉnh theo văn bản 90/UBND-KGVX", task.Note);
        Assert.AreEqual(corrected, task.Deadline);
        Assert.AreEqual(corrected, task.OriginalDeadline);
        Assert.AreEqual(TimeSpan.Zero, task.Deadline.Offset, "deadlines are stored in UTC");
    }

    [TestMethod]
    [DataRow(ReconcileDecision.AskCorrection, TaskStage.AwaitingCorrection)]
    [DataRow(ReconcileDecision.Return, TaskStage.Returned)]
    public void Article12_1a_a_line_with_a_reason_waits_for_correction_or_goes_back_as_assigned_by_mistake(
        ReconcileDecision decision, TaskStage stage)
    {
        var task = At(TaskStage.Reconciling);

        task.Reconcile(decision, "Sai thời hạn", null, null);

        Assert.AreEqual(stage, task.Stage);
        Assert.AreEqual("Sai thời hạn", task.Note);
    }

    [TestMethod]
    public void Article12_1a_the_director_assigns_a_main_unit_that_is_not_also_coordinating()
    {
        var task = At(TaskStage.Registered);
        Refused("main-also-coordinating", task, () => task.Assign("GDTrH", ["TCCB", "GDTrH"]), logged: "GDTrH");

        task.Assign("GDTrH", ["TCCB", "KHTC", "TCCB"]);

        Assert.AreEqual(TaskStage.Assigned, task.Stage);
        Assert.AreEqual("GDTrH", task.MainUnit);
        CollectionAssert.AreEqual(new[] { "TCCB", "KHTC" }, task.Coordinators.ToList());
    }

    [TestMethod]
    public void Article12_1a_the_unit_head_names_the_main_handler_of_an_assigned_task()
    {
        var task = At(TaskStage.Assigned);

        task.AssignHandler("chuyenvien");

        Assert.AreEqual(TaskStage.InProgress, task.Stage);
        Assert.AreEqual("chuyenvien", task.Handler);
    }

    [TestMethod]
    public void Article12_1b_only_the_main_handler_starts_the_reply_and_only_one_at_a_time()
    {
        var task = At(TaskStage.InProgress);
        Refused("not-handler", task, () => task.StartReply(Guid.NewGuid(), "ChuyenVien"), logged: "ChuyenVien is not the handler");

        var reply = Guid.NewGuid();
        task.StartReply(reply, "chuyenvien");

        Assert.AreEqual(reply, task.ReplyOutgoingId);
        Refused("reply-open", task, () => task.ExpectReply("chuyenvien"), logged: reply.ToString());
    }

    [TestMethod]
    public void Article12_2_the_issued_reply_proposes_completion_at_its_issue_time()
    {
        var task = At(TaskStage.InProgress);
        var issued = VietnamTime.At(2026, 11, 30, 10, 0);

        task.ReplyIssued(ReplyId, issued);

        Assert.AreEqual(TaskStage.CompletionProposed, task.Stage);
        Assert.AreEqual(ReplyId, task.ReplyDocumentId);
        Assert.AreEqual(issued, task.CompletedAt);
        Assert.AreEqual(TimeSpan.Zero, task.CompletedAt!.Value.Offset);
    }

    [TestMethod]
    public void Article12_2_the_province_approves_a_proposed_completion_and_the_task_is_completed()
    {
        var task = At(TaskStage.CompletionProposed);
        var approved = VietnamTime.At(2026, 12, 3, 9, 0);

        task.Approve(approved);

        Assert.AreEqual(TaskStage.Completed, task.Stage);
        Assert.AreEqual(approved, task.ApprovedAt);
        Assert.IsFalse(task.IsOpen);
    }

    [TestMethod]
    public void Article12_1c_a_rejected_reply_sends_the_handler_back_to_start_a_new_one()
    {
        var task = At(TaskStage.InProgress);
        task.StartReply(Guid.NewGuid(), "chuyenvien");
        task.ReplyIssued(ReplyId, VietnamTime.At(2026, 11, 30, 10, 0));

        task.Reject("Chưa đủ số liệu");

        Assert.AreEqual(TaskStage.InProgress, task.Stage);
        Assert.AreEqual(1, task.Rejections);
        Assert.AreEqual("Chưa đủ số liệu", task.Note);
        Assert.IsNull(task.ReplyOutgoingId);
        Assert.IsNull(task.ReplyDocumentId);
        Assert.IsNull(task.CompletedAt);
        task.StartReply(Guid.NewGuid(), "chuyenvien");
    }

    [TestMethod]
    [DataRow(TaskStage.Registered, "reconcile")]
    [DataRow(TaskStage.Reconciling, "assign")]
    [DataRow(TaskStage.Registered, "assign-handler")]
    [DataRow(TaskStage.Assigned, "reply")]
    [DataRow(TaskStage.Assigned, "reply-issued")]
    [DataRow(TaskStage.InProgress, "approve")]
    [DataRow(TaskStage.InProgress, "reject")]
    public void Article12_each_step_is_refused_at_another_stage(TaskStage stage, string action) =>
        RefusedAtStage(stage, action, Step(action));

    [TestMethod]
    public void Article12_2_approving_a_task_not_proposed_for_completion_is_refused_even_once_completed() =>
        RefusedAtStage(TaskStage.Completed, "approve", Step("approve"));

    [TestMethod]
    public void Article12_1b_a_document_closed_before_the_province_rejected_the_reply_refuses_a_new_reply_until_taken_back()
    {
        var task = At(TaskStage.CompletionProposed);
        task.Document = new TaskDocument { Code = "88/UBND-KGVX", Subject = "Giao nhiệm vụ", RecordedBy = "vanthu", Tasks = [task] };
        task.Document.Close("vanthu", VietnamTime.At(2026, 11, 30, 11, 0));
        task.Reject("Chưa đủ số liệu");

        Refused("document-closed", task, () => task.StartReply(Guid.NewGuid(), "chuyenvien"), logged: "reply on a closed task document");

        task.Document.TakeBack();
        task.StartReply(Guid.NewGuid(), "chuyenvien");
        Assert.IsNotNull(task.ReplyOutgoingId);
    }

    [TestMethod]
    [DataRow(TaskStage.InProgress, true)]
    [DataRow(TaskStage.Assigned, true)]
    [DataRow(TaskStage.CompletionProposed, false)]
    [DataRow(TaskStage.Completed, false)]
    [DataRow(TaskStage.Returned, false)]
    public void Article12_3_only_a_task_still_being_handled_is_marked_overdue(TaskStage stage, bool marked)
    {
        var task = At(stage);
        var at = Deadline.AddMinutes(1);

        task.MarkOverdue(at);

        Assert.AreEqual(marked ? at : null, task.OverdueAt);
    }

    private static Action<ProvincialTask> Step(string action) => action switch
    {
        "reconcile" => t => t.Reconcile(ReconcileDecision.Accept, null, null, null),
        "assign" => t => t.Assign("GDTrH", []),
        "assign-handler" => t => t.AssignHandler("chuyenvien"),
        "reply" => t => t.StartReply(Guid.NewGuid(), "chuyenvien"),
        "reply-issued" => t => t.ReplyIssued(ReplyId, Deadline),
        "approve" => t => t.Approve(Deadline),
        "reject" => t => t.Reject("Chưa đạt"),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}
