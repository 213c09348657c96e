using System.Text;
using ClosedXML.Excel;
using DocBpm.Documents.Registers;
using DocBpm.Engine.Timers;
using UglyToad.PdfPig;

namespace DocBpm.Documents.Tests.Registers;

/// <summary>NĐ30 art. 16 and 22, Phụ lục IV: a register kept in the system prints with all its columns.</summary>
[TestClass]
public sealed class RegisterExportTests
{
    private const string LongSubjectEnd = "HẾT-TRÍCH-YẾU-DÀI";
    private static readonly RegisterBook Book = RegisterBookSeed.Books.Single(b => b.Id == RegisterBookSeed.Incoming);
    private static readonly DateOnly From = new(2026, 1, 1);
    private static readonly DateOnly To = new(2026, 12, 31);

    [TestMethod]
    public void Appendix_IV_incoming_register_prints_as_A4_landscape_pdf_with_header_and_headings_on_every_page()
    {
        var sheet = RegisterLayouts.Incoming(Book, From, To, Entries(60));

        using var pdf = PdfDocument.Open(RegisterPdf.Write(sheet));
        var pages = pdf.GetPages().Select(p => (p.Width, p.Height, Text: Squeeze(p.Text))).ToList();

        Assert.IsGreaterThan(1, pages.Count, "60 rows with a long subject take more than one page");
        Assert.IsTrue(pages.All(p => p.Width > p.Height), "landscape");
        Assert.AreEqual(842, pages[0].Width, 1.0, "A4 is 842 pt wide in landscape");
        var first = pages[0].Text;
        StringAssert.Contains(first, Squeeze("SỔ ĐĂNG KÝ VĂN BẢN ĐẾN"));
        StringAssert.Contains(first, Squeeze("Năm: 2026"));
        StringAssert.Contains(first, Squeeze("Từ ngày 01/01/2026 đến ngày 31/12/2026"));
        StringAssert.Contains(first, Squeeze("Từ số 01 đến số 60"));
        foreach (var heading in RegisterLayouts.IncomingColumns.Select(c => Squeeze(c.Heading)))
            Assert.IsTrue(pages.All(p => p.Text.Contains(heading, StringComparison.Ordinal)), $"'{heading}' heads every page");
        var all = string.Concat(pages.Select(p => p.Text));
        StringAssert.Contains(all, Squeeze("Sở Giáo dục và Đào tạo tỉnh Cao Bằng"));
        StringAssert.Contains(all, Squeeze("14:05 25/11/2026"), "Giờ đến is printed for urgent documents");
        StringAssert.Contains(all, Squeeze(LongSubjectEnd), "a row taller than a page continues on the next one");
        StringAssert.Contains(pages[^1].Text, Squeeze($"Trang {pages.Count}/{pages.Count}"));
    }

    [TestMethod]
    public void Appendix_IV_outgoing_register_has_its_ten_columns_and_number_range()
    {
        OutgoingRegisterEntry[] entries =
        [
            new(7, "07/QĐ-SGDĐT", new DateOnly(2026, 3, 2), "Quyết định về việc thành lập Hội đồng thi", "Nguyễn Văn Bình",
                "Các phòng GDĐT; Lưu: VT", "Phòng Khảo thí", 3, new DateOnly(2026, 3, 2), null, null),
            new(12, "12/SGDĐT-VP", new DateOnly(2026, 3, 9), "Công văn về việc báo cáo thống kê", "Hoàng Thị Lan", "Các trường THPT", null, 1, null, null, "Khẩn"),
        ];

        var sheet = RegisterLayouts.Outgoing(RegisterBookSeed.Books.Single(b => b.Id == RegisterBookSeed.Outgoing), From, To, entries);
        using var pdf = PdfDocument.Open(RegisterPdf.Write(sheet));
        var text = Squeeze(string.Concat(pdf.GetPages().Select(p => p.Text)));

        Assert.HasCount(10, sheet.Columns);
        StringAssert.Contains(text, Squeeze("SỔ ĐĂNG KÝ VĂN BẢN ĐI"));
        StringAssert.Contains(text, Squeeze("Từ số 07 đến số 12"));
        StringAssert.Contains(text, Squeeze("Đơn vị, người nhận bản lưu"));
        StringAssert.Contains(text, Squeeze("07/QĐ-SGDĐT 02/03/2026"));
    }

    [TestMethod]
    public void Appendix_IV_incoming_register_exports_to_xlsx_with_the_same_cells_and_a_repeated_heading_row()
    {
        var sheet = RegisterLayouts.Incoming(Book, From, To, Entries(60));

        using var workbook = new XLWorkbook(new MemoryStream(RegisterXlsx.Write(sheet)));
        var ws = workbook.Worksheets.Single();

        Assert.AreEqual("SỔ ĐĂNG KÝ VĂN BẢN ĐẾN", ws.Cell(1, 1).GetString());
        Assert.AreEqual("Năm: 2026", ws.Cell(3, 1).GetString());
        Assert.AreEqual("Từ số 01 đến số 60", ws.Cell(5, 1).GetString());
        CollectionAssert.AreEqual(RegisterLayouts.IncomingColumns.Select(c => c.Heading).ToList(),
            Enumerable.Range(1, 10).Select(c => ws.Cell(6, c).GetString()).ToList());
        Assert.AreEqual("01", ws.Cell(7, 2).GetString(), "Số đến keeps its leading zero as text");
        Assert.AreEqual("Sở Giáo dục và Đào tạo tỉnh Cao Bằng", ws.Cell(7, 3).GetString());
        Assert.AreEqual("60", ws.Cell(66, 2).GetString());
        Assert.AreEqual(XLPageOrientation.Landscape, ws.PageSetup.PageOrientation);
        Assert.AreEqual(6, ws.PageSetup.FirstRowToRepeatAtTop);
    }

    [TestMethod]
    public void Text_from_a_sender_that_looks_like_a_formula_stays_text_in_the_xlsx()
    {
        var entry = Entries(1)[0] with { TypeAndSubject = "=HYPERLINK(\"http://example.invalid\",\"Bấm vào đây\")" };
        var book = new RegisterBook { Code = "X", Name = "=1+1", Direction = RegisterDirection.Incoming };

        using var workbook = new XLWorkbook(new MemoryStream(RegisterXlsx.Write(RegisterLayouts.Incoming(book, From, To, [entry]))));
        var ws = workbook.Worksheets.Single();

        Assert.IsFalse(ws.Cell(7, 6).HasFormula);
        Assert.AreEqual(entry.TypeAndSubject, ws.Cell(7, 6).GetString());
        Assert.IsFalse(ws.Cell(2, 1).HasFormula);
    }

    [TestMethod]
    public void An_empty_range_prints_a_register_that_says_so()
    {
        var sheet = RegisterLayouts.Incoming(Book, From, To, []);

        using var pdf = PdfDocument.Open(RegisterPdf.Write(sheet));

        StringAssert.Contains(Squeeze(pdf.GetPage(1).Text), Squeeze("Không có văn bản trong khoảng thời gian này"));
    }

    private static List<IncomingRegisterEntry> Entries(int count) =>
    [
        .. Enumerable.Range(1, count).Select(n => new IncomingRegisterEntry(
            VietnamTime.At(2026, 11, 25, 14, 5), PrintReceivedTime: n == 1, n,
            n == 1 ? "Sở Giáo dục và Đào tạo tỉnh Cao Bằng" : "UBND tỉnh Lạng Sơn",
            $"{n}/UBND-KGVX", new DateOnly(2026, 11, 20),
            n == 30 ? string.Join(' ', Enumerable.Repeat("Công văn về việc triển khai nhiệm vụ năm học trên địa bàn tỉnh", 120)) + " " + LongSubjectEnd
                : $"Công văn về việc hướng dẫn nhiệm vụ số {n}",
            "Phòng Giáo dục Trung học", new DateOnly(2026, 11, 26), null, n % 10 == 0 ? "Bản giấy đã chuyển" : null)),
    ];

    /// <summary>Text without whitespace, in NFC: the extracted text's spacing follows glyph positions, not words.</summary>
    private static string Squeeze(string text) =>
        string.Concat(text.Normalize(NormalizationForm.FormC).Where(c => !char.IsWhiteSpace(c)));
}
