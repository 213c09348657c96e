using DocBpm.Documents.Exchange;
using DocBpm.Documents.Outgoing;

namespace DocBpm.Web.Outgoing;

/// <summary>What the pages print for the outgoing documents' codes.</summary>
public static class OutgoingText
{
    /// <summary>
    /// The stage as a person reads it. A signed document is "đã ký" only once the process has signed its file: between the
    /// leader's step and the signature, <paramref name="signedFileReady"/> is false and the page says the signing runs.
    /// </summary>
    public static string Vietnamese(this OutgoingStage stage, bool signedFileReady) => stage switch
    {
        OutgoingStage.AwaitingIssue when !signedFileReady => "Lãnh đạo đã duyệt ký, đang ký số",
        OutgoingStage.Drafting => "Đang soạn thảo",
        OutgoingStage.Reviewing => "Đang xin ý kiến, kiểm duyệt",
        OutgoingStage.AwaitingSignature => "Chờ lãnh đạo ký",
        OutgoingStage.AwaitingIssue => "Đã ký, chờ phát hành",
        _ => "Đã ban hành",
    };

    /// <summary>
    /// The stage shown on the page: a failed step stops it where it is, and a number alone is not an issue: "Đã ban hành"
    /// only once the agency-signed file is stored.
    /// </summary>
    public static string StageText(this OutgoingPage page) => page switch
    {
        { Failures: [var failure, ..] } => failure.Step.Headline(),
        { Stage: OutgoingStage.Issued, IssuedFileId: null } => "Đã cấp số, đang ký số cơ quan và phát hành",
        _ => page.Stage.Vietnamese(page.SignedFileReady),
    };

    public static string Headline(this FailedStep step) => step switch
    {
        FailedStep.Signing => "Ký số không thành công",
        FailedStep.Dispatch => "Gửi văn bản lên trục liên thông không thành công",
        _ => "Phát hành không thành công",
    };

    /// <summary>What failed and what to do: the person who can act retries; the others learn who was told.</summary>
    public static string Message(this FailedStep step, bool mayRetry)
    {
        var what = step switch
        {
            FailedStep.Signing => "hệ thống chưa ký được tệp bằng khóa ký số của lãnh đạo ký (khóa chưa được cấu hình, hết hạn hoặc không được tin cậy)",
            FailedStep.Dispatch => "văn bản đã có số nhưng chưa tạo được gói tin gửi các cơ quan nhận",
            _ => "văn bản đã có số nhưng chưa ký số cơ quan và lưu được bản phát hành",
        };
        var next = mayRetry ? "Bấm 'Thử lại' hoặc báo quản trị."
            : step == FailedStep.Signing ? "Lãnh đạo ký đã được báo để thử lại." : "Văn thư đã được báo để thử lại.";
        return $"{step.Headline()}: {what}. {next}";
    }

    public static string Vietnamese(this OutgoingAction action) => action switch
    {
        OutgoingAction.Created => "Tạo dự thảo",
        OutgoingAction.Submitted => "Trình",
        OutgoingAction.Opinion => "Cho ý kiến",
        OutgoingAction.Approved => "Trưởng đơn vị duyệt",
        OutgoingAction.Returned => "Trưởng đơn vị trả lại",
        OutgoingAction.SignedByLeader => "Lãnh đạo ký",
        OutgoingAction.SignatureRefused => "Lãnh đạo trả lại",
        OutgoingAction.ReturnedByClerk => "Văn thư trả lại (Điều 9.2b)",
        OutgoingAction.Issued => "Phát hành",
        OutgoingAction.Corrected => "Đính chính, thay thế",
        _ => "Nhắc phát hành",
    };

    public static string Vietnamese(this CorrectionKind kind) => kind switch
    {
        CorrectionKind.Notice => "Công văn đính chính",
        _ => "Văn bản thay thế",
    };

    public static string Vietnamese(this DraftFileKind kind) => kind switch
    {
        DraftFileKind.Main => "Văn bản chính",
        _ => "Phụ lục",
    };

    /// <summary>An agency recipient's progress as the clerk and the drafter read it; a refusal adds its reason.</summary>
    public static string Vietnamese(this DispatchProgress progress, string? note) => progress switch
    {
        DispatchProgress.Waiting => "Chờ gửi",
        DispatchProgress.Sent => "Đã gửi",
        DispatchProgress.Received => "Đã nhận",
        DispatchProgress.Refused => string.IsNullOrWhiteSpace(note) ? "Từ chối" : $"Từ chối: {note}",
        _ => "Lỗi gửi, hệ thống đang thử gửi lại",
    };

    public static string Vietnamese(this RecipientDelivery delivery) => delivery switch
    {
        RecipientDelivery.NotSent => "Chưa gửi",
        RecipientDelivery.Queued => "Đang gửi",
        RecipientDelivery.Sent => "Đã gửi lên trục",
        RecipientDelivery.Delivered => "Đã chuyển vào hộp công việc",
        _ => "Đã nhận",
    };
}
