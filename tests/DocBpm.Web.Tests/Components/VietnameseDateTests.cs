using DocBpm.Engine.Timers;
using DocBpm.Web.Components;

namespace DocBpm.Web.Tests.Components;

/// <summary>Dates typed in the forms are read day first on Vietnam's clock, whatever the browser's or the server's language (issue 20).</summary>
[TestClass]
public sealed class VietnameseDateTests
{
    [TestMethod]
    public void A_typed_date_is_read_day_first_and_a_date_the_calendar_lacks_is_refused()
    {
        Assert.IsTrue(Vn.TryParseDate("02/12/2026", out var date));
        Assert.AreEqual(new DateOnly(2026, 12, 2), date, "2 December, not 12 February");
        Assert.IsTrue(Vn.TryParseDate("2/12/2026", out date));
        Assert.AreEqual(new DateOnly(2026, 12, 2), date);
        Assert.IsFalse(Vn.TryParseDate("12/31/2026", out _), "month first is not a date here");
        Assert.IsFalse(Vn.TryParseDate("31/02/2026", out _));
        Assert.IsTrue(Vn.TryParseOptionalDate("  ", out var none), "a field left empty is no date, not a bad one");
        Assert.IsNull(none);
        Assert.IsFalse(Vn.TryParseOptionalDate("31/02/2026", out _));
    }

    [TestMethod]
    public void A_typed_time_is_read_on_vietnams_clock_day_first()
    {
        Assert.IsTrue(Vn.TryParseDateTime("02/12/2026 07:30", out var instant));
        Assert.AreEqual(VietnamTime.At(2026, 12, 2, 7, 30), instant);
        Assert.AreEqual(new DateTimeOffset(2026, 12, 2, 0, 30, 0, TimeSpan.Zero), instant.ToUniversalTime(), "07:30 in Vietnam is 00:30 UTC");
        Assert.IsTrue(Vn.TryParseDateTime("2026-12-02T07:30", out var iso));
        Assert.AreEqual(instant, iso);
        Assert.IsFalse(Vn.TryParseDateTime("02/12/2026", out _), "the time of day is asked for");
        Assert.IsFalse(Vn.TryParseDateTime("02/12/2026 25:00", out _));
    }
}
