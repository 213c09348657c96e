using DocBpm.Documents.Organisation;
using DocBpm.Documents.Authorisations;
using DocBpm.Engine;

namespace DocBpm.Documents.Outgoing;

/// <summary>The rules of Article 9 on one outgoing document; each refusal explains itself in Vietnamese and changes nothing.</summary>
public sealed partial class OutgoingDocument
{
    /// <summary>Only the drafter chooses the recipients, while the draft is with them (Article 9.1, NĐ30 art. 10).</summary>
    public void ExpectDrafter(string userName)
    {
        ExpectStage(OutgoingStage.Drafting);
        if (Drafter != userName)
            throw new OutgoingRefusedException(RefusalKind.Forbidden, "Chỉ người soạn thảo chọn nơi nhận (Điều 9.1).",
                $"{userName} is not the drafter of {Id}; only the drafter sets recipients.");
    }

    /// <summary>
    /// The drafter presents the draft for opinions and the unit head's final check (Article 9.2a), with the capacity it
    /// is to be signed in (NĐ30 Art. 13), or none to take the signer's.
    /// </summary>
    public void Submit(SigningCapacity? capacity)
    {
        if (capacity is { } asked && !Enum.IsDefined(asked))
            throw OutgoingRefusedException.Invalid("Thẩm quyền ký không hợp lệ (NĐ30 Điều 13: KT., TL., TUQ., TM.).", $"Unknown capacity {asked}.");
        MoveTo(OutgoingStage.Drafting, OutgoingStage.Reviewing);
        RequestedCapacity = capacity;
    }

    /// <summary>The unit head's final check presents the draft to one leader, who alone may sign it (Article 9.2a).</summary>
    public void Approve(string signingLeader)
    {
        MoveTo(OutgoingStage.Reviewing, OutgoingStage.AwaitingSignature);
        SigningLeader = signingLeader;
    }

    /// <summary>
    /// Back to the drafter from whichever check it is at: the unit head's or the leader's (Article 9.2a), or the clerk's
    /// on a signed document with errors (Article 9.2b). Returns the step returning it and how the history records it.
    /// </summary>
    public (string Step, OutgoingAction Action) Return()
    {
        var action = Stage switch
        {
            OutgoingStage.Reviewing => OutgoingAction.Returned,
            OutgoingStage.AwaitingSignature => OutgoingAction.SignatureRefused,
            OutgoingStage.AwaitingIssue => OutgoingAction.ReturnedByClerk,
            _ => throw OutgoingRefusedException.Conflict("Văn bản không ở bước có thể trả lại (Điều 9.2).", $"Document {Id} at {Stage} cannot be returned."),
        };
        var step = OutgoingProcess.StepAt(Stage)!;
        Stage = OutgoingStage.Drafting;
        // The next final check presents the corrected draft afresh.
        SigningLeader = null;
        return (step, action);
    }

    /// <summary>Only the leader the draft was presented to signs it (Article 9.2a).</summary>
    public void ExpectSigner(string userName)
    {
        ExpectStage(OutgoingStage.AwaitingSignature);
        if (!string.Equals(SigningLeader, userName, StringComparison.OrdinalIgnoreCase))
            throw new OutgoingRefusedException(RefusalKind.Forbidden,
                "Văn bản được trình lãnh đạo khác ký; bạn không được ký văn bản này (Điều 9.2a).",
                $"{userName} is not the leader {SigningLeader} that document {Id} was presented to.");
    }

    /// <summary>
    /// The presented leader signs; the document records who signed, with which title and in which capacity, and the
    /// authorisation behind it (NĐ30 art. 13), as the register prints them.
    /// </summary>
    public void Sign(Person leader, SignerCapacity capacity, DateTimeOffset at)
    {
        ExpectSigner(leader.UserName);
        SignerUserName = leader.UserName;
        SignerName = leader.FullName;
        SignerPosition = leader.Position;
        SignerCompetence = capacity.Competence;
        SigningAuthorisationId = capacity.AuthorisationId;
        SignerAuthorisation = capacity.AuthorisationReference;
        SignedAt = at.ToUniversalTime();
        Stage = OutgoingStage.AwaitingIssue;
    }

    /// <summary>
    /// A waiting signature goes to another leader (the first is away); returns who had it. Whether the new one may sign
    /// it is <see cref="SigningAuthorisations"/>' rule.
    /// </summary>
    public string HandOverSigning(string toLeader)
    {
        ExpectStage(OutgoingStage.AwaitingSignature);
        var from = SigningLeader!;
        if (string.Equals(from, toLeader, StringComparison.OrdinalIgnoreCase))
            throw OutgoingRefusedException.Invalid("Văn bản đang chờ chính lãnh đạo này ký; hãy chọn lãnh đạo khác.", $"{toLeader} already signs {Id}.");
        SigningLeader = toLeader;
        return from;
    }

    /// <summary>The clerk issues only a signed document (Article 9.2b).</summary>
    public void ExpectIssue() => ExpectStage(OutgoingStage.AwaitingIssue);

    /// <summary>Only the drafting unit replaces or corrects its issued document (Article 9.5).</summary>
    public void ExpectCorrectionBy(Drafter drafter)
    {
        if (drafter.UnitCode != DraftingUnit)
            throw new OutgoingRefusedException(RefusalKind.Forbidden, "Chỉ đơn vị soạn thảo văn bản được đính chính hoặc thay thế văn bản (Điều 9.5).",
                $"{drafter.UserName} is not in the drafting unit {DraftingUnit}.");
    }

    private void MoveTo(OutgoingStage from, OutgoingStage to)
    {
        ExpectStage(from);
        Stage = to;
    }

    private void ExpectStage(OutgoingStage stage)
    {
        if (Stage != stage)
            throw OutgoingRefusedException.Conflict("Văn bản không ở bước này; không có thay đổi nào được lưu.",
                $"Outgoing document {Id} is at {Stage}, not {stage}.");
    }
}
