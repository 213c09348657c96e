using System.Net;
using System.Text.RegularExpressions;
using DocBpm.Documents.Calendar;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Timers;
using DocBpm.Web.Incoming;

namespace DocBpm.Web.Tests.Incoming;

/// <summary>
/// The Director's assignment form (Article 8.2b; issue 20 item 6): people grouped by unit, no system account and not the
/// Director himself, "Phối hợp" and "Để biết" as checkboxes, ready-made deadlines counted in working days.
/// </summary>
[TestClass]
public sealed partial class AssignmentFormTests
{
    private static readonly WorkingCalendar Calendar = new(new WorkingHoursOptions(), VietnamHolidaySeed.Days);

    [TestMethod]
    public async Task Article8_2b_the_directors_form_groups_people_by_unit_without_system_accounts_or_himself()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var clerk = await host.LoginAsync("vanthu");
        var id = await clerk.UploadAsync(host, "Về việc tuyển sinh lớp 10");
        await clerk.RegisterAsync(id);

        var html = WebUtility.HtmlDecode(await (await host.LoginAsync("giamdoc")).GetStringAsync($"/incoming/{id}"));
        var form = AssignSection().Match(html).Value;

        StringAssert.Matches(form, SecondarySchoolGroup(), "a person is listed under their unit, by full name and position");
        foreach (var left in new[] { "giamdoc", "quantri", "phantich", "luutru" })
            Assert.IsFalse(form.Contains($"\"person:{left}\"", StringComparison.Ordinal), $"{left} is not offered");
        StringAssert.Contains(form, "<option value=\"person:phogiamdoc1\">Nông Thị Phó (Phó Giám đốc)</option>");
        StringAssert.Contains(form, "<input type=\"checkbox\" name=\"Model.Coordinating\" value=\"unit:KHTC\" />");
        StringAssert.Contains(form, "<input type=\"checkbox\" name=\"Model.Information\" value=\"person:chuyenvien\" />");
        foreach (var preset in new[] { "3 ngày làm việc (26/11/2026)", "5 ngày làm việc (30/11/2026)", "7 ngày làm việc (02/12/2026)",
                     "10 ngày làm việc (07/12/2026)", "Cuối tháng (30/11/2026)" })
            StringAssert.Contains(form, preset, "counted from Monday 23 November, 08:00");
    }

    [TestMethod]
    public void Deadline_presets_skip_weekends_and_holidays_and_the_end_of_month_moves_on_once_its_last_working_day_has_passed()
    {
        var presets = DeadlinePresets.From(Calendar, VietnamTime.At(2026, 8, 28, 9, 0)); // Friday; 1 and 2 September are holidays

        Assert.AreEqual(new DateOnly(2026, 9, 4), presets[0].Date, "Monday 31 August, then Thursday 3 and Friday 4 September");
        Assert.AreEqual(new DateOnly(2026, 8, 31), presets[^1].Date, "the month's last working day");

        var saturday = DeadlinePresets.From(Calendar, VietnamTime.At(2026, 10, 31, 9, 0));
        Assert.AreEqual(new DateOnly(2026, 11, 30), saturday[^1].Date, "October's last working day, Friday 30, has passed");
    }

    [GeneratedRegex("<section id=\"assign\">.*?</section>", RegexOptions.Singleline)]
    private static partial Regex AssignSection();

    [GeneratedRegex("<optgroup label=\"Phòng Giáo dục Trung học\">(?:(?!</optgroup>).)*<option value=\"person:chuyenvien\">Mã Văn Viên \\(Chuyên viên\\)</option>",
        RegexOptions.Singleline)]
    private static partial Regex SecondarySchoolGroup();
}
