using DocBpm.Documents.Pdf;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace DocBpm.Documents.Tests.Signatures;

/// <summary>Outgoing documents to sign: a two-page official letter.</summary>
public static class TestDocuments
{
    public const string Body = "Về việc tổ chức kỳ thi chọn học sinh giỏi cấp tỉnh năm học 2026-2027";

    public static byte[] OfficialLetter()
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddTrueTypeFont(new PdfFonts().GetFont("DejaVuSans")!);
        foreach (var text in new[] { "SỞ GIÁO DỤC VÀ ĐÀO TẠO LẠNG SƠN — Số: 123/SGDĐT-VP", Body })
        {
            var page = builder.AddPage(PageSize.A4);
            page.AddText(text, 11, new PdfPoint(60, 760), font);
            page.AddText("GIÁM ĐỐC", 11, new PdfPoint(380, 220), font);
        }

        return builder.Build();
    }
}
