using DocBpm.Documents.Exchange;
using DocBpm.Documents.Files;
using DocBpm.Edxml;
using DocBpm.Engine.Activities;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.Signatures;

/// <summary>
/// Checks the digital signatures of a stored PDF, or of a received document's PDF files (the first one is the main
/// document and decides the legal status), for the clerk's authenticity and integrity check (Articles 4, 6.1, 8.1a).
/// It runs after the step that stored the files commits (revocation checks may also reach outside), so an intake and
/// its verification are two steps.
/// </summary>
[Activity(Type, Category = "Văn bản", DisplayName = "Kiểm tra chữ ký số", Outcomes = [ReferenceOnly], Asynchronous = true,
    Description = "Kiểm tra chữ ký số trên tệp PDF: toàn vẹn, chứng thư số, thời điểm ký, thu hồi; kết luận giá trị pháp lý theo Điều 4; "
        + "với văn bản đến, chữ ký số cơ quan phải là của cơ quan gửi (Điều 8.1a). "
        + "Kết quả 'referenceOnly' khi văn bản chỉ có giá trị tham khảo; lỗi 'invalid-file' khi tệp không đọc được.")]
public sealed class VerifySignature(DocumentSignatures signatures, DbContext db) : IActivity
{
    public const string Type = "VerifySignature";
    public const string ReferenceOnly = "referenceOnly";
    public const string InvalidFile = "invalid-file";

    [Input(DisplayName = "Tệp văn bản (PDF)", Description = "Mã tệp đã lưu; hoặc dùng 'Văn bản đến'.")]
    public Input<Guid?>? FileId { get; init; }

    [Input(DisplayName = "Văn bản đến", Description = "Mã văn bản đến; kiểm tra các tệp PDF đính kèm.")]
    public Input<Guid?>? ReceivedDocumentId { get; init; }

    [Output(DisplayName = "Giá trị pháp lý")]
    public Output<LegalStatus> LegalStatus { get; init; } = new();

    [Output(DisplayName = "Tóm tắt kết quả kiểm tra")]
    public Output<string> Summary { get; init; } = new();

    [Output(DisplayName = "Người ký")]
    public Output<List<string>> Signers { get; init; } = new();

    [Output(DisplayName = "Mã định danh cơ quan ký", Description = "Của các chữ ký cơ quan hợp lệ có trong danh mục; văn bản đến được đối chiếu với nơi gửi (Điều 8.1a).")]
    public Output<List<string>> AgencyCodes { get; init; } = new();

    public async ValueTask<Outcome> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var (fileIds, sender) = await FilesAsync(context, cancellationToken);
        var reports = new List<SignatureReport>();
        try
        {
            foreach (var id in fileIds)
            {
                var report = await signatures.VerifyFileAsync(id, cancellationToken);
                reports.Add(sender is null ? report : SenderOrigin.Check(report, sender));
            }
        }
        catch (SignatureInputException refused)
        {
            context.Set(LegalStatus, Signatures.LegalStatus.ReferenceOnly);
            context.Set(Summary, refused.Vietnamese);
            context.Set(Signers, []);
            context.Set(AgencyCodes, []);
            return Outcome.Error(InvalidFile, refused.Vietnamese);
        }

        var status = reports.Count > 0 ? reports[0].LegalStatus : Signatures.LegalStatus.ReferenceOnly;
        context.Set(LegalStatus, status);
        context.Set(Summary, reports.Count > 0 ? string.Join("\n\n", reports.Select(r => r.Summary)) : SignatureReasons.NoSignatures.Message);
        var all = reports.SelectMany(r => r.Signatures).ToList();
        context.Set(Signers, [.. all.Select(s => s.Signer?.Name ?? s.FieldName).Distinct()]);
        context.Set(AgencyCodes, [.. all.Where(s => s.Status == SignatureStatus.Valid && s.Signer?.AgencyCode is not null)
            .Select(s => s.Signer!.AgencyCode!).Distinct()]);
        return status == Signatures.LegalStatus.LegallyValid ? Outcome.Done : Outcome.Named(ReferenceOnly);
    }

    /// <summary>The PDFs to check, and for a received document the agency that sent it (Article 8.1a).</summary>
    private async Task<(List<Guid> Files, string? Sender)> FilesAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        if (context.Get(FileId) is { } fileId)
            return ([fileId], null);
        var documentId = context.Get(ReceivedDocumentId)
            ?? throw new ArgumentException("VerifySignature needs FileId or ReceivedDocumentId.");
        var document = await db.Set<ReceivedDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId, cancellationToken)
            ?? throw new InvalidOperationException($"Received document {documentId} does not exist.");
        var ids = document.FileIds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Guid.Parse).ToList();
        var pdfs = await db.Set<StoredFile>().AsNoTracking().Where(f => ids.Contains(f.Id))
            .Select(f => new { f.Id, f.Name, f.ContentType }).ToListAsync(cancellationToken);
        return ([.. ids.Where(id => pdfs.Any(f => f.Id == id
            && (f.ContentType == "application/pdf" || f.Name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))))], document.SenderCode);
    }
}
