using DocBpm.Documents.Records;
using DocBpm.Engine;

namespace DocBpm.Documents.Tests.Records;

/// <summary>
/// NĐ30 Article 28 and Phụ lục V while the office builds the plan: headings reordered and removed, planned files changed
/// and removed, the numbering following the plan's order; none of it once the plan is submitted or approved.
/// </summary>
[TestClass]
public sealed class Decree30FilePlanBuildingTests
{
    private static FilePlan Plan(FilePlanState state = FilePlanState.Draft, bool perHeading = false)
    {
        var plan = new FilePlan { Id = Guid.NewGuid(), Year = 2027, State = state, CreatedBy = "vanthu", SerialPerHeading = perHeading };
        foreach (var (title, code) in new[] { ("Tổ chức cán bộ", "TCCB"), ("Kế hoạch tài chính", "KHTC"), ("Thi đua khen thưởng", "TDKT") })
            plan.Headings.Add(new FilePlanHeading { Id = Guid.NewGuid(), PlanId = plan.Id, Ordinal = plan.Headings.Count + 1, Title = title, Abbreviation = code });
        return plan;
    }

    private static FilePlanHeading Heading(FilePlan plan, string code) => plan.Headings.Single(h => h.Abbreviation == code);

    private static RecordFile Planned(FilePlan plan, string code, int serial, string title) => new()
    {
        Id = Guid.NewGuid(), PlanId = plan.Id, HeadingId = Heading(plan, code).Id, Year = plan.Year, Serial = serial, Notation = $"{serial:00}.{code}",
        Title = title, State = RecordFileState.Planned,
    };

    private static string Numbers(FilePlan plan, IEnumerable<RecordFile> files) =>
        string.Join(" ", plan.Numbering(files).Select(n => $"{n.Notation}={n.File.Title}"));

    [TestMethod]
    [DataRow(false, "01.TCCB=a 02.TCCB=c 03.KHTC=b")]
    [DataRow(true, "01.TCCB=a 02.TCCB=c 01.KHTC=b")]
    public void Decree30_AppendixV_files_are_numbered_in_the_plans_order_through_the_plan_or_from_01_under_each_heading(bool perHeading, string expected)
    {
        var plan = Plan(perHeading: perHeading);
        RecordFile[] files = [Planned(plan, "TCCB", 1, "a"), Planned(plan, "KHTC", 2, "b"), Planned(plan, "TCCB", 3, "c")];

        Assert.AreEqual(expected, Numbers(plan, files), "a file added under the first heading takes its place there, the ones after it move on");
    }

    [TestMethod]
    public void Decree30_Article28_a_heading_moved_takes_its_place_the_others_close_up_and_the_files_follow()
    {
        var plan = Plan();
        RecordFile[] files = [Planned(plan, "TCCB", 1, "a"), Planned(plan, "TDKT", 2, "b")];

        plan.MoveHeading(Heading(plan, "TDKT"), 1);

        Assert.AreEqual("TDKT TCCB KHTC", string.Join(" ", plan.Headings.OrderBy(h => h.Ordinal).Select(h => h.Abbreviation)));
        CollectionAssert.AreEqual(new[] { 1, 2, 3 }, plan.Headings.Select(h => h.Ordinal).Order().ToArray(), "positions stay 1 to n");
        Assert.AreEqual("01.TDKT=b 02.TCCB=a", Numbers(plan, files));
        RecordRefusal.Expect("heading-position", RefusalKind.Invalid, plan, () => plan.MoveHeading(Heading(plan, "KHTC"), 0));
        RecordRefusal.Expect("heading-position", RefusalKind.Invalid, plan, () => plan.MoveHeading(Heading(plan, "KHTC"), 4));
        plan.MoveHeading(Heading(plan, "TDKT"), 3);
        Assert.AreEqual("TCCB KHTC TDKT", string.Join(" ", plan.Headings.OrderBy(h => h.Ordinal).Select(h => h.Abbreviation)), "to the last place");
    }

    [TestMethod]
    public void Decree30_Article28_only_an_empty_heading_is_removed_and_the_headings_after_it_move_up()
    {
        var plan = Plan();
        RecordFile[] files = [Planned(plan, "KHTC", 1, "b")];

        var refused = RecordRefusal.Expect("heading-not-empty", RefusalKind.Conflict, new { plan, files },
            () => plan.RemoveHeading(Heading(plan, "KHTC"), files));
        StringAssert.Contains(refused.DetailVi, "còn 1 hồ sơ");

        plan.RemoveHeading(Heading(plan, "TCCB"), files);

        Assert.AreEqual("KHTC:1 TDKT:2", string.Join(" ", plan.Headings.OrderBy(h => h.Ordinal).Select(h => $"{h.Abbreviation}:{h.Ordinal}")));
        Assert.AreEqual("01.KHTC=b", Numbers(plan, files));
    }

    [TestMethod]
    public void Decree30_Article28_a_planned_file_changed_in_the_draft_takes_the_new_values_and_comes_last_under_its_new_heading()
    {
        var plan = Plan(perHeading: true);
        var moved = Planned(plan, "TCCB", 1, "a");
        RecordFile[] files = [moved, Planned(plan, "TCCB", 2, "c"), Planned(plan, "KHTC", 1, "b")];

        plan.Replan(moved, Heading(plan, "KHTC"), "a2", null, "chuyenvien", "KHTC", "ghi chú");

        Assert.AreEqual("a2/Vĩnh viễn/chuyenvien/KHTC/ghi chú/1", $"{moved.Title}/{Retention.Vietnamese(moved.RetentionYears)}/{moved.Keeper}/{moved.UnitCode}/{moved.Note}/{moved.Revision}");
        Assert.AreEqual("01.TCCB=c 01.KHTC=b 02.KHTC=a2", Numbers(plan, files));
        plan.Replan(moved, Heading(plan, "KHTC"), "a3", 10, null, null, null);
        Assert.AreEqual("01.TCCB=c 01.KHTC=b 02.KHTC=a3", Numbers(plan, files), "staying under its heading, it keeps its place");
        RecordRefusal.Expect("retention-range", RefusalKind.Invalid, moved, () => plan.Replan(moved, Heading(plan, "KHTC"), "a4", 0, null, null, null));
    }

    [TestMethod]
    public void Decree30_Article28_a_file_of_another_plan_or_already_opened_is_not_the_drafts_to_change()
    {
        var plan = Plan();
        var other = Planned(Plan(), "TCCB", 1, "x");
        other.HeadingId = Heading(plan, "TCCB").Id;
        var opened = Planned(plan, "TCCB", 1, "y");
        opened.State = RecordFileState.Open;

        var elsewhere = RecordRefusal.Expect("not-found", RefusalKind.NotFound, other, () => plan.Unplan(other));
        StringAssert.Contains(elsewhere.DetailVi, "Không tìm thấy hồ sơ trong danh mục");
        RecordRefusal.Expect("not-found", RefusalKind.NotFound, opened, () => plan.Replan(opened, Heading(plan, "TCCB"), "z", null, null, null, null));
    }

    [TestMethod]
    [DataRow(FilePlanState.Submitted, "plan-submitted", RefusalKind.Conflict)]
    [DataRow(FilePlanState.Approved, "plan-approved", RefusalKind.Invalid)]
    public void Decree30_Article28_a_submitted_plan_waits_for_its_review_and_an_approved_one_is_fixed(FilePlanState state, string rule, RefusalKind kind)
    {
        var plan = Plan(state);
        var file = Planned(plan, "TCCB", 1, "a");
        RecordFile[] files = [file];
        var subject = new { plan, files };

        RecordRefusal.Expect(rule, kind, subject, () => plan.MoveHeading(Heading(plan, "KHTC"), 1));
        RecordRefusal.Expect(rule, kind, subject, () => plan.RemoveHeading(Heading(plan, "TDKT"), files));
        RecordRefusal.Expect(rule, kind, subject, () => plan.Replan(file, Heading(plan, "TCCB"), "b", 5, null, null, null));
        RecordRefusal.Expect(rule, kind, subject, () => plan.Unplan(file));
    }

    [TestMethod]
    [DataRow(" tccb2 ", null, "TCCB2")]
    [DataRow("abcdefghij", null, "ABCDEFGHIJ")]
    [DataRow("KHTC", "KHTC", "KHTC")]
    public void Decree30_AppendixV_an_abbreviation_is_upper_case_letters_or_digits_unique_in_the_plan(string typed, string? renamed, string code)
    {
        var plan = Plan();

        Assert.AreEqual(code, plan.Abbreviation(typed, renamed is null ? null : Heading(plan, renamed)));
    }

    [TestMethod]
    [DataRow("", "abbreviation")]
    [DataRow("TC CB", "abbreviation")]
    [DataRow("ABCDEFGHIJK", "abbreviation")]
    [DataRow("khtc", "abbreviation-taken")]
    public void Decree30_AppendixV_a_bad_or_taken_abbreviation_is_refused_beside_its_field(string typed, string rule)
    {
        var plan = Plan();

        var refused = RecordRefusal.Expect(rule, RefusalKind.Invalid, plan, () => plan.Abbreviation(typed, Heading(plan, "TCCB")));

        CollectionAssert.AreEqual(new[] { "abbreviation" }, refused.FieldErrors.Keys.ToArray());
    }
}
