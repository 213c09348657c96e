using DocBpm.Documents.Text;
using DocBpm.Engine;

namespace DocBpm.Documents.Files;

/// <summary>A file that passed intake: its clean name and the content type detected from its content.</summary>
public sealed record AcceptedFile(string Name, FileFormat Format, string ContentType);

/// <summary>
/// The intake checks of Article 3 for every file that comes from outside (an upload, an exchanged package): not empty,
/// not larger than the limit, an accepted format detected from the content, and agreeing with what the file claims
/// to be (its extension, its declared content type). A file failing any check is refused with the reason.
/// </summary>
public static class FileIntake
{
    private const string Unspecified = "application/octet-stream";

    public static AcceptedFile Check(string name, string? declaredContentType, byte[] content, long maxBytes)
    {
        var clean = CleanName(name);
        if (content.Length == 0)
            throw Refused(RefusalKind.Invalid, clean, $"Tệp '{clean}' rỗng.", "The file is empty.");
        if (content.LongLength > maxBytes)
        {
            throw Refused(RefusalKind.TooLarge, clean,
                $"Tệp '{clean}' có dung lượng {Megabytes(content.LongLength)} MB, vượt quá giới hạn {Megabytes(maxBytes)} MB.",
                $"The file has {content.LongLength} bytes; the limit is {maxBytes}.");
        }

        var format = FileSniffer.Detect(content) ?? throw Refused(RefusalKind.Invalid, clean,
            $"Tệp '{clean}' không thuộc định dạng được chấp nhận (Điều 3 Quy chế): {FileFormat.AcceptedExtensions}.",
            "The content is none of the accepted formats.");

        var extension = Path.GetExtension(clean).TrimStart('.').ToLowerInvariant();
        if (extension.Length > 0 && !format.Extensions.Contains(extension))
        {
            throw Refused(RefusalKind.Invalid, clean,
                $"Tệp '{clean}' có đuôi .{extension} nhưng nội dung là {format.NameVi}; đề nghị kiểm tra lại tệp.",
                $"The extension .{extension} does not match the detected content ({format.ContentType}).");
        }

        var declared = MediaType(declaredContentType);
        if (declared is not null && !format.ContentTypes.Contains(declared))
        {
            throw Refused(RefusalKind.Invalid, clean,
                $"Tệp '{clean}' được khai báo là {declared} nhưng nội dung là {format.NameVi}; đề nghị kiểm tra lại tệp.",
                $"The declared type {declared} does not match the detected content ({format.ContentType}).");
        }

        // A CSV is text by content; what it is called decides which of the two text types is stored.
        var stored = declared ?? (extension == "csv" ? "text/csv" : format.ContentType);
        return new AcceptedFile(clean, format, stored);
    }

    /// <summary>The name in NFC, without any folder part a browser or an archive may have put in front of it.</summary>
    public static string CleanName(string name)
    {
        var clean = VietnameseText.Normalize(Path.GetFileName(name.Replace('\\', '/'))) ?? "";
        if (clean.Length is 0 or > FilesModel.NameLength || clean is "." or "..")
        {
            throw Refused(RefusalKind.Invalid, clean, $"Tên tệp phải có từ 1 đến {FilesModel.NameLength} ký tự.",
                "The file name is empty or too long.");
        }

        return clean;
    }

    private static string? MediaType(string? declared)
    {
        var type = declared?.Split(';')[0].Trim().ToLowerInvariant();
        return string.IsNullOrEmpty(type) || type == Unspecified ? null : type;
    }

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024)).ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));

    private static FileRefusedException Refused(RefusalKind kind, string name, string detailVi, string message) =>
        new(kind, name, detailVi, $"File '{name}' refused: {message}");
}
