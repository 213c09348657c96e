using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace DocBpm.Documents.Signatures;

/// <summary>The checks every file passes before its structure is trusted: size, header, end marker, encryption.</summary>
internal static class PdfInput
{
    private static readonly byte[] Header = "%PDF-"u8.ToArray();
    private static readonly byte[] EndMarker = "%%EOF"u8.ToArray();

    public static PdfDocument Open(byte[] pdf, long maxBytes)
    {
        if (pdf.LongLength > maxBytes)
            throw new SignatureInputException("too-large",
                $"Tệp quá lớn ({pdf.LongLength / 1024 / 1024} MB); giới hạn là {maxBytes / 1024 / 1024} MB.",
                $"File of {pdf.LongLength} bytes exceeds the limit of {maxBytes} bytes.");
        if (pdf.AsSpan(0, Math.Min(pdf.Length, 1024)).IndexOf(Header) < 0)
            throw new SignatureInputException("not-pdf", "Tệp không phải là văn bản PDF.", "The file has no %PDF- header.");
        if (pdf.AsSpan(Math.Max(0, pdf.Length - 1024)).IndexOf(EndMarker) < 0)
            throw new SignatureInputException("truncated", "Tệp PDF bị cắt cụt (không có phần kết thúc).", "The file has no %%EOF marker near its end.");
        if (HasEncryptDictionary(pdf))
            throw Encrypted(null);
        PdfDocument document;
        try
        {
            document = PdfDocument.Open(pdf, new ParsingOptions { SkipMissingFonts = true });
        }
        catch (PdfDocumentEncryptedException ex)
        {
            throw Encrypted(ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // The parser reports broken structure with many exception types; all mean the same to the clerk.
            throw Unreadable(ex);
        }

        if (document.IsEncrypted)
        {
            document.Dispose();
            throw Encrypted(null);
        }

        return document;
    }

    public static SignatureInputException Unreadable(Exception ex) =>
        new("unreadable", "Tệp PDF bị hỏng cấu trúc, không đọc được.", $"The PDF structure cannot be read: {ex.Message}", ex);

    private static SignatureInputException Encrypted(Exception? ex) =>
        new("encrypted", "Tệp PDF được mã hóa (đặt mật khẩu); không kiểm tra được chữ ký.", "The PDF is encrypted.", ex);

    /// <summary>A trailer naming /Encrypt; checked on the bytes because a reader may silently decrypt with an empty password.</summary>
    private static bool HasEncryptDictionary(byte[] pdf)
    {
        var tail = Encoding.Latin1.GetString(pdf, Math.Max(0, pdf.Length - 4096), Math.Min(pdf.Length, 4096));
        return tail.Contains("/Encrypt", StringComparison.Ordinal);
    }
}
