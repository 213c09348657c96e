using DocBpm.Documents.Calendar;
using DocBpm.Documents.ProvincialTasks;
using DocBpm.Engine.Timers;
using static DocBpm.Documents.Tests.ProvincialTasks.TaskScenario;

namespace DocBpm.Documents.Tests.ProvincialTasks;

/// <summary>The reported status at the edges: exactly at the deadline, after a rejection, before anyone works on the task.</summary>
[TestClass]
public sealed class TaskStandingAtTheDeadlineTests
{
    private static readonly TaskStanding Standing = new(new BusinessCalendar(new WorkingCalendar(new WorkingHoursOptions(), VietnamHolidaySeed.Days)));

    [TestMethod]
    public void Article12_2_a_reply_issued_exactly_at_the_deadline_is_on_time_while_proposed_and_once_approved()
    {
        var task = At(TaskStage.InProgress);
        task.ReplyIssued("000.00.12.H37,2026/12/01,12/SGDĐT-GDTrH", Deadline);

        Assert.AreEqual(ProvincialTaskStatus.CompletionProposed, Standing.Classify(task, Deadline.AddDays(2)));
        task.Approve(Deadline.AddDays(2));
        Assert.AreEqual(ProvincialTaskStatus.CompletedOnTime, Standing.Classify(task, Deadline.AddDays(2)));
    }

    [TestMethod]
    public void Article12_3_at_exactly_the_deadline_a_task_is_due_soon_not_overdue_and_a_tick_later_it_is_overdue()
    {
        var task = At(TaskStage.InProgress);

        Assert.AreEqual(ProvincialTaskStatus.DueSoon, Standing.Classify(task, Deadline));
        Assert.AreEqual(ProvincialTaskStatus.OverdueNotCompleted, Standing.Classify(task, Deadline.AddTicks(1)));
        Assert.AreEqual(ReportColumn.Overdue, TaskStanding.Column(ProvincialTaskStatus.OverdueNotCompleted));
    }

    [TestMethod]
    public void Article12_1c_a_task_whose_reply_was_rejected_is_reported_as_rejected()
    {
        var task = At(TaskStage.CompletionProposed);
        var early = VietnamTime.At(2026, 11, 20, 9, 0);
        Assert.AreEqual(ProvincialTaskStatus.CompletionProposed, Standing.Classify(task, early), "a proposal without an issue time is still proposed");

        task.Reject("Chưa đạt");

        Assert.AreEqual(ProvincialTaskStatus.Rejected, Standing.Classify(task, early));
        Assert.AreEqual(ReportColumn.OnTime, TaskStanding.Column(ProvincialTaskStatus.Rejected));
    }

    [TestMethod]
    public void Article13_3_a_task_without_a_handler_yet_is_not_started_and_a_returned_one_is_reported_returned()
    {
        var early = VietnamTime.At(2026, 11, 20, 9, 0);

        Assert.AreEqual(ProvincialTaskStatus.NotStarted, Standing.Classify(At(TaskStage.Assigned), early));
        Assert.AreEqual(ProvincialTaskStatus.InProgress, Standing.Classify(At(TaskStage.InProgress), early));
        Assert.AreEqual(ProvincialTaskStatus.Returned, Standing.Classify(At(TaskStage.Returned), Deadline.AddDays(1)));
        Assert.AreEqual(ReportColumn.Returned, TaskStanding.Column(ProvincialTaskStatus.Returned));
    }
}
