using ClosedXML.Excel;

namespace DocBpm.Documents.Registers;

/// <summary>Writes a register as an Excel workbook: header lines, then one table whose heading row repeats on print.</summary>
public static class RegisterXlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const double WidthPerShare = 14;

    public static byte[] Write(RegisterSheet sheet)
    {
        using var workbook = new XLWorkbook();
        var ws = workbook.Worksheets.Add(sheet.SheetName);
        var lastColumn = sheet.Columns.Count;

        Line(ws, 1, sheet.Title, lastColumn, bold: true, size: 14);
        Line(ws, 2, sheet.BookName, lastColumn, bold: false, size: 11);
        for (var l = 0; l < sheet.HeaderLines.Count; l++)
            Line(ws, 3 + l, sheet.HeaderLines[l], lastColumn, bold: false, size: 11);
        var headingRow = 3 + sheet.HeaderLines.Count;

        for (var c = 0; c < lastColumn; c++)
        {
            var heading = ws.Cell(headingRow, c + 1);
            heading.SetValue(sheet.Columns[c].Heading);
            heading.Style.Font.Bold = true;
            ws.Column(c + 1).Width = sheet.Columns[c].Width * WidthPerShare;
        }

        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            for (var c = 0; c < lastColumn; c++)
                ws.Cell(headingRow + 1 + r, c + 1).SetValue(sheet.Rows[r][c]); // a value, never a formula: text comes from outside
        }

        var table = ws.Range(headingRow, 1, headingRow + sheet.Rows.Count, lastColumn);
        table.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        table.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        table.Style.Alignment.WrapText = true;
        table.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        ws.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        ws.PageSetup.PaperSize = XLPaperSize.A4Paper;
        ws.PageSetup.SetRowsToRepeatAtTop(headingRow, headingRow);
        ws.PageSetup.FitToPages(1, 0);

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void Line(IXLWorksheet ws, int row, string text, int lastColumn, bool bold, double size)
    {
        var range = ws.Range(row, 1, row, lastColumn).Merge();
        range.FirstCell().SetValue(text);
        range.Style.Font.Bold = bold;
        range.Style.Font.FontSize = size;
        range.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
    }
}
