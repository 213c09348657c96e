namespace DocBpm.Documents.Calendar;

/// <summary>
/// The days off of 2026 and 2027 for a new installation (Labour Code 2019, Article 112). Lunar holidays are converted
/// from the lunar calendar (Tết 2026: 17 Feb; Tết 2027: 6 Feb; Hùng Kings 10/3 lunar: 26 Apr 2026, 16 Apr 2027); the
/// exact Tết span, the day beside 2 September and any swap are set each year by the Government, so an administrator
/// confirms or edits these against the annual notice (the Source column says which are estimates).
/// </summary>
public static class VietnamHolidaySeed
{
    private const string Code = "Bộ luật Lao động 2019, Điều 112";
    private const string Estimate = "Dự kiến theo Bộ luật Lao động 2019, Điều 112 — cần đối chiếu thông báo hằng năm";

    public static IReadOnlyList<CalendarDay> Days { get; } =
    [
        Day(2026, 1, 1, "Tết Dương lịch", Code),
        .. Span(2026, 2, 16, 5, "Tết Nguyên đán", Estimate),
        Day(2026, 4, 27, "Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch rơi vào Chủ nhật)", Code),
        Day(2026, 4, 30, "Ngày Chiến thắng", Code),
        Day(2026, 5, 1, "Quốc tế Lao động", Code),
        Day(2026, 9, 1, "Quốc khánh (ngày liền kề)", Estimate),
        Day(2026, 9, 2, "Quốc khánh", Code),
        Day(2027, 1, 1, "Tết Dương lịch", Code),
        .. Span(2027, 2, 4, 5, "Tết Nguyên đán", Estimate),
        Day(2027, 4, 16, "Giỗ Tổ Hùng Vương", Code),
        Day(2027, 4, 30, "Ngày Chiến thắng", Code),
        Day(2027, 5, 3, "Nghỉ bù Quốc tế Lao động (1/5 rơi vào Thứ Bảy)", Code),
        Day(2027, 9, 2, "Quốc khánh", Code),
        Day(2027, 9, 3, "Quốc khánh (ngày liền kề)", Estimate),
    ];

    private static CalendarDay Day(int year, int month, int day, string name, string source) =>
        new() { Date = new DateOnly(year, month, day), Kind = CalendarDayKind.Holiday, Name = name, Source = source };

    /// <summary>The working days of a holiday span of <paramref name="workingDays"/> weekdays starting at a date.</summary>
    private static IEnumerable<CalendarDay> Span(int year, int month, int day, int workingDays, string name, string source)
    {
        for (var date = new DateOnly(year, month, day); workingDays > 0; date = date.AddDays(1))
        {
            if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                continue;
            workingDays--;
            yield return new CalendarDay { Date = date, Kind = CalendarDayKind.Holiday, Name = name, Source = source };
        }
    }
}
