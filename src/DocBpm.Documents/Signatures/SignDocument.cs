using DocBpm.Engine.Activities;

namespace DocBpm.Documents.Signatures;

/// <summary>
/// Signs a stored PDF with a key the admin configured: the competent person's signature first, then the agency's when
/// the clerk issues it (Article 9.3). The signed PDF is stored as a new file; the original is kept.
/// </summary>
[Activity(Type, Category = "Văn bản", DisplayName = "Ký số văn bản", Asynchronous = true,
    Description = "Ký số tệp PDF (PAdES) bằng khóa đã cấu hình: chữ ký cá nhân của người có thẩm quyền, sau đó chữ ký của cơ quan khi phát hành. "
        + "Lỗi 'invalid-file' khi tệp không ký được (không phải PDF, bị mã hóa, hỏng); 'invalid-key' khi chứng thư số của khóa "
        + "đã hết hạn, bị thu hồi hoặc không được tin cậy.")]
public sealed class SignDocument(DocumentSignatures signatures) : IActivity
{
    public const string Type = "SignDocument";
    public const string InvalidKey = "invalid-key";

    [Input(DisplayName = "Tệp văn bản (PDF)")]
    public required Input<Guid> FileId { get; init; }

    [Input(DisplayName = "Mã khóa ký", Description = "Khóa đã cấu hình trong Signatures:Keys.")]
    public required Input<string> KeyId { get; init; }

    [Input(DisplayName = "Loại chữ ký", Description = "Personal (cá nhân) hoặc Agency (cơ quan).")]
    public Input<SignatureRole>? Role { get; init; }

    [Input(DisplayName = "Người ký", Description = "Tên hiện trên chữ ký; mặc định lấy từ chứng thư số.")]
    public Input<string>? SignerName { get; init; }

    [Input(DisplayName = "Tài khoản người ký", Description = "Chọn ảnh chữ ký của người này (Phụ lục I, NĐ30); chữ ký cơ quan dùng ảnh con dấu.")]
    public Input<string>? SignerUserName { get; init; }

    [Input(DisplayName = "Số, ký hiệu văn bản")]
    public Input<string>? Notation { get; init; }

    [Input(DisplayName = "Thẩm quyền ký", Description = "Dòng thẩm quyền và chức vụ, ví dụ \"KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC\" (NĐ30 Điều 13); hiện trên chữ ký và ghi là lý do ký.")]
    public Input<string>? Authority { get; init; }

    [Input(DisplayName = "Trang đặt chữ ký", Description = "Mặc định: trang cuối.")]
    public Input<int?>? Page { get; init; }

    [Output(DisplayName = "Tệp đã ký số")]
    public Output<Guid> SignedFileId { get; init; } = new();

    public async ValueTask<Outcome> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        try
        {
            var signed = await signatures.SignFileAsync(context.Get(FileId), context.Get(KeyId), context.Get(Role), context.Get(SignerName),
                context.Get(SignerUserName), context.Get(Notation), context.Get(Authority), context.Get(Page), cancellationToken);
            context.Set(SignedFileId, signed.Id);
            return Outcome.Done;
        }
        catch (SignatureInputException refused)
        {
            // The file itself cannot be signed; retrying would not help, the process decides what to do.
            return Outcome.Error(VerifySignature.InvalidFile, refused.Vietnamese);
        }
        catch (SignatureRefusedException refused)
        {
            return Outcome.Error(InvalidKey, refused.Vietnamese);
        }
    }
}
