using DocBpm.Documents.Records;
using DocBpm.Engine;

namespace DocBpm.Documents.Tests.Records;

/// <summary>
/// NĐ30 Articles 30–31 on one file's handover and keep-back, where the rules live: each decision only on a file waiting for
/// it, a return only with a reason, every move counted in the revision that guards against lost races.
/// </summary>
[TestClass]
public sealed class Decree30HandoverRulesTests
{
    private static readonly DateTimeOffset Earlier = new(2027, 1, 4, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Earlier.AddDays(3);

    [TestMethod]
    [DataRow(HandoverState.Returned)]
    [DataRow(HandoverState.Withdrawn)]
    public void Decree30_Article30_a_returned_or_withdrawn_file_is_submitted_again_with_the_last_decision_cleared(HandoverState state)
    {
        var handover = Decided(state, "Thiếu mục lục văn bản");
        var submission = Guid.NewGuid();

        handover.Resubmit(submission, "chuyenvien2", Now);

        Assert.AreEqual(HandoverState.Submitted, handover.State);
        Assert.AreEqual((submission, "chuyenvien2", Now), (handover.SubmissionId, handover.SubmittedBy, handover.SubmittedAt));
        Assert.AreEqual((null, null, null), (handover.DecidedBy, handover.DecidedAt, handover.Reason), "the new submission waits for a new decision");
        Assert.AreEqual(4, handover.Revision);
    }

    [TestMethod]
    [DataRow(HandoverState.Submitted, "đang chờ Lưu trữ cơ quan kiểm tra")]
    [DataRow(HandoverState.Accepted, "đã được Lưu trữ cơ quan tiếp nhận")]
    public void Decree30_Article30_a_file_submitted_or_accepted_cannot_be_submitted_twice(HandoverState state, string says)
    {
        var handover = state == HandoverState.Submitted ? Submitted() : Decided(state, null);

        var refused = RecordRefusal.Expect("already-submitted", RefusalKind.Conflict, handover, () => handover.Resubmit(Guid.NewGuid(), "chuyenvien", Now));

        StringAssert.Contains(refused.DetailVi, says);
        StringAssert.Contains(refused.DetailVi, "Hãy tải lại trang.");
        StringAssert.Contains(refused.Message, handover.FileId.ToString());
        StringAssert.Contains(refused.Message, state.ToString());
    }

    [TestMethod]
    public void Decree30_Article31_the_archivist_accepts_a_submitted_file()
    {
        var handover = Submitted();

        handover.Accept("luutru", Now);

        Assert.AreEqual((HandoverState.Accepted, "luutru", (DateTimeOffset?)Now, (string?)null), (handover.State, handover.DecidedBy, handover.DecidedAt, handover.Reason));
        Assert.AreEqual(4, handover.Revision);
        Assert.AreEqual(("chuyenvien", Earlier), (handover.SubmittedBy, handover.SubmittedAt), "the submission itself stays as it was");
    }

    [TestMethod]
    public void Decree30_Article30_the_keeper_withdraws_a_file_the_archivist_has_not_decided()
    {
        var handover = Submitted();

        handover.Withdraw("chuyenvien", Now);

        Assert.AreEqual((HandoverState.Withdrawn, "chuyenvien", (DateTimeOffset?)Now), (handover.State, handover.DecidedBy, handover.DecidedAt));
        Assert.AreEqual(4, handover.Revision);
    }

    [TestMethod]
    public void Decree30_Article31_a_return_keeps_its_reason_trimmed_and_up_to_its_full_length()
    {
        var handover = Submitted();
        var longest = new string('x', RecordHandover.ReasonLength);

        handover.Return("luutru", "  " + longest + "  ", Now);

        Assert.AreEqual((HandoverState.Returned, "luutru", (DateTimeOffset?)Now, longest), (handover.State, handover.DecidedBy, handover.DecidedAt, handover.Reason));
        Assert.AreEqual(4, handover.Revision);
    }

    [TestMethod]
    [DataRow(null)]
    [DataRow("")]
    [DataRow("   ")]
    public void Decree30_Article31_a_return_without_a_reason_is_refused(string? reason)
    {
        var handover = Submitted();

        var refused = RecordRefusal.Expect("reason-required", RefusalKind.Invalid, handover, () => handover.Return("luutru", reason, Now));

        StringAssert.Contains(refused.DetailVi, "lý do");
    }

    [TestMethod]
    public void Decree30_Article31_a_return_reason_longer_than_its_column_is_refused()
    {
        var handover = Submitted();

        var refused = RecordRefusal.Expect("reason-length", RefusalKind.Invalid, handover,
            () => handover.Return("luutru", new string('x', RecordHandover.ReasonLength + 1), Now));

        StringAssert.Contains(refused.DetailVi, RecordHandover.ReasonLength.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [TestMethod]
    [DataRow(HandoverState.Accepted, "đã được Lưu trữ cơ quan tiếp nhận")]
    [DataRow(HandoverState.Returned, "đã được trả lại người lập")]
    [DataRow(HandoverState.Withdrawn, "đã rút hồ sơ lại")]
    public void Decree30_Article31_only_a_file_waiting_for_the_archivist_is_decided_and_the_second_decision_loses_the_race(HandoverState state, string says)
    {
        var handover = Decided(state, state == HandoverState.Returned ? "Thiếu biên bản" : null);
        Action[] decisions =
        [
            () => handover.Accept("luutru", Now),
            () => handover.Return("luutru", "Thiếu chữ ký", Now),
            () => handover.Withdraw("chuyenvien", Now),
        ];

        foreach (var decide in decisions)
        {
            var refused = RecordRefusal.Expect("already-decided", RefusalKind.Conflict, handover, decide);
            StringAssert.Contains(refused.DetailVi, says);
            StringAssert.Contains(refused.DetailVi, "Hãy tải lại trang.");
        }
    }

    [TestMethod]
    [DataRow(true, KeepBackState.Approved)]
    [DataRow(false, KeepBackState.Refused)]
    public void Decree30_Article30_3_the_head_decides_a_keep_back_once(bool approve, KeepBackState decided)
    {
        var keepBack = KeepBackRequested();

        keepBack.Decide(approve, "giamdoc", Now);

        Assert.AreEqual((decided, "giamdoc", (DateTimeOffset?)Now), (keepBack.State, keepBack.DecidedBy, keepBack.DecidedAt));
        Assert.AreEqual(2, keepBack.Revision);
        var refused = RecordRefusal.Expect("keep-back-decided", RefusalKind.Conflict, keepBack, () => keepBack.Decide(!approve, "giamdoc", Now));
        StringAssert.Contains(refused.DetailVi, "đã được quyết định");
        StringAssert.Contains(refused.Message, keepBack.Id.ToString());
    }

    private static RecordHandover Submitted() => new()
    {
        Id = Guid.NewGuid(), FileId = Guid.NewGuid(), State = HandoverState.Submitted, SubmissionId = Guid.NewGuid(),
        SubmittedBy = "chuyenvien", SubmittedAt = Earlier, Revision = 3,
    };

    private static RecordHandover Decided(HandoverState state, string? reason)
    {
        var handover = Submitted();
        handover.State = state;
        handover.DecidedBy = "luutru";
        handover.DecidedAt = Earlier.AddDays(1);
        handover.Reason = reason;
        return handover;
    }

    private static KeepBack KeepBackRequested() => new()
    {
        Id = Guid.NewGuid(), FileId = Guid.NewGuid(), RequestedBy = "chuyenvien", RequestedAt = Earlier, Reason = "Còn dùng cho thanh tra",
        DueDate = new DateOnly(2027, 1, 1), Until = new DateOnly(2028, 1, 1), State = KeepBackState.Requested, Revision = 1,
    };
}
