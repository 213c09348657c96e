using DocBpm.Engine.Model;
using DocBpm.Engine.Timers;

namespace DocBpm.Engine.Tests.Timers;

[TestClass]
public sealed class IsoTimerTests
{
    [TestMethod]
    [DataRow("PT4H", 0, 0, 0, 4 * 3600.0)]
    [DataRow("P2D", 0, 0, 2, 0.0)]
    [DataRow("P1W", 0, 0, 7, 0.0)]
    [DataRow("P1Y2M3DT4H5M6.5S", 1, 2, 3, 4 * 3600 + 5 * 60 + 6.5)]
    public void Durations_parse(string text, int years, int months, int days, double seconds)
    {
        var duration = IsoDuration.Parse(text);

        Assert.AreEqual(new IsoDuration(years, months, days, TimeSpan.FromSeconds(seconds)), duration);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("P")]
    [DataRow("PT")]
    [DataRow("2 days")]
    [DataRow("P1DT")]
    [DataRow("-P1D")]
    public void Malformed_durations_are_refused(string text) => Assert.IsFalse(IsoDuration.TryParse(text, out _));

    [TestMethod]
    public void A_day_is_a_calendar_day_in_vietnam_time()
    {
        var start = VietnamTime.At(2026, 1, 31, 16, 30);

        Assert.AreEqual(VietnamTime.At(2026, 2, 28, 16, 30), IsoDuration.Parse("P1M").AddTo(start));
        Assert.AreEqual(VietnamTime.At(2026, 2, 1, 16, 30), IsoDuration.Parse("P1D").AddTo(start));
        Assert.AreEqual(TimeSpan.Zero, IsoDuration.Parse("P1D").AddTo(start).Offset, "stored in UTC");
    }

    [TestMethod]
    public void Cycles_parse_with_and_without_repetitions_and_start()
    {
        Assert.AreEqual(new IsoCycle(3, null, IsoDuration.Parse("PT1H")), IsoCycle.Parse("R3/PT1H"));
        Assert.IsNull(IsoCycle.Parse("R/P1D").Repetitions);
        Assert.AreEqual(VietnamTime.At(2026, 12, 1, 8, 0), IsoCycle.Parse("R2/2026-12-01T08:00:00+07:00/P1D").Start);
        Assert.IsFalse(IsoCycle.TryParse("R0/PT1H", out _));
        Assert.IsFalse(IsoCycle.TryParse("PT1H", out _));
    }

    [TestMethod]
    public void A_business_timer_counts_through_the_calendar_and_is_stored_in_utc()
    {
        var calendar = new FixedDelayCalendar(TimeSpan.FromHours(20));
        var now = new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

        var business = TimerSchedule.First("t", new TimerDefinition(TimerKind.Duration, "PT1H", true), now, calendar);
        var plain = TimerSchedule.First("t", new TimerDefinition(TimerKind.Duration, "PT1H", false), now, calendar);

        Assert.AreEqual(now.AddHours(21), business.DueAt);
        Assert.AreEqual(now.AddHours(1), plain.DueAt);
        Assert.AreEqual(TimeSpan.Zero, business.DueAt.Offset);
    }

    /// <summary>A calendar that pushes every deadline by a fixed delay (e.g. a weekend), expressed in Vietnam time.</summary>
    private sealed class FixedDelayCalendar(TimeSpan delay) : IBusinessCalendar
    {
        public DateTimeOffset Add(DateTimeOffset start, IsoDuration duration) =>
            VietnamTime.ToLocal(duration.AddTo(start) + delay);

        public DateTimeOffset NextWorkingInstant(DateTimeOffset instant) => instant + delay;

        public bool IsWorkingTime(DateTimeOffset instant) => false;
    }
}
