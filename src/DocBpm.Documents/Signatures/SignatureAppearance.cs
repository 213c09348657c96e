using DocBpm.Documents.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace DocBpm.Documents.Signatures;

/// <summary>Whose signature it is: the competent person's, or the agency's applied by the clerk when issuing.</summary>
public enum SignatureRole
{
    Personal,
    Agency,
}

/// <summary>A rectangle on a page in PDF points, origin bottom-left.</summary>
public sealed record PdfBox(double X, double Y, double Width, double Height);

/// <summary>
/// What the visible signature shows and where. <see cref="Page"/> is 1-based; null means the last page, where the
/// signer's block usually is.
/// </summary>
public sealed record SignatureAppearance(SignatureRole Role, string SignerName, PdfBox Box, int? Page = null, string? Notation = null)
{
    /// <summary>Where the signer's wet signature would be: right half of the last page, above the name (NĐ30 Phụ lục I).</summary>
    public static PdfBox PersonalBox { get; } = new(330, 140, 200, 60);

    /// <summary>The agency seal overlaps about a third of the personal signature, on its left (NĐ30 Phụ lục I).</summary>
    public static PdfBox AgencyBox { get; } = new(PersonalBox.X - (PersonalBox.Width * 2 / 3), PersonalBox.Y - 10, 200, 70);

    public static SignatureAppearance For(SignatureRole role, string signerName, string? notation = null) =>
        new(role, signerName, role == SignatureRole.Personal ? PersonalBox : AgencyBox, null, notation);
}

/// <summary>
/// Draws the appearance with PDFsharp on a page the size of the box; the page then becomes the widget's form XObject.
/// Blue for the person, red for the agency (NĐ30 Phụ lục I colours); the time in Vietnam time, ISO 8601.
/// </summary>
internal static class AppearanceRenderer
{
    public static byte[] Render(SignatureAppearance appearance, DateTimeOffset signingTime)
    {
        PdfFonts.EnsureRegistered();
        using var document = new PdfDocument();
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(appearance.Box.Width);
        page.Height = XUnit.FromPoint(appearance.Box.Height);
        var colour = appearance.Role == SignatureRole.Personal ? XColors.Blue : XColors.Red;
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            var bold = new XFont(PdfFonts.Family, 8, XFontStyleEx.Bold);
            var regular = new XFont(PdfFonts.Family, 7, XFontStyleEx.Regular);
            var brush = new XSolidBrush(colour);
            graphics.DrawRectangle(new XPen(colour, 1), 1, 1, appearance.Box.Width - 2, appearance.Box.Height - 2);
            var lines = new List<(string Text, XFont Font)>
            {
                (appearance.Role == SignatureRole.Personal ? "Người ký:" : "Cơ quan ký:", regular),
                (appearance.SignerName, bold),
            };
            if (appearance.Notation is { Length: > 0 } notation)
                lines.Add(($"Số, ký hiệu: {notation}", regular));
            lines.Add(($"Thời gian ký: {SignatureReasons.Vietnam(signingTime)}", regular));
            var y = 5d;
            foreach (var (text, font) in lines)
            {
                graphics.DrawString(text, font, brush, new XRect(5, y, appearance.Box.Width - 10, font.Height), XStringFormats.TopLeft);
                y += font.Height + 2;
            }
        }

        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }
}
