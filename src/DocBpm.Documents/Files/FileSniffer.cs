using System.IO.Compression;
using System.Text;

namespace DocBpm.Documents.Files;

/// <summary>
/// Recognises an Article 3 format from the bytes alone (a file name or a declared type proves nothing): magic numbers,
/// zip containers by their entries (OOXML by [Content_Types].xml with word/ or xl/, OpenDocument by its mimetype
/// entry), OLE2 compound files by the stream names in their directory, text by being valid UTF-8.
/// </summary>
public static class FileSniffer
{
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] RtfMagic = @"{\rtf"u8.ToArray();
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole2Magic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] TiffLittleEndian = [0x49, 0x49, 0x2A, 0x00];
    private static readonly byte[] TiffBigEndian = [0x4D, 0x4D, 0x00, 0x2A];
    private static readonly byte[] Gif87 = "GIF87a"u8.ToArray();
    private static readonly byte[] Gif89 = "GIF89a"u8.ToArray();

    // Directory entry names of OLE2 compound files are UTF-16LE.
    private static readonly byte[] WordStream = Encoding.Unicode.GetBytes("WordDocument");
    private static readonly byte[] ExcelStream = Encoding.Unicode.GetBytes("Workbook");
    private static readonly byte[] Excel95Stream = Encoding.Unicode.GetBytes("Book\0");

    private const int MimetypeLength = 100;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The format of <paramref name="content"/>, or null when it is none of Article 3.</summary>
    public static FileFormat? Detect(byte[] content)
    {
        var span = content.AsSpan();
        if (span.StartsWith(PdfMagic))
            return FileFormat.Pdf;
        if (span.StartsWith(RtfMagic))
            return FileFormat.Rtf;
        if (span.StartsWith(ZipMagic))
            return Zip(content);
        if (span.StartsWith(Ole2Magic))
            return Ole2(span);
        if (span.StartsWith(JpegMagic))
            return FileFormat.Jpeg;
        if (span.StartsWith(PngMagic))
            return FileFormat.Png;
        if (span.StartsWith(TiffLittleEndian) || span.StartsWith(TiffBigEndian))
            return FileFormat.Tiff;
        if (span.StartsWith(Gif87) || span.StartsWith(Gif89))
            return FileFormat.Gif;
        return IsText(content) ? FileFormat.Text : null;
    }

    private static FileFormat? Zip(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.GetEntry("mimetype") is { } mimetype)
            {
                // Read no more than a media type is long: the entry could be a decompression bomb.
                using var reader = new StreamReader(mimetype.Open(), Encoding.ASCII);
                var buffer = new char[MimetypeLength];
                var read = reader.ReadBlock(buffer, 0, buffer.Length);
                return new string(buffer, 0, read).Trim() switch
                {
                    "application/vnd.oasis.opendocument.text" => FileFormat.Odt,
                    "application/vnd.oasis.opendocument.spreadsheet" => FileFormat.Ods,
                    _ => null,
                };
            }

            if (zip.GetEntry("[Content_Types].xml") is null)
                return null;
            if (zip.Entries.Any(e => e.FullName.StartsWith("word/", StringComparison.Ordinal)))
                return FileFormat.Docx;
            return zip.Entries.Any(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal)) ? FileFormat.Xlsx : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static FileFormat? Ole2(ReadOnlySpan<byte> content)
    {
        if (content.IndexOf(WordStream) >= 0)
            return FileFormat.Doc;
        return content.IndexOf(ExcelStream) >= 0 || content.IndexOf(Excel95Stream) >= 0 ? FileFormat.Xls : null;
    }

    private static bool IsText(byte[] content)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        // Binary data can be valid UTF-8 by chance; text has no control characters besides layout ones.
        return !text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f'));
    }
}
