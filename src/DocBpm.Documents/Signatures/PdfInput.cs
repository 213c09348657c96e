using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace DocBpm.Documents.Signatures;

/// <summary>The checks every file passes before its structure is trusted: size, header, end marker, encryption.</summary>
internal static partial class PdfInput
{
    private static readonly byte[] Header = "%PDF-"u8.ToArray();
    private static readonly byte[] EndMarker = "%%EOF"u8.ToArray();
    private static readonly System.Buffers.SearchValues<byte> WhiteSpace = System.Buffers.SearchValues.Create(" \t\r\n\f\0"u8);

    public static PdfDocument Open(byte[] pdf, long maxBytes)
    {
        if (pdf.LongLength > maxBytes)
            throw new SignatureInputException("too-large",
                $"Tệp quá lớn ({pdf.LongLength / 1024 / 1024} MB); giới hạn là {maxBytes / 1024 / 1024} MB.",
                $"File of {pdf.LongLength} bytes exceeds the limit of {maxBytes} bytes.");
        if (pdf.AsSpan(0, Math.Min(pdf.Length, 1024)).IndexOf(Header) < 0)
            throw new SignatureInputException("not-pdf", "Tệp không phải là văn bản PDF.", "The file has no %PDF- header.");
        if (pdf.AsSpan().LastIndexOf(EndMarker) < 0 || EndsInsideARevision(pdf))
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

    /// <summary>Bytes other than white space after the last %%EOF: not part of any revision, shown by no reader.</summary>
    public static bool HasTrailingBytes(byte[] pdf)
    {
        var end = pdf.AsSpan().LastIndexOf(EndMarker);
        return end >= 0 && pdf.AsSpan(end + EndMarker.Length).ContainsAnyExcept(WhiteSpace);
    }

    /// <summary>A file cut short: what follows the last %%EOF holds objects or a cross-reference, a revision that never ended.</summary>
    private static bool EndsInsideARevision(byte[] pdf)
    {
        var after = pdf.AsSpan(pdf.AsSpan().LastIndexOf(EndMarker) + EndMarker.Length);
        return after.IndexOf(" obj"u8) >= 0 || after.IndexOf("xref"u8) >= 0 || after.IndexOf("endstream"u8) >= 0;
    }

    /// <summary>
    /// A trailer naming an /Encrypt dictionary (by reference or inline); checked on the bytes because a reader may
    /// silently decrypt with an empty password. <c>/Encrypt null</c> names none: the file is not encrypted.
    /// </summary>
    private static bool HasEncryptDictionary(byte[] pdf)
    {
        var end = pdf.AsSpan().LastIndexOf(EndMarker);
        var to = end < 0 ? pdf.Length : end;
        var from = Math.Max(0, to - 4096);
        return EncryptEntry().IsMatch(Encoding.Latin1.GetString(pdf, from, to - from));
    }

    [GeneratedRegex(@"/Encrypt\s*(?:<<|\d+\s+\d+\s+R)", RegexOptions.CultureInvariant)]
    private static partial Regex EncryptEntry();
}
