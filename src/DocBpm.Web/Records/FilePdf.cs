using System.Globalization;
using DocBpm.Documents.Files;
using DocBpm.Documents.Incoming;
using DocBpm.Documents.Outgoing;
using DocBpm.Documents.Records;
using DocBpm.Documents.Registers;
using DocBpm.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace DocBpm.Web.Records;

/// <summary>
/// A file as one PDF to read or print (issue 18; NĐ30 Art. 30, Phụ lục V): a cover with the file's metadata and its
/// document list, then each document's own PDF in the file's order — for an incoming document its first PDF, for an
/// outgoing one the issued (else the signed) file. Copying pages keeps their content but not their signatures, and the
/// cover says so: the signed originals stay in the system.
/// </summary>
public sealed class FilePdf(DbContext db, FileStore files)
{
    public const string SignaturesNotice =
        "Bản ghép này chỉ để đọc và in: chữ ký số của các văn bản không được giữ nguyên khi ghép; bản gốc có chữ ký số được lưu trong hệ thống.";

    public async Task<RegisterFile> WriteAsync(FileView view, PeopleNames names, CancellationToken cancellationToken)
    {
        var documents = new List<(FiledView Filed, PdfDocument? Pdf)>();
        foreach (var filed in view.Documents)
            documents.Add((filed, Open(await ContentAsync(filed, cancellationToken))));
        try
        {
            using var merged = new PdfDocument();
            merged.Info.Title = $"{view.File.Code} – {view.File.Title}";
            using var cover = PdfReader.Open(new MemoryStream(RegisterPdf.Write(Cover(view, names, documents))), PdfDocumentOpenMode.Import);
            Append(merged, cover);
            foreach (var (_, pdf) in documents.Where(d => d.Pdf is not null))
                Append(merged, pdf!);
            using var stream = new MemoryStream();
            merged.Save(stream, closeStream: false);
            return new RegisterFile($"{view.File.Code}.pdf", "application/pdf", stream.ToArray());
        }
        finally
        {
            foreach (var (_, pdf) in documents)
                pdf?.Dispose();
        }
    }

    private static RegisterSheet Cover(FileView view, PeopleNames names, List<(FiledView Filed, PdfDocument? Pdf)> documents)
    {
        var file = view.File;
        return new RegisterSheet("HỒ SƠ", $"{file.Code}: {file.Title}", file.StartDate ?? new DateOnly(file.Year, 1, 1),
            file.EndDate ?? new DateOnly(file.Year, 12, 31), null, null,
            [
                new("STT", 0.05), new("Số, ký hiệu", 0.13), new("Ngày tháng", 0.09), new("Tên loại và trích yếu nội dung", 0.38),
                new("Tác giả", 0.15), new("Số trang", 0.07), new("Ghi chú", 0.13),
            ],
            [.. documents.Select(d => (IReadOnlyList<string>)[
                d.Filed.Ordinal.ToString(CultureInfo.InvariantCulture), d.Filed.NumberAndNotation ?? "", RegisterFormat.Date(d.Filed.Date),
                $"{d.Filed.TypeName} {d.Filed.Subject}".Trim(), d.Filed.Author,
                d.Pdf is { } pdf ? pdf.PageCount.ToString(CultureInfo.InvariantCulture) : "",
                d.Pdf is null ? "Không có bản PDF để ghép" : ""])],
            [
                $"Thời gian: {RegisterFormat.Date(file.StartDate)} – {RegisterFormat.Date(file.EndDate)}",
                $"Thời hạn bảo quản: {file.Retention}. Người lập hồ sơ: {names.Of(file.Keeper ?? file.UnitCode)}",
                $"Mục lục văn bản: {view.Documents.Count} văn bản",
                SignaturesNotice,
            ],
            "Mục lục văn bản");
    }

    private async Task<byte[]?> ContentAsync(FiledView filed, CancellationToken cancellationToken) =>
        (await ReadAsync(filed, cancellationToken))?.Content;

    /// <summary>The document's own PDF, the one the file shows and merges, or null when it has none.</summary>
    public async Task<StoredFile?> ReadAsync(FiledView filed, CancellationToken cancellationToken)
    {
        Guid? id = filed.Kind switch
        {
            FiledKind.Incoming => (await db.Set<IncomingDocument>().AsNoTracking().Where(d => d.Id == filed.DocumentId).Select(d => d.FileIds)
                .FirstOrDefaultAsync(cancellationToken)) is { } ids ? await FirstPdfAsync(ids, cancellationToken) : null,
            FiledKind.Outgoing => await db.Set<OutgoingDocument>().AsNoTracking().Where(d => d.Id == filed.DocumentId)
                .Select(d => d.IssuedFileId ?? d.SignedFileId).FirstOrDefaultAsync(cancellationToken),
            _ => null,
        };
        return id is { } fileId ? await files.ReadAsync(fileId, cancellationToken) : null;
    }

    private async Task<Guid?> FirstPdfAsync(string fileIds, CancellationToken cancellationToken)
    {
        var ids = fileIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();
        var pdfs = await db.Set<StoredFile>().AsNoTracking().Where(f => ids.Contains(f.Id) && f.ContentType == "application/pdf")
            .Select(f => f.Id).ToListAsync(cancellationToken);
        return ids.Where(pdfs.Contains).Select(i => (Guid?)i).FirstOrDefault();
    }

    /// <summary>The document's pages to copy, or null when it has none that PDFsharp can read (encrypted or damaged).</summary>
    private static PdfDocument? Open(byte[]? content)
    {
        if (content is null)
            return null;
        try
        {
            return PdfReader.Open(new MemoryStream(content), PdfDocumentOpenMode.Import);
        }
        catch (Exception)
        {
            // PDFsharp says a damaged or unsupported file with a bare Exception ("StartXRef table could not be found"):
            // whatever the cause, the document has no pages to copy, and the cover lists it without them.
            return null;
        }
    }

    private static void Append(PdfDocument merged, PdfDocument source)
    {
        foreach (var page in source.Pages)
            merged.AddPage(page);
    }
}
