using DocBpm.Engine;

namespace DocBpm.Documents.Records;

/// <summary>NĐ30 Articles 30–31 on one file's handover: the keeper submits or withdraws, the archivist accepts or returns.</summary>
public sealed partial class RecordHandover
{
    /// <summary>A new submission of a file never submitted, returned or withdrawn; one submitted or accepted cannot go twice.</summary>
    public void Resubmit(Guid submissionId, string userName, DateTimeOffset now)
    {
        if (State is HandoverState.Submitted or HandoverState.Accepted)
            throw Conflict("already-submitted", State == HandoverState.Accepted ? "Hồ sơ đã được Lưu trữ cơ quan tiếp nhận." : "Hồ sơ đã được nộp, đang chờ Lưu trữ cơ quan kiểm tra.");
        State = HandoverState.Submitted;
        SubmissionId = submissionId;
        SubmittedBy = userName;
        SubmittedAt = now;
        DecidedBy = null;
        DecidedAt = null;
        Reason = null;
        Revision++;
    }

    public void Withdraw(string userName, DateTimeOffset now) => Decide(HandoverState.Withdrawn, userName, null, now);

    public void Accept(string userName, DateTimeOffset now) => Decide(HandoverState.Accepted, userName, null, now);

    /// <summary>A return says why, so the keeper knows what to fix before submitting again.</summary>
    public void Return(string userName, string? reason, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw RecordsRefusedException.Invalid("reason-required", "Trả lại hồ sơ cần ghi rõ lý do để người lập hồ sơ hoàn thiện.", "A return needs a reason.", "reason");
        if (reason.Trim().Length > ReasonLength)
            throw RecordsRefusedException.Invalid("reason-length", $"Lý do tối đa {ReasonLength} ký tự.", "Reason too long.", "reason");
        Decide(HandoverState.Returned, userName, reason.Trim(), now);
    }

    /// <summary>Only a file waiting for the archivist moves on: whoever comes second finds it decided and loses the race.</summary>
    private void Decide(HandoverState next, string userName, string? reason, DateTimeOffset now)
    {
        if (State != HandoverState.Submitted)
            throw Conflict("already-decided", State switch
            {
                HandoverState.Accepted => "Hồ sơ đã được Lưu trữ cơ quan tiếp nhận.",
                HandoverState.Returned => "Hồ sơ đã được trả lại người lập.",
                _ => "Người lập hồ sơ đã rút hồ sơ lại.",
            });
        State = next;
        DecidedBy = userName;
        DecidedAt = now;
        Reason = reason;
        Revision++;
    }

    private RecordsRefusedException Conflict(string rule, string detailVi) =>
        new(RefusalKind.Conflict, rule, $"{detailVi} Hãy tải lại trang.", $"Handover of file {FileId} is {State}.");
}

/// <summary>NĐ30 Art. 30.3: keeping a due file back needs the head's consent and ends at most two years after it was due.</summary>
public sealed partial class KeepBack
{
    public void Decide(bool approve, string userName, DateTimeOffset now)
    {
        if (State != KeepBackState.Requested)
            throw new RecordsRefusedException(RefusalKind.Conflict, "keep-back-decided", "Đề nghị giữ lại hồ sơ đã được quyết định. Hãy tải lại trang.",
                $"Keep-back {Id} is {State}.");
        State = approve ? KeepBackState.Approved : KeepBackState.Refused;
        DecidedBy = userName;
        DecidedAt = now;
        Revision++;
    }
}
