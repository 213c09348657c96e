using DocBpm.Documents.Pdf;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace DocBpm.Documents.Registers;

/// <summary>
/// Writes a register as a PDF to print and bind (NĐ30 art. 16, 22): A4 landscape, the header lines on the first page,
/// the column headings repeated on every page, long cells wrapped and, when a row is taller than a page, continued.
/// </summary>
public static class RegisterPdf
{
    private const double Margin = 28;
    private const double Padding = 3;
    private const double CellSize = 8;
    private const double LineHeight = CellSize * 1.25;

    public static byte[] Write(RegisterSheet sheet)
    {
        PdfFonts.EnsureRegistered();
        using var document = new PdfDocument();
        document.Info.Title = $"{sheet.Title} – {sheet.BookName}";
        var writer = new PageWriter(document, sheet);
        writer.Header();
        foreach (var row in sheet.Rows)
            writer.Row(row, bold: false);
        writer.Finish();
        NumberPages(document);

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    // A bound register is checked page by page; "Trang 3/7" shows none is missing.
    private static void NumberPages(PdfDocument document)
    {
        var font = new XFont(PdfFonts.Family, CellSize);
        for (var i = 0; i < document.PageCount; i++)
        {
            var page = document.Pages[i];
            using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            graphics.DrawString($"Trang {i + 1}/{document.PageCount}", font, XBrushes.Black,
                new XRect(Margin, page.Height.Point - Margin + 6, page.Width.Point - 2 * Margin, LineHeight), XStringFormats.TopRight);
        }
    }

    /// <summary>The drawing state of one document: the current page, the pen's height, the column geometry.</summary>
    private sealed class PageWriter
    {
        private readonly PdfDocument document;
        private readonly RegisterSheet sheet;
        private readonly XFont cellFont = new(PdfFonts.Family, CellSize);
        private readonly XFont headingFont = new(PdfFonts.Family, CellSize, XFontStyleEx.Bold);
        private readonly double[] widths;
        private XGraphics graphics;
        private double y;

        public PageWriter(PdfDocument document, RegisterSheet sheet)
        {
            this.document = document;
            this.sheet = sheet;
            graphics = NewPage();
            var usable = PageWidth - 2 * Margin;
            var total = sheet.Columns.Sum(c => c.Width);
            widths = [.. sheet.Columns.Select(c => usable * c.Width / total)];
        }

        private double PageWidth => document.Pages[^1].Width.Point;
        private double Bottom => document.Pages[^1].Height.Point - Margin;

        public void Header()
        {
            Centered(sheet.Title, new XFont(PdfFonts.Family, 14, XFontStyleEx.Bold), 20);
            Centered(sheet.BookName, new XFont(PdfFonts.Family, 11, XFontStyleEx.Bold), 16);
            foreach (var line in sheet.HeaderLines)
                Centered(line, new XFont(PdfFonts.Family, 10), 14);
            y += 6;
            Headings();
        }

        public void Row(IReadOnlyList<string> cells, bool bold)
        {
            var font = bold ? headingFont : cellFont;
            var lines = cells.Select((text, i) => Wrap(text, font, widths[i] - 2 * Padding)).ToList();
            var height = Math.Max(1, lines.Max(l => l.Count));
            for (var first = 0; first < height;)
            {
                var fitting = (int)((Bottom - y - 2 * Padding) / LineHeight);
                if (fitting < 1 || (bold && fitting < height))
                {
                    Break();
                    continue;
                }

                var count = Math.Min(fitting, height - first);
                var rowHeight = count * LineHeight + 2 * Padding;
                var x = Margin;
                for (var c = 0; c < widths.Length; c++)
                {
                    graphics.DrawRectangle(XPens.Black, x, y, widths[c], rowHeight);
                    for (var l = 0; l < count && first + l < lines[c].Count; l++)
                    {
                        graphics.DrawString(lines[c][first + l], font, XBrushes.Black,
                            new XRect(x + Padding, y + Padding + l * LineHeight, widths[c] - 2 * Padding, LineHeight), XStringFormats.TopLeft);
                    }

                    x += widths[c];
                }

                y += rowHeight;
                first += count;
                if (first < height)
                    Break();
            }
        }

        public void Finish() => graphics.Dispose();

        private void Headings() => Row([.. sheet.Columns.Select(c => c.Heading)], bold: true);

        private void Break()
        {
            graphics.Dispose();
            graphics = NewPage();
            Headings();
        }

        private XGraphics NewPage()
        {
            var page = document.AddPage();
            page.Size = PageSize.A4;
            page.Orientation = PageOrientation.Landscape;
            y = Margin;
            return XGraphics.FromPdfPage(page);
        }

        private void Centered(string text, XFont font, double height)
        {
            graphics.DrawString(text, font, XBrushes.Black, new XRect(Margin, y, PageWidth - 2 * Margin, height), XStringFormats.TopCenter);
            y += height;
        }

        private List<string> Wrap(string text, XFont font, double width)
        {
            var lines = new List<string>();
            foreach (var paragraph in text.Split('\n'))
            {
                var line = "";
                foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var candidate = line.Length == 0 ? word : $"{line} {word}";
                    if (Fits(candidate, font, width))
                    {
                        line = candidate;
                        continue;
                    }

                    if (line.Length > 0)
                        lines.Add(line);
                    line = word;
                    while (!Fits(line, font, width) && line.Length > 1)
                    {
                        var cut = line.Length - 1;
                        while (cut > 1 && !Fits(line[..cut], font, width))
                            cut--;
                        lines.Add(line[..cut]);
                        line = line[cut..];
                    }
                }

                lines.Add(line);
            }

            return lines;
        }

        private bool Fits(string text, XFont font, double width) => graphics.MeasureString(text, font).Width <= width;
    }
}
