using DocBpm.Documents.Exchange;

namespace DocBpm.Web.Exchange;

/// <summary>A Vietnamese explanation of an intake failure's cause for the administrators, shown beside the stored error.</summary>
public static class IntakeErrorText
{
    public static string Explain(IntakeFailureCause cause) => cause switch
    {
        IntakeFailureCause.Process => "Quy trình đang chờ gói tin này không xử lý được nó (ví dụ không có nhánh cho trạng thái nhận được); "
            + "cần sửa hoặc hủy quy trình đó rồi thử lại.",
        IntakeFailureCause.Format => "Gói tin không đúng định dạng edXML hoặc có mã định danh, số, ký hiệu không hợp lệ; đề nghị nơi gửi kiểm tra và gửi lại.",
        IntakeFailureCause.File => "Tệp kèm theo gói tin không được chấp nhận (định dạng không cho phép hoặc tệp bị hỏng); đề nghị nơi gửi gửi lại.",
        IntakeFailureCause.Signature => "Chữ ký số của văn bản trong gói tin không hợp lệ; đề nghị nơi gửi ký lại và gửi lại.",
        IntakeFailureCause.Database => "Không ghi được vào cơ sở dữ liệu (có thể do xung đột khi nhiều việc chạy cùng lúc); xem lỗi của cơ sở dữ liệu rồi thử lại.",
        IntakeFailureCause.DuplicateIdentifier => "Trùng mã định danh: nơi gửi đã gửi một văn bản khác với cùng mã định danh, văn bản đó đã được đăng ký; "
            + "liên hệ nơi gửi để xác định văn bản nào đúng (Phụ lục VI Nghị định 30/2020/NĐ-CP).",
        IntakeFailureCause.ForeignIdentifier => "Mã định danh văn bản không phải của cơ quan gửi; gói tin đã bị từ chối (trạng thái 02).",
        IntakeFailureCause.NotOriginalSender => "Cơ quan gửi không phải nơi đã gửi văn bản gốc nên không được thu hồi, cập nhật hay thay thế văn bản đó; "
            + "gói tin đã bị từ chối (trạng thái 02).",
        IntakeFailureCause.NotAParty => "Trạng thái xử lý do một cơ quan không nhận văn bản này từ Sở báo về; không áp dụng, cần kiểm tra với cơ quan đó.",
        IntakeFailureCause.StateSecret => "Văn bản có nội dung bí mật nhà nước không được gửi, nhận qua Hệ thống (Điều 5 khoản 2, Điều 11 khoản 1 Quy chế); "
            + "gói tin đã bị từ chối (trạng thái 02).",
        IntakeFailureCause.UnknownOriginal => "Thông báo thu hồi một văn bản mà Sở chưa từng nhận từ cơ quan gửi; gói tin đã bị từ chối (trạng thái 02).",
        IntakeFailureCause.RecallNotApplied => "Thông báo thu hồi đến khi văn bản đã xử lý xong hoặc đã bị hủy, nên không tự động hủy được; Văn thư báo cáo "
            + "Lãnh đạo Văn phòng, xử lý theo Điều 8 khoản 2 điểm c Quy chế, rồi bỏ qua gói tin này kèm lý do.",
        _ => "Lỗi chưa được phân loại khi tiếp nhận gói tin; xem chi tiết kỹ thuật bên cạnh và nhật ký hệ thống, khắc phục rồi thử lại.",
    };
}
