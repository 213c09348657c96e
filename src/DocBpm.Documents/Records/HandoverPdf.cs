using System.Globalization;
using DocBpm.Documents.Pdf;
using DocBpm.Documents.Registers;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;

namespace DocBpm.Documents.Records;

/// <summary>One file as the submission list prints it (archival.md §3, NĐ30 Phụ lục VI).</summary>
public sealed record HandedFile(string Code, string Title, DateOnly? From, DateOnly? To, int? RetentionYears, int Documents, int Pages, string? Note)
{
    public string Span => From is { } f && To is { } t ? $"{RegisterFormat.Date(f)} - {RegisterFormat.Date(t)}" : "";
}

/// <summary>What the two printouts of one submission say: who hands over, who receives, which files.</summary>
public sealed record HandoverPrint(string AgencyName, string Unit, string Giver, string Receiver, DateOnly Date,
    IReadOnlyList<HandedFile> Files);

/// <summary>
/// The two papers of a handover to the agency archive (NĐ30 Art. 31, two copies each, one per side): the submission
/// list (Mục lục hồ sơ, tài liệu nộp lưu) as a table, and the receipt record (Biên bản giao nhận) with its five points.
/// </summary>
public static class HandoverPdf
{
    private const double Margin = 56;

    public static readonly RegisterColumn[] ListColumns =
    [
        new("Số TT", 0.06), new("Số, ký hiệu hồ sơ", 0.2), new("Tiêu đề hồ sơ", 0.3), new("Thời gian tài liệu", 0.14),
        new("Thời hạn bảo quản", 0.1), new("Số tờ/Số trang", 0.08), new("Ghi chú", 0.12),
    ];

    /// <summary>The list in the register layout (A4 landscape, headings on every page), the files in code order.</summary>
    public static byte[] List(HandoverPrint print) => RegisterPdf.Write(new RegisterSheet(
        "MỤC LỤC HỒ SƠ, TÀI LIỆU NỘP LƯU", $"{print.AgencyName} — {print.Unit}",
        print.Files.Select(f => f.From).OfType<DateOnly>().DefaultIfEmpty(print.Date).Min(),
        print.Files.Select(f => f.To).OfType<DateOnly>().DefaultIfEmpty(print.Date).Max(),
        print.Files.Count > 0 ? 1 : null, print.Files.Count > 0 ? print.Files.Count : null, ListColumns,
        [.. print.Files.Select((f, i) => (IReadOnlyList<string>)[
            (i + 1).ToString(CultureInfo.InvariantCulture), f.Code, f.Title, f.Span, Retention.Vietnamese(f.RetentionYears),
            f.Pages.ToString(CultureInfo.InvariantCulture), f.Note ?? ""])]));

    /// <summary>The receipt record: legal basis, the two parties, then name, date span, quantity, condition and the list attached.</summary>
    public static byte[] Record(HandoverPrint print)
    {
        PdfFonts.EnsureRegistered();
        using var document = new PdfDocument();
        document.Info.Title = "Biên bản giao nhận hồ sơ, tài liệu";
        var writer = new Paragraphs(document);
        var from = print.Files.Select(f => f.From).OfType<DateOnly>().DefaultIfEmpty(print.Date).Min();
        var to = print.Files.Select(f => f.To).OfType<DateOnly>().DefaultIfEmpty(print.Date).Max();
        writer.Centered(print.AgencyName.ToUpperInvariant(), 11, bold: true);
        writer.Centered("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh phúc", 10, bold: true);
        writer.Centered("BIÊN BẢN", 14, bold: true);
        writer.Centered("Về việc giao nhận hồ sơ, tài liệu nộp lưu", 11, bold: true);
        writer.Text("Căn cứ Điều 30, Điều 31 Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;");
        writer.Text($"Hôm nay, ngày {print.Date:dd} tháng {print.Date:MM} năm {print.Date:yyyy}, chúng tôi gồm:");
        writer.Text($"BÊN GIAO: {print.Unit} — đại diện: {print.Giver}.");
        writer.Text($"BÊN NHẬN: Lưu trữ cơ quan, {print.AgencyName} — đại diện: {print.Receiver}.");
        writer.Text("Thống nhất lập biên bản giao nhận hồ sơ, tài liệu như sau:");
        writer.Text($"1. Tên khối hồ sơ, tài liệu: hồ sơ, tài liệu của {print.Unit}.");
        writer.Text($"2. Thời gian của hồ sơ, tài liệu: {RegisterFormat.Date(from)} - {RegisterFormat.Date(to)}.");
        writer.Text($"3. Số lượng: {print.Files.Count} hồ sơ điện tử, {print.Files.Sum(f => f.Documents)} tệp dữ liệu, {print.Files.Sum(f => f.Pages)} trang.");
        writer.Text("4. Tình trạng hồ sơ, tài liệu: hồ sơ điện tử đã kết thúc, đủ đặc tả dữ liệu, đã được Lưu trữ cơ quan kiểm tra đối chiếu với Danh mục hồ sơ.");
        writer.Text("5. Mục lục hồ sơ, tài liệu nộp lưu kèm theo:");
        foreach (var (file, i) in print.Files.Select((f, i) => (f, i + 1)))
            writer.Text($"   {i}. {file.Code} — {file.Title}");
        writer.Text("Biên bản này được lập thành hai bản; bên giao giữ một bản, bên nhận giữ một bản.");
        writer.Columns("ĐẠI DIỆN BÊN GIAO", "ĐẠI DIỆN BÊN NHẬN");
        writer.Columns(print.Giver, print.Receiver);
        writer.Finish();
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <summary>Top-to-bottom text wrapped to the width of A4 portrait, on as many pages as it takes.</summary>
    private sealed class Paragraphs
    {
        private const double Size = 11;
        private readonly PdfDocument document;
        private readonly XFont font = new(PdfFonts.Family, Size);
        private XGraphics graphics;
        private double width;
        private double y;

        public Paragraphs(PdfDocument document)
        {
            this.document = document;
            graphics = NewPage();
        }

        public void Finish() => graphics.Dispose();

        private XGraphics NewPage()
        {
            var page = document.AddPage();
            page.Size = PageSize.A4;
            width = page.Width.Point - 2 * Margin;
            y = Margin;
            return XGraphics.FromPdfPage(page);
        }

        private void Room(double height)
        {
            if (y + height <= document.Pages[^1].Height.Point - Margin)
                return;
            graphics.Dispose();
            graphics = NewPage();
        }

        public void Centered(string text, double size, bool bold)
        {
            Room(size * 1.6);
            graphics.DrawString(text, new XFont(PdfFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular), XBrushes.Black,
                new XRect(Margin, y, width, size * 1.5), XStringFormats.TopCenter);
            y += size * 1.6;
        }

        public void Text(string text)
        {
            // Enough lines for the text at this width, with one to spare for the words the formatter moves down.
            var lines = Math.Ceiling(graphics.MeasureString(text, font).Width / width) + (text.Length > 80 ? 1 : 0);
            var height = lines * Size * 1.3;
            Room(height);
            new XTextFormatter(graphics).DrawString(text, font, XBrushes.Black, new XRect(Margin, y, width, height), XStringFormats.TopLeft);
            y += height + 3;
        }

        public void Columns(string left, string right)
        {
            Room(8 + Size * 1.6);
            y += 8;
            var bold = new XFont(PdfFonts.Family, Size, XFontStyleEx.Bold);
            graphics.DrawString(left, bold, XBrushes.Black, new XRect(Margin, y, width / 2, Size * 1.5), XStringFormats.TopCenter);
            graphics.DrawString(right, bold, XBrushes.Black, new XRect(Margin + width / 2, y, width / 2, Size * 1.5), XStringFormats.TopCenter);
            y += Size * 1.6;
        }
    }
}
