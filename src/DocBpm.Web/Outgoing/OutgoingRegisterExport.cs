using DocBpm.Documents.Registers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocBpm.Web.Outgoing;

/// <summary>The outgoing register (Sổ đăng ký văn bản đi) printed for a date range, PDF or XLSX.</summary>
public static class OutgoingRegisterExport
{
    public static async Task<FileContentHttpResult> ExportAsync(DateOnly from, DateOnly to, RegisterExport export, Guid? bookId,
        RegisterFileFormat format = RegisterFileFormat.Pdf, CancellationToken cancellationToken = default)
    {
        var file = await export.ExportAsync(bookId ?? RegisterBookSeed.Outgoing, from, to, format, cancellationToken);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }
}
