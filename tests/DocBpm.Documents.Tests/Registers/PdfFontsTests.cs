using System.Text;
using DocBpm.Documents.Pdf;
using PdfSharp.Drawing;
using UglyToad.PdfPig;

namespace DocBpm.Documents.Tests.Registers;

[TestClass]
public sealed class PdfFontsTests
{
    [TestMethod]
    public void Vietnamese_text_written_with_the_embedded_font_reads_back_unchanged()
    {
        const string line = "Sở Giáo dục và Đào tạo Lạng Sơn: ắằẳẵặ ấầẩẫậ ứừửữự ớờởỡợ ếềểễệ ốồổỗộ ỳỷỹỵ đĐ";
        PdfFonts.EnsureRegistered();
        using var document = new PdfSharp.Pdf.PdfDocument();
        using (var graphics = XGraphics.FromPdfPage(document.AddPage()))
        {
            graphics.DrawString(line, new XFont(PdfFonts.Family, 12), XBrushes.Black, new XPoint(40, 80));
            graphics.DrawString("In đậm: Quyết định", new XFont(PdfFonts.Family, 12, XFontStyleEx.Bold), XBrushes.Black, new XPoint(40, 110));
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        using var pdf = PdfDocument.Open(stream.ToArray());
        var words = pdf.GetPage(1).GetWords().Select(w => w.Text.Normalize(NormalizationForm.FormC)).ToList();

        CollectionAssert.IsSubsetOf(line.Split(' '), words);
        CollectionAssert.IsSubsetOf(new[] { "In", "đậm:", "Quyết", "định" }, words);
    }
}
