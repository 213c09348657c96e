using DocBpm.Documents.Authorisations;
using DocBpm.Documents.Organisation;
using DocBpm.Documents.Outgoing;
using DocBpm.Engine;

namespace DocBpm.Documents.Tests.Outgoing;

/// <summary>
/// Article 9 on one outgoing document, at the entity: each step only from its own stage, each refusal saying why in
/// Vietnamese and what for the log, and leaving the document as it was.
/// </summary>
[TestClass]
public sealed class Article9StageRulesTests
{
    private static OutgoingDocument At(OutgoingStage stage) => new()
    {
        Id = Guid.NewGuid(), TypeCode = "QĐ", TypeName = "Quyết định", Subject = "Thành lập đoàn", DraftingUnit = "GDTrH",
        Drafter = "chuyenvien", Stage = stage, SigningLeader = stage == OutgoingStage.AwaitingSignature ? "phogiamdoc" : null,
    };

    private static OutgoingRefusedException Refused(OutgoingDocument document, RefusalKind kind, Action act)
    {
        var (stage, leader, capacity) = (document.Stage, document.SigningLeader, document.RequestedCapacity);
        var refused = Assert.ThrowsExactly<OutgoingRefusedException>(act);
        Assert.AreEqual(kind, refused.Kind);
        Assert.AreEqual((stage, leader, capacity), (document.Stage, document.SigningLeader, document.RequestedCapacity), "a refusal changes nothing");
        return refused;
    }

    [TestMethod]
    public void Article9_2a_a_draft_is_submitted_once_with_the_capacity_asked()
    {
        var draft = At(OutgoingStage.Drafting);

        draft.Submit(SigningCapacity.OnBehalf);

        Assert.AreEqual((OutgoingStage.Reviewing, (SigningCapacity?)SigningCapacity.OnBehalf), (draft.Stage, draft.RequestedCapacity));
        var again = Refused(draft, RefusalKind.Conflict, () => draft.Submit(null));
        StringAssert.Contains(again.DetailVi, "không ở bước này");
        StringAssert.Contains(again.Message, $"{draft.Id} is at Reviewing, not Drafting");
    }

    [TestMethod]
    public void Decree30_Article13_a_capacity_the_decree_does_not_know_is_refused_before_anything_moves()
    {
        var draft = At(OutgoingStage.Drafting);

        var refused = Refused(draft, RefusalKind.Invalid, () => draft.Submit((SigningCapacity)42));

        StringAssert.Contains(refused.DetailVi, "NĐ30 Điều 13");
        StringAssert.Contains(refused.Message, "42");
    }

    [TestMethod]
    [DataRow(OutgoingStage.Drafting)]
    [DataRow(OutgoingStage.Issued)]
    public void Article9_2_a_document_neither_under_check_nor_signed_has_nothing_to_return(OutgoingStage stage)
    {
        var document = At(stage);

        var refused = Refused(document, RefusalKind.Conflict, () => document.Return());

        StringAssert.Contains(refused.DetailVi, "Điều 9.2");
        StringAssert.Contains(refused.Message, $"{document.Id} at {stage}");
    }

    [TestMethod]
    public void Article9_2a_the_leader_refusing_to_sign_returns_the_draft_and_the_next_check_presents_it_afresh()
    {
        var presented = At(OutgoingStage.AwaitingSignature);

        var (step, action) = presented.Return();

        Assert.AreEqual((OutgoingProcess.StepAt(OutgoingStage.AwaitingSignature), OutgoingAction.SignatureRefused), (step, action));
        Assert.AreEqual((OutgoingStage.Drafting, (string?)null), (presented.Stage, presented.SigningLeader));
    }

    [TestMethod]
    public void Article9_2b_the_clerk_issues_only_a_signed_document()
    {
        At(OutgoingStage.AwaitingIssue).ExpectIssue();
        var unsigned = At(OutgoingStage.AwaitingSignature);

        var refused = Refused(unsigned, RefusalKind.Conflict, unsigned.ExpectIssue);

        StringAssert.Contains(refused.DetailVi, "không có thay đổi nào được lưu");
    }

    [TestMethod]
    public void Article9_5_a_correction_refused_to_another_unit_names_the_person_and_the_drafting_unit_in_the_log()
    {
        var issued = At(OutgoingStage.Issued);

        var refused = Refused(issued, RefusalKind.Forbidden, () => issued.ExpectCorrectionBy(new Drafter("kehoach", "KHTC")));

        StringAssert.Contains(refused.Message, "kehoach");
        StringAssert.Contains(refused.Message, "GDTrH");
    }

    [TestMethod]
    public void Article9_1_recipients_are_chosen_by_the_drafter_while_the_draft_is_with_them()
    {
        At(OutgoingStage.Drafting).ExpectDrafter("chuyenvien");
        var draft = At(OutgoingStage.Drafting);

        var colleague = Refused(draft, RefusalKind.Forbidden, () => draft.ExpectDrafter("chuyenvien2"));
        StringAssert.Contains(colleague.DetailVi, "Điều 9.1");
        StringAssert.Contains(colleague.Message, "chuyenvien2");
        var submitted = At(OutgoingStage.Reviewing);
        Refused(submitted, RefusalKind.Conflict, () => submitted.ExpectDrafter("chuyenvien"));
    }

    private static readonly SignerCapacity Deputy = new(SigningCapacity.OnBehalf, "KT. GIÁM ĐỐC");

    [TestMethod]
    public void Article9_2a_only_the_presented_leader_signs_and_nothing_of_the_signature_is_kept_when_another_tries()
    {
        var presented = At(OutgoingStage.AwaitingSignature);

        var other = Refused(presented, RefusalKind.Forbidden,
            () => presented.Sign(new Person("giamdoc", "Nguyễn Văn A", "BGD") { Position = "Giám đốc" }, Deputy, DateTimeOffset.UnixEpoch));

        StringAssert.Contains(other.DetailVi, "Điều 9.2a");
        StringAssert.Contains(other.Message, "giamdoc is not the leader phogiamdoc");
        Assert.IsNull(presented.SignerUserName);
        presented.Sign(new Person("PhoGiamDoc", "Trần Thị B", "BGD") { Position = "Phó Giám đốc" }, Deputy, DateTimeOffset.UnixEpoch);
        Assert.AreEqual((OutgoingStage.AwaitingIssue, "PhoGiamDoc", "KT. GIÁM ĐỐC"), (presented.Stage, presented.SignerUserName, presented.SignerCompetence));
    }

    [TestMethod]
    [DataRow(OutgoingStage.Reviewing)]
    [DataRow(OutgoingStage.AwaitingIssue)]
    public void Article9_2a_a_document_not_awaiting_a_signature_is_neither_signed_nor_handed_to_another_leader(OutgoingStage stage)
    {
        var document = At(stage);
        document.SigningLeader = "phogiamdoc";

        var signed = Refused(document, RefusalKind.Conflict,
            () => document.Sign(new Person("phogiamdoc", "Trần Thị B", "BGD"), Deputy, DateTimeOffset.UnixEpoch));
        var handed = Refused(document, RefusalKind.Conflict, () => document.HandOverSigning("giamdoc"));

        StringAssert.Contains(signed.Message, $"{document.Id} is at {stage}, not AwaitingSignature");
        StringAssert.Contains(handed.Message, $"{document.Id} is at {stage}, not AwaitingSignature");
        Assert.IsNull(document.SignerUserName);
    }

    [TestMethod]
    public void Article9_2a_a_waiting_signature_handed_to_the_same_leader_is_refused_naming_him()
    {
        var presented = At(OutgoingStage.AwaitingSignature);

        var refused = Refused(presented, RefusalKind.Invalid, () => presented.HandOverSigning("PHOGIAMDOC"));

        StringAssert.Contains(refused.DetailVi, "chính lãnh đạo này");
        StringAssert.Contains(refused.Message, $"PHOGIAMDOC already signs {presented.Id}");
        Assert.AreEqual("phogiamdoc", presented.HandOverSigning("giamdoc"));
        Assert.AreEqual("giamdoc", presented.SigningLeader);
    }
}
