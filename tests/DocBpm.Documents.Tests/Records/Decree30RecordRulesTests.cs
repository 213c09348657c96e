using DocBpm.Documents.Records;
using DocBpm.Engine;

namespace DocBpm.Documents.Tests.Records;

/// <summary>
/// NĐ30 Articles 28–30 on the plan and on one file, at the level where the rules live: each step only in its state and by
/// its keeper, each refusal explained in Vietnamese, named for the log, and harmless.
/// </summary>
[TestClass]
public sealed class Decree30RecordRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 3, 2);

    [TestMethod]
    public void Decree30_Article28_an_approved_plan_is_fixed_and_says_so_with_its_year()
    {
        var plan = Plan(FilePlanState.Approved);

        var refused = RecordRefusal.Expect("plan-approved", RefusalKind.Invalid, plan, plan.ExpectDraft);

        StringAssert.Contains(refused.DetailVi, "2026");
        StringAssert.Contains(refused.Message, "2026");
        var approvedAgain = RecordRefusal.Expect("plan-not-submitted", RefusalKind.Conflict, plan, () => plan.Approve("giamdoc", null, Now));
        StringAssert.Contains(approvedAgain.DetailVi, "Danh mục hồ sơ năm 2026 đã được phê duyệt.");
        StringAssert.Contains(approvedAgain.Message, "File plan 2026 is Approved, not waiting for a review");
        RecordRefusal.Expect("plan-not-submitted", RefusalKind.Conflict, plan, plan.Return);
    }

    [TestMethod]
    public void Decree30_Article28_a_submitted_plan_is_the_reviewers_the_office_edits_it_only_once_returned()
    {
        var plan = Plan(FilePlanState.Submitted);

        RecordRefusal.Expect("plan-submitted", RefusalKind.Conflict, plan, plan.ExpectDraft);
        RecordRefusal.Expect("plan-submitted", RefusalKind.Conflict, plan, () => plan.Submit(3));
        plan.Return();
        Assert.AreEqual(FilePlanState.Draft, plan.State);
        plan.ExpectDraft();
        var returned = RecordRefusal.Expect("plan-not-submitted", RefusalKind.Conflict, plan, () => plan.Approve("giamdoc", null, Now));
        StringAssert.Contains(returned.DetailVi, "không chờ phê duyệt: chưa được trình hoặc đã được trả lại");
    }

    [TestMethod]
    public void Decree30_Article28_an_empty_plan_cannot_be_submitted()
    {
        var plan = Plan(FilePlanState.Draft);

        RecordRefusal.Expect("plan-empty", RefusalKind.Invalid, plan, () => plan.Submit(0));
        plan.Submit(1);
        Assert.AreEqual(FilePlanState.Submitted, plan.State);
    }

    [TestMethod]
    [DataRow("  12/QĐ-SGDĐT ", "12/QĐ-SGDĐT")]
    [DataRow(" ", null)]
    [DataRow(null, null)]
    public void Decree30_Article28_the_Director_approves_a_submitted_plan_with_its_decision(string? decision, string? recorded)
    {
        var plan = Plan(FilePlanState.Submitted);

        plan.Approve("giamdoc", decision, Now);

        Assert.AreEqual(FilePlanState.Approved, plan.State);
        Assert.AreEqual("giamdoc", plan.ApprovedBy);
        Assert.AreEqual(Now, plan.ApprovedAt);
        Assert.AreEqual(recorded, plan.Decision);
    }

    [TestMethod]
    public void Decree30_AppendixV_serials_run_through_the_whole_plan_unless_they_restart_under_each_heading()
    {
        var first = new FilePlanHeading { Id = Guid.NewGuid(), Title = "Tổ chức cán bộ", Abbreviation = "TCCB" };
        var second = new FilePlanHeading { Id = Guid.NewGuid(), Title = "Kế hoạch tài chính", Abbreviation = "KHTC" };
        RecordFile[] planned = [Planned(first, 1), Planned(first, 2), Planned(second, 3), Planned(second, null)];

        Assert.AreEqual((4, "04.KHTC"), Plan(FilePlanState.Draft).Next(second, planned));
        var perHeading = Plan(FilePlanState.Draft);
        perHeading.SerialPerHeading = true;
        Assert.AreEqual((4, "04.KHTC"), perHeading.Next(second, planned));
        Assert.AreEqual((3, "03.TCCB"), perHeading.Next(first, planned));
        Assert.AreEqual((1, "01.TCCB"), perHeading.Next(first, []), "the first file of a heading is 01");
    }

    [TestMethod]
    public void Decree30_Article29_the_person_handling_the_work_opens_a_planned_file_and_becomes_its_keeper()
    {
        var file = File(RecordFileState.Planned, keeper: null);
        file.UnitCode = null;

        file.Open("chuyenvien", "GDTrH", Now, Today);

        Assert.AreEqual("chuyenvien", file.Keeper);
        Assert.AreEqual("GDTrH", file.UnitCode);
        Assert.AreEqual(RecordFileState.Open, file.State);
        Assert.AreEqual(Now, file.OpenedAt);
        Assert.AreEqual(Today, file.StartDate);
        Assert.AreEqual(1, file.Revision);
    }

    [TestMethod]
    public void Decree30_Article29_a_file_named_for_a_keeper_opens_for_that_keeper_whatever_the_case_and_keeps_its_unit()
    {
        var file = File(RecordFileState.Planned, keeper: "ChuyenVien");

        file.Open("chuyenvien", "VP", Now, Today);

        Assert.AreEqual("chuyenvien", file.Keeper);
        Assert.AreEqual("GDTrH", file.UnitCode, "the plan's unit stays");
    }

    [TestMethod]
    public void Decree30_Article29_only_the_named_keeper_may_open_a_file_and_only_once()
    {
        var someoneElses = File(RecordFileState.Planned, keeper: "truongphong");
        RecordRefusal.Expect("not-keeper", RefusalKind.Forbidden, someoneElses, () => someoneElses.Open("chuyenvien", "GDTrH", Now, Today));

        var open = File(RecordFileState.Open);
        RecordRefusal.Expect("not-planned", RefusalKind.Invalid, open, () => open.Open("chuyenvien", "GDTrH", Now, Today));
    }

    [TestMethod]
    public void Decree30_Article29_documents_get_the_next_ordinal_and_the_same_document_may_come_in_once_per_kind()
    {
        var file = File(RecordFileState.Open);
        var document = Guid.NewGuid();
        file.Documents.Add(Filed(file, 3));

        var incoming = file.Add(FiledKind.Incoming, document, "ChuyenVien", Now);
        var outgoing = file.Add(FiledKind.Outgoing, document, "chuyenvien", Now);

        Assert.AreEqual(4, incoming.Ordinal, "after the highest ordinal, not the count");
        Assert.AreEqual(5, outgoing.Ordinal);
        Assert.AreEqual(file.Id, incoming.FileId);
        Assert.AreEqual(document, incoming.DocumentId);
        Assert.AreEqual(FiledKind.Incoming, incoming.Kind);
        Assert.AreEqual("ChuyenVien", incoming.AddedBy);
        Assert.AreEqual(Now, incoming.AddedAt);
        Assert.AreNotEqual(Guid.Empty, incoming.Id);
        Assert.AreEqual(3, file.Documents.Count);
        Assert.AreEqual(2, file.Revision);
        RecordRefusal.Expect("already-filed", RefusalKind.Invalid, file, () => file.Add(FiledKind.Incoming, document, "chuyenvien", Now));
    }

    [TestMethod]
    public void Decree30_Article29_the_first_document_of_a_file_is_number_one()
    {
        var file = File(RecordFileState.Open);

        Assert.AreEqual(1, file.Add(FiledKind.Outgoing, Guid.NewGuid(), "chuyenvien", Now).Ordinal);
    }

    [TestMethod]
    public void Decree30_Article29_only_the_keeper_changes_an_open_file()
    {
        var file = File(RecordFileState.Open);
        file.Documents.Add(Filed(file, 1));
        var filed = file.Documents[0].Id;

        RecordRefusal.Expect("not-keeper", RefusalKind.Forbidden, file, () => file.Add(FiledKind.Incoming, Guid.NewGuid(), "truongphong", Now));
        RecordRefusal.Expect("not-keeper", RefusalKind.Forbidden, file, () => file.Remove(filed, "truongphong"));
        RecordRefusal.Expect("not-keeper", RefusalKind.Forbidden, file, () => file.Close("truongphong", 10, null, Now, Today));
    }

    [TestMethod]
    public void Decree30_Article30_a_closed_file_takes_no_document_in_or_out_and_a_planned_one_none_yet()
    {
        var closed = File(RecordFileState.Closed);
        closed.Documents.Add(Filed(closed, 1));
        var refused = RecordRefusal.Expect("file-closed", RefusalKind.Invalid, closed, () => closed.Add(FiledKind.Incoming, Guid.NewGuid(), "chuyenvien", Now));
        StringAssert.Contains(refused.DetailVi, "đã kết thúc");
        RecordRefusal.Expect("file-closed", RefusalKind.Invalid, closed, () => closed.Remove(closed.Documents[0].Id, "chuyenvien"));
        RecordRefusal.Expect("file-closed", RefusalKind.Invalid, closed, () => closed.Close("chuyenvien", 10, null, Now, Today));

        var planned = File(RecordFileState.Planned);
        var notOpen = RecordRefusal.Expect("not-open", RefusalKind.Invalid, planned, () => planned.Add(FiledKind.Incoming, Guid.NewGuid(), "chuyenvien", Now));
        StringAssert.Contains(notOpen.DetailVi, "chưa được mở");
    }

    [TestMethod]
    public void Decree30_Article30_removing_a_duplicate_closes_up_the_ordinals_after_it_only()
    {
        var file = File(RecordFileState.Open);
        file.Documents.AddRange([Filed(file, 1), Filed(file, 2), Filed(file, 3)]);
        var second = file.Documents[1];

        Assert.AreSame(second, file.Remove(second.Id, "chuyenvien"));

        CollectionAssert.AreEqual(new[] { 1, 2 }, file.Documents.Select(d => d.Ordinal).ToArray());
        Assert.AreEqual(1, file.Revision);
        RecordRefusal.Expect("not-found", RefusalKind.NotFound, file, () => file.Remove(Guid.NewGuid(), "chuyenvien"));
    }

    [TestMethod]
    [DataRow(1)]
    [DataRow(Retention.MaxYears)]
    [DataRow(null)]
    public void Decree30_Article30_closing_confirms_a_retention_of_1_to_100_years_or_permanent(int? years)
    {
        var file = File(RecordFileState.Open);
        file.Documents.Add(Filed(file, 1));

        file.Close("chuyenvien", years, "  Hồ sơ tuyển sinh lớp 10 năm 2026 ", Now, Today);

        Assert.AreEqual(RecordFileState.Closed, file.State);
        Assert.AreEqual(years, file.RetentionYears);
        Assert.AreEqual("Hồ sơ tuyển sinh lớp 10 năm 2026", file.Title);
        Assert.AreEqual(Now, file.ClosedAt);
        Assert.AreEqual(Today, file.EndDate);
        Assert.AreEqual(1, file.Revision);
    }

    [TestMethod]
    [DataRow(null)]
    [DataRow("")]
    public void Decree30_Article30_closing_without_a_new_title_keeps_the_planned_one(string? title)
    {
        var file = File(RecordFileState.Open);
        file.Documents.Add(Filed(file, 1));

        file.Close("chuyenvien", 5, title, Now, Today);

        Assert.AreEqual("Hồ sơ tuyển sinh", file.Title);
    }

    [TestMethod]
    [DataRow(0)]
    [DataRow(Retention.MaxYears + 1)]
    public void Decree30_Article30_a_retention_outside_1_to_100_years_is_refused(int years)
    {
        var file = File(RecordFileState.Open);
        file.Documents.Add(Filed(file, 1));

        RecordRefusal.Expect("retention-range", RefusalKind.Invalid, file, () => file.Close("chuyenvien", years, null, Now, Today));
    }

    [TestMethod]
    public void Decree30_Article30_an_empty_file_cannot_be_closed()
    {
        var file = File(RecordFileState.Open);

        RecordRefusal.Expect("file-empty", RefusalKind.Invalid, file, () => file.Close("chuyenvien", 10, null, Now, Today));
    }

    [TestMethod]
    public void Decree30_AppendixVI_the_file_code_is_organ_id_year_and_notation()
    {
        Assert.AreEqual("000.00.12.H37.2026.01.TCCB", File(RecordFileState.Open).Code("000.00.12.H37"));
    }

    [TestMethod]
    [DataRow(null, "Vĩnh viễn")]
    [DataRow(20, "20 năm")]
    public void Decree30_AppendixV_retention_reads_as_permanent_or_years(int? years, string text) =>
        Assert.AreEqual(text, Retention.Vietnamese(years));

    private static FilePlan Plan(FilePlanState state) => new() { Id = Guid.NewGuid(), Year = 2026, State = state, CreatedBy = "vanthu" };

    private static RecordFile Planned(FilePlanHeading heading, int? serial) =>
        new() { Id = Guid.NewGuid(), HeadingId = heading.Id, Serial = serial, Notation = $"{serial:00}.{heading.Abbreviation}", Title = "Hồ sơ" };

    private static RecordFile File(RecordFileState state, string? keeper = "chuyenvien") => new()
    {
        Id = Guid.NewGuid(), Year = 2026, Serial = 1, Notation = "01.TCCB", Title = "Hồ sơ tuyển sinh", Keeper = keeper, UnitCode = "GDTrH",
        State = state,
    };

    private static FiledDocument Filed(RecordFile file, int ordinal) => new()
    {
        Id = Guid.NewGuid(), FileId = file.Id, Kind = FiledKind.Incoming, DocumentId = Guid.NewGuid(), Ordinal = ordinal, AddedBy = "chuyenvien",
    };
}
