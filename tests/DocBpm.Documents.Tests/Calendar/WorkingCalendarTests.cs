using DocBpm.Documents.Calendar;
using DocBpm.Engine.Timers;

namespace DocBpm.Documents.Tests.Calendar;

[TestClass]
public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = new(new WorkingHoursOptions(), VietnamHolidaySeed.Days);

    [TestMethod]
    public void Article10_2_document_arriving_after_hours_on_friday_is_received_at_monday_morning()
    {
        var friday = VietnamTime.At(2026, 11, 27, 17, 5);

        Assert.AreEqual(VietnamTime.At(2026, 11, 30, 7, 30), Calendar.NextWorkingInstant(friday));
    }

    [TestMethod]
    public void Article10_2_document_arriving_on_a_holiday_is_received_on_the_next_working_day()
    {
        var nationalDay = VietnamTime.At(2026, 9, 2, 10, 0);

        Assert.IsFalse(Calendar.IsWorkingTime(nationalDay));
        Assert.AreEqual(VietnamTime.At(2026, 9, 3, 7, 30), Calendar.NextWorkingInstant(nationalDay));
    }

    [TestMethod]
    public void Article10_2_document_arriving_before_opening_on_monday_is_received_at_opening()
    {
        Assert.AreEqual(VietnamTime.At(2026, 11, 30, 7, 30), Calendar.NextWorkingInstant(VietnamTime.At(2026, 11, 30, 7, 0)));
    }

    [TestMethod]
    public void Document_arriving_in_working_hours_is_received_at_once_and_at_lunch_in_the_afternoon()
    {
        var morning = VietnamTime.At(2026, 11, 30, 9, 15);

        Assert.AreEqual(morning, Calendar.NextWorkingInstant(morning));
        Assert.AreEqual(VietnamTime.At(2026, 11, 30, 13, 30), Calendar.NextWorkingInstant(VietnamTime.At(2026, 11, 30, 12, 0)));
    }

    [TestMethod]
    public void Working_days_skip_weekends_and_the_tet_holiday()
    {
        var beforeTet = VietnamTime.At(2026, 2, 13, 10, 0);

        var due = Calendar.Add(beforeTet, IsoDuration.Parse("P2D"));

        Assert.AreEqual(VietnamTime.At(2026, 2, 24, 10, 0), due, "16–20 Feb are Tết; 23 Feb is the first working day, 24 the second");
        Assert.AreEqual(TimeSpan.Zero, due.Offset, "stored in UTC");
    }

    [TestMethod]
    public void Working_hours_run_on_across_lunch_and_the_weekend()
    {
        var fridayAfternoon = VietnamTime.At(2026, 11, 27, 15, 0);

        Assert.AreEqual(VietnamTime.At(2026, 11, 30, 9, 30), Calendar.Add(fridayAfternoon, IsoDuration.Parse("PT4H")));
        Assert.AreEqual(VietnamTime.At(2026, 11, 30, 14, 0), Calendar.Add(VietnamTime.At(2026, 11, 30, 11, 0), IsoDuration.Parse("PT1H")));
    }

    [TestMethod]
    public void A_makeup_saturday_is_a_working_day()
    {
        var saturday = new DateOnly(2026, 12, 5);
        var calendar = new WorkingCalendar(new WorkingHoursOptions(),
            [new CalendarDay { Date = saturday, Kind = CalendarDayKind.MakeupWorkday, Name = "Làm bù" }]);

        Assert.IsTrue(calendar.IsWorkingDay(saturday));
        Assert.AreEqual(VietnamTime.At(2026, 12, 5, 7, 30), calendar.NextWorkingInstant(VietnamTime.At(2026, 12, 4, 17, 30)));
    }

    [TestMethod]
    public void The_seed_covers_the_eleven_statutory_days_off_of_each_year()
    {
        foreach (var year in new[] { 2026, 2027 })
        {
            var days = VietnamHolidaySeed.Days.Where(d => d.Date.Year == year).ToList();
            Assert.IsTrue(days.Count >= 10, $"{year}: {days.Count} weekday holidays");
            Assert.IsTrue(days.All(d => d.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)), "only weekdays need listing");
        }
    }

    [TestMethod]
    public void A_calendar_without_working_periods_is_refused()
    {
        Assert.ThrowsExactly<ArgumentException>(() => new WorkingCalendar(new WorkingHoursOptions { Periods = [] }, []));
    }
}
