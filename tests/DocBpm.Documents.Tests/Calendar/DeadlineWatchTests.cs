using DocBpm.Documents.Calendar;
using DocBpm.Engine.Timers;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DocBpm.Documents.Tests.Calendar;

/// <summary>
/// Open work is "Sắp đến hạn" within the configured working days of its deadline and "Quá hạn" after it (Article 13.3's
/// columns, applied to every deadline the inbox and the document pages show).
/// </summary>
[TestClass]
public sealed class DeadlineWatchTests
{
    private static readonly BusinessCalendar Calendar = new(new WorkingCalendar(new WorkingHoursOptions(), VietnamHolidaySeed.Days));

    private static DeadlineWatch Watch(int days = 2) => new(Calendar, Options.Create(new DeadlineOptions { DueSoonWorkingDays = days }));

    [TestMethod]
    public void Article13_3_work_due_on_monday_is_due_soon_from_the_same_time_on_thursday_and_overdue_only_after_the_deadline()
    {
        var deadline = VietnamTime.At(2026, 12, 14, 17, 0); // a Monday
        var clock = new FakeTimeProvider(VietnamTime.At(2026, 12, 10, 17, 0).AddTicks(-1)); // Thursday, the weekend not counted
        var watch = Watch();

        Assert.AreEqual(DeadlineState.OnTime, watch.Of(deadline, clock.GetUtcNow()));
        clock.Advance(TimeSpan.FromTicks(1));
        Assert.AreEqual(DeadlineState.DueSoon, watch.Of(deadline, clock.GetUtcNow()));
        clock.SetUtcNow(deadline);
        Assert.AreEqual(DeadlineState.DueSoon, watch.Of(deadline, clock.GetUtcNow()), "the deadline instant itself is still in time");
        clock.Advance(TimeSpan.FromTicks(1));
        Assert.AreEqual(DeadlineState.Overdue, watch.Of(deadline, clock.GetUtcNow()));
    }

    [TestMethod]
    public void Article13_3_holidays_before_the_deadline_do_not_count_towards_the_due_soon_window()
    {
        var deadline = VietnamTime.At(2026, 9, 3, 17, 0); // the day after the National Day holidays (1 and 2 September)
        var clock = new FakeTimeProvider(VietnamTime.At(2026, 8, 28, 16, 59)); // the Friday before: Monday 31 August is the other working day
        var watch = Watch();

        Assert.AreEqual(DeadlineState.OnTime, watch.Of(deadline, clock.GetUtcNow()));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.AreEqual(DeadlineState.DueSoon, watch.Of(deadline, clock.GetUtcNow()));
    }

    [TestMethod]
    public void The_due_soon_window_follows_the_configured_number_of_working_days()
    {
        var deadline = VietnamTime.At(2026, 12, 14, 17, 0);
        var friday = VietnamTime.At(2026, 12, 11, 17, 0);
        var clock = new FakeTimeProvider(friday.AddTicks(-1));

        Assert.AreEqual(DeadlineState.DueSoon, Watch(2).Of(deadline, clock.GetUtcNow()));
        Assert.AreEqual(DeadlineState.OnTime, Watch(1).Of(deadline, clock.GetUtcNow()));
        clock.SetUtcNow(friday);
        Assert.AreEqual(DeadlineState.DueSoon, Watch(1).Of(deadline, clock.GetUtcNow()));
        Assert.AreEqual(DeadlineState.OnTime, Watch(0).Of(deadline, deadline), "no window: in time up to the deadline");
        Assert.AreEqual(DeadlineState.Overdue, Watch(0).Of(deadline, deadline.AddTicks(1)));
    }

    [TestMethod]
    public void Work_without_a_deadline_is_never_flagged() =>
        Assert.AreEqual(DeadlineState.None, Watch().Of(null, VietnamTime.At(2026, 12, 14, 17, 0)));
}
