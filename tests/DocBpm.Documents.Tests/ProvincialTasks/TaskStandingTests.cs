using DocBpm.Documents.Calendar;
using DocBpm.Documents.ProvincialTasks;
using DocBpm.Engine.Timers;

namespace DocBpm.Documents.Tests.ProvincialTasks;

/// <summary>How a task's status follows from its stage, its deadlines, the working calendar and the clock.</summary>
[TestClass]
public sealed class TaskStandingTests
{
    private static readonly TaskStanding Standing = new(new BusinessCalendar(new WorkingCalendar(new WorkingHoursOptions(), VietnamHolidaySeed.Days)));

    private static ProvincialTask Task(DateTimeOffset deadline, TaskStage stage = TaskStage.InProgress) => new()
    {
        Content = "Báo cáo",
        Deadline = deadline.ToUniversalTime(),
        OriginalDeadline = deadline.ToUniversalTime(),
        Stage = stage,
    };

    [TestMethod]
    public void Due_soon_starts_two_working_days_before_the_deadline_skipping_weekends_and_holidays()
    {
        Assert.AreEqual(VietnamTime.At(2026, 11, 27, 17, 0), Standing.ReminderAt(VietnamTime.At(2026, 12, 1, 17, 0)), "over a weekend");
        Assert.AreEqual(VietnamTime.At(2026, 12, 30, 17, 0), Standing.ReminderAt(VietnamTime.At(2027, 1, 4, 17, 0)), "over New Year's Day");

        var task = Task(VietnamTime.At(2026, 12, 1, 17, 0));
        Assert.AreEqual(ProvincialTaskStatus.InProgress, Standing.Classify(task, VietnamTime.At(2026, 11, 27, 16, 59)));
        Assert.AreEqual(ProvincialTaskStatus.DueSoon, Standing.Classify(task, VietnamTime.At(2026, 11, 27, 17, 0)));
        Assert.AreEqual(ProvincialTaskStatus.OverdueNotCompleted, Standing.Classify(task, VietnamTime.At(2026, 12, 1, 17, 1)));
    }

    [TestMethod]
    public void Article12_2_completion_counts_from_the_reply_issue_so_a_reply_in_time_is_on_time_even_when_approved_late()
    {
        var deadline = VietnamTime.At(2026, 12, 1, 17, 0);
        var proposed = Task(deadline);
        proposed.ReplyIssued("000.00.12.H37,2026/12/01,12/SGDĐT-GDTrH", VietnamTime.At(2026, 12, 1, 16, 0));
        Assert.AreEqual(ProvincialTaskStatus.CompletionProposed, Standing.Classify(proposed, VietnamTime.At(2026, 12, 3, 9, 0)),
            "waiting for the province after the deadline is not overdue");
        proposed.Approve(VietnamTime.At(2026, 12, 3, 9, 0));
        Assert.AreEqual(ProvincialTaskStatus.CompletedOnTime, Standing.Classify(proposed, VietnamTime.At(2026, 12, 3, 9, 0)));
        Assert.AreEqual(ReportColumn.CompletedOnTime, TaskStanding.Column(ProvincialTaskStatus.CompletedOnTime));

        var late = Task(deadline);
        late.ReplyIssued("000.00.12.H37,2026/12/02,13/SGDĐT-GDTrH", VietnamTime.At(2026, 12, 2, 8, 0));
        Assert.AreEqual(ProvincialTaskStatus.OverdueNotCompleted, Standing.Classify(late, VietnamTime.At(2026, 12, 2, 9, 0)),
            "a reply issued after the deadline leaves the task overdue until approved");
        late.Approve(VietnamTime.At(2026, 12, 3, 9, 0));
        Assert.AreEqual(ProvincialTaskStatus.CompletedLate, Standing.Classify(late, VietnamTime.At(2026, 12, 3, 9, 0)));
    }

    [TestMethod]
    public void Article12_3_an_approved_extension_moves_the_deadline_and_the_task_counts_as_extended()
    {
        var task = Task(VietnamTime.At(2026, 12, 1, 17, 0));
        task.RequestExtension("000.00.12.H37,2026/11/25,20/SGDĐT-VP", VietnamTime.At(2026, 12, 15, 17, 0), VietnamTime.At(2026, 11, 25, 9, 0));
        task.ApproveExtension();

        Assert.AreEqual(VietnamTime.At(2026, 12, 15, 17, 0), task.Deadline);
        Assert.AreEqual(ProvincialTaskStatus.Extended, Standing.Classify(task, VietnamTime.At(2026, 12, 2, 9, 0)));
        var late = Task(VietnamTime.At(2026, 12, 1, 17, 0));
        var refused = Assert.ThrowsExactly<TaskRuleException>(() =>
            late.RequestExtension("000.00.12.H37,2026/12/02,21/SGDĐT-VP", VietnamTime.At(2026, 12, 15, 17, 0), VietnamTime.At(2026, 12, 2, 8, 0)));
        Assert.AreEqual("extension-too-late", refused.Code);
        Assert.AreEqual(ExtensionState.None, late.Extension);
    }
}
