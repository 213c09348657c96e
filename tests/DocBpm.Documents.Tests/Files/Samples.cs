using System.IO.Compression;
using System.Text;
using ClosedXML.Excel;
using DocBpm.Documents.Pdf;
using PdfSharp.Pdf;

namespace DocBpm.Documents.Tests.Files;

/// <summary>Files of every Article 3 format, made the way their applications make them (as far as the check reads).</summary>
internal static class Samples
{
    public static byte[] Pdf()
    {
        PdfFonts.EnsureRegistered();
        using var document = new PdfDocument();
        document.AddPage();
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    public static byte[] Xlsx()
    {
        using var workbook = new XLWorkbook();
        workbook.Worksheets.Add("Sổ").Cell(1, 1).Value = "Số đến";
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    public static byte[] Docx() => Zip(
        ("[Content_Types].xml", """<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"""),
        ("_rels/.rels", "<Relationships/>"),
        ("word/document.xml", "<w:document/>"));

    public static byte[] Odt() => Zip(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<office:document-content/>"));

    public static byte[] Ods() => Zip(("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", "<office:document-content/>"));

    public static byte[] PlainZip() => Zip(("bao-cao.txt", "không phải văn bản Office"));

    public static byte[] Doc() => Ole2("WordDocument");

    public static byte[] Xls() => Ole2("Workbook");

    public static byte[] Rtf() => Encoding.ASCII.GetBytes(@"{\rtf1\ansi\deff0 {\fonttbl {\f0 Times New Roman;}} Xin ch\u224?o}");

    public static byte[] Text() => Encoding.UTF8.GetBytes("Trích yếu: Về việc tổ chức kỳ thi\r\nNgười ký: Giám đốc\n");

    public static byte[] Csv() => Encoding.UTF8.GetBytes("Số đến,Ngày đến,Tác giả\n01,25/11/2026,UBND tỉnh Lạng Sơn\n");

    public static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0];

    public static byte[] Jpeg() => [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xFF, 0xD9];

    public static byte[] Tiff() => [0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0, 0, 0];

    public static byte[] Gif() => [.. "GIF89a"u8, 1, 0, 1, 0, 0, 0, 0, 0x3B];

    /// <summary>A Windows program: what a renamed "quyet-dinh.pdf.exe" really is.</summary>
    public static byte[] Executable() => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF];

    /// <summary>Vietnamese in the old Windows-1258-like single-byte style: not valid UTF-8.</summary>
    public static byte[] Latin1Text() => [0x53, 0xF4, 0x20, 0x64, 0xE8, 0x6E, 0x0A];

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.NoCompression).Open(), new UTF8Encoding(false));
                writer.Write(content);
            }
        }

        return stream.ToArray();
    }

    // A compound file header followed by a directory sector naming the application's main stream in UTF-16LE.
    private static byte[] Ole2(string stream)
    {
        var content = new byte[1536];
        byte[] magic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        magic.CopyTo(content, 0);
        Encoding.Unicode.GetBytes("Root Entry").CopyTo(content, 512);
        Encoding.Unicode.GetBytes(stream).CopyTo(content, 640);
        return content;
    }
}
