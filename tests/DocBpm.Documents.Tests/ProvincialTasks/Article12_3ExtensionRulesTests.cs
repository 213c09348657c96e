using DocBpm.Documents.ProvincialTasks;
using DocBpm.Engine.Timers;
using static DocBpm.Documents.Tests.ProvincialTasks.TaskScenario;

namespace DocBpm.Documents.Tests.ProvincialTasks;

/// <summary>Article 12.3: an extension is asked within the deadline, for a later date, one at a time, and decided by the province.</summary>
[TestClass]
public sealed class Article12_3ExtensionRulesTests
{
    private const string Letter = "000.00.12.H37,2026/11/25,20/SGDĐT-VP";
    private static readonly DateTimeOffset Later = VietnamTime.At(2026, 12, 15, 17, 0);

    [TestMethod]
    public void Article12_3_an_extension_requested_at_the_deadline_instant_is_still_within_it()
    {
        var task = At(TaskStage.InProgress);

        task.RequestExtension(Letter, Later, Deadline);

        Assert.AreEqual(ExtensionState.Requested, task.Extension);
        Assert.AreEqual(Letter, task.ExtensionLetterId);
        Assert.AreEqual(Later, task.RequestedDeadline);
        Assert.AreEqual(TimeSpan.Zero, task.RequestedDeadline!.Value.Offset);
        Assert.AreEqual(Deadline, task.Deadline, "the deadline moves only when the province approves");
    }

    [TestMethod]
    public void Article12_3_an_extension_requested_a_moment_after_the_deadline_is_too_late()
    {
        var task = At(TaskStage.InProgress);
        Refused("extension-too-late", task, () => task.RequestExtension(Letter, Later, Deadline.AddTicks(1)), logged: "after the deadline");
    }

    [TestMethod]
    public void Article12_3_a_second_request_waits_for_the_province_to_decide_the_first()
    {
        var task = At(TaskStage.Assigned);
        task.RequestExtension(Letter, Later, VietnamTime.At(2026, 11, 25, 9, 0));

        Refused("extension-pending", task, () => task.RequestExtension(Letter, Later.AddDays(5), VietnamTime.At(2026, 11, 26, 9, 0)),
            logged: "pending");
    }

    [TestMethod]
    [DataRow(0)]
    [DataRow(-1)]
    public void Article12_3_a_requested_date_not_later_than_the_current_deadline_is_refused(int days)
    {
        var task = At(TaskStage.InProgress);
        Refused("extension-not-later", task, () => task.RequestExtension(Letter, Deadline.AddDays(days), VietnamTime.At(2026, 11, 25, 9, 0)),
            logged: "is not after");
    }

    [TestMethod]
    [DataRow(TaskStage.Registered)]
    [DataRow(TaskStage.CompletionProposed)]
    [DataRow(TaskStage.Completed)]
    public void Article12_3_an_extension_is_asked_only_while_the_task_is_being_handled(TaskStage stage) =>
        RefusedAtStage(stage, "extension", t => t.RequestExtension(Letter, Later, VietnamTime.At(2026, 11, 25, 9, 0)));

    [TestMethod]
    public void Article12_3_an_approved_extension_moves_the_deadline_and_restarts_reminders_and_the_overdue_flag()
    {
        var task = At(TaskStage.InProgress);
        task.RequestExtension(Letter, Later, VietnamTime.At(2026, 11, 27, 17, 0));
        task.Remind(VietnamTime.At(2026, 11, 27, 17, 0));
        task.MarkOverdue(Deadline.AddMinutes(1));

        task.ApproveExtension();

        Assert.AreEqual(ExtensionState.Approved, task.Extension);
        Assert.AreEqual(Later, task.Deadline);
        Assert.AreEqual(Deadline, task.OriginalDeadline);
        Assert.IsNull(task.RemindedAt);
        Assert.IsNull(task.OverdueAt);
    }

    [TestMethod]
    public void Article12_3_a_refused_extension_keeps_the_deadline_and_may_be_asked_again_within_it()
    {
        var task = At(TaskStage.InProgress);
        task.RequestExtension(Letter, Later, VietnamTime.At(2026, 11, 25, 9, 0));

        task.RefuseExtension("Không có lý do chính đáng");

        Assert.AreEqual(ExtensionState.Refused, task.Extension);
        Assert.AreEqual("Không có lý do chính đáng", task.Note);
        Assert.AreEqual(Deadline, task.Deadline);
        task.RequestExtension(Letter, Later, VietnamTime.At(2026, 11, 26, 9, 0));
        Assert.AreEqual(ExtensionState.Requested, task.Extension);
    }

    [TestMethod]
    [DataRow(ExtensionState.None)]
    [DataRow(ExtensionState.Approved)]
    [DataRow(ExtensionState.Refused)]
    public void Article12_3_approving_or_refusing_an_extension_never_requested_is_refused(ExtensionState state)
    {
        var task = At(TaskStage.InProgress);
        task.Extension = state;

        Refused("no-extension-request", task, task.ApproveExtension, logged: "no pending extension request");
        Refused("no-extension-request", task, () => task.RefuseExtension(null), logged: "no pending extension request");
    }

    [TestMethod]
    public void Article12_3_the_reminder_time_is_kept_in_utc()
    {
        var task = At(TaskStage.InProgress);
        var at = VietnamTime.At(2026, 11, 27, 17, 0);

        task.Remind(at);

        Assert.AreEqual(at, task.RemindedAt);
        Assert.AreEqual(TimeSpan.Zero, task.RemindedAt!.Value.Offset);
    }
}
