using DocBpm.Documents.Pdf;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace DocBpm.Documents.Signatures;

/// <summary>Whose signature it is: the competent person's, or the agency's applied by the clerk when issuing.</summary>
public enum SignatureRole
{
    Personal,
    Agency,
}

/// <summary>A PNG checked by <see cref="SignaturePng"/>, with its size in pixels.</summary>
public sealed record AppearanceImage(byte[] Png, int Width, int Height)
{
    /// <summary>The largest rectangle with the image's proportions centred in <paramref name="area"/>.</summary>
    internal PdfRectangle FitIn(PdfRectangle area)
    {
        var scale = Math.Min(area.Width / Width, area.Height / Height);
        var (width, height) = (Width * scale, Height * scale);
        var left = area.Left + ((area.Width - width) / 2);
        var bottom = area.Bottom + ((area.Height - height) / 2);
        return new PdfRectangle(left, bottom, left + width, bottom + height);
    }
}

/// <summary>A rectangle on a page in PDF points, origin bottom-left.</summary>
public sealed record PdfBox(double X, double Y, double Width, double Height);

/// <summary>
/// What the visible signature shows and where. <see cref="Page"/> is 1-based; null means the last page, where the
/// signer's block usually is.
/// </summary>
public sealed record SignatureAppearance(SignatureRole Role, string SignerName, PdfBox Box, int? Page = null, string? Notation = null)
{
    /// <summary>
    /// Makes this the certification signature (ISO 32000-1 §12.8.2.2 DocMDP) with the changes it permits afterwards:
    /// 1 none, 2 form filling and signing, 3 also annotations. Null: an ordinary approval signature.
    /// </summary>
    public int? CertificationPermission { get; init; }

    /// <summary>
    /// The picture NĐ30 Phụ lục I puts in the signature: the person's handwritten signature, drawn instead of the text; or
    /// the agency's seal, drawn beside its text over the left third of the personal signature. Null: text only.
    /// </summary>
    public AppearanceImage? Image { get; init; }
    /// <summary>The signer's capacity and title, "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC" (NĐ30 Art. 13): shown first and kept as the signature's /Reason.</summary>
    public string? Authority { get; init; }

    /// <summary>Where the signer's wet signature would be: right half of the last page, above the name (NĐ30 Phụ lục I).</summary>
    public static PdfBox PersonalBox { get; } = new(330, 140, 200, 60);

    /// <summary>The agency seal overlaps about a third of the personal signature, on its left (NĐ30 Phụ lục I).</summary>
    public static PdfBox AgencyBox { get; } = new(PersonalBox.X - (PersonalBox.Width * 2 / 3), PersonalBox.Y - 10, 200, 70);

    public static SignatureAppearance For(SignatureRole role, string signerName, string? notation = null) =>
        new(role, signerName, role == SignatureRole.Personal ? PersonalBox : AgencyBox, null, notation);
}

/// <summary>
/// Draws the appearance on a page the size of the box; the page then becomes the widget's form XObject. Blue for the
/// person, red for the agency (NĐ30 Phụ lục I colours); the time in Vietnam time, ISO 8601. A person's signature image
/// replaces the text; the agency's seal takes the right of its box (the part over the personal signature) and the text
/// wraps in the rest. PNGs become image XObjects with their alpha as a soft mask (/SMask), so the transparent background
/// shows the page. Drawn with PdfPig's writer (Apache 2.0) and the embedded DejaVu Sans: PDFsharp 6.5 refuses to run
/// until the application picks the AGPL or a commercial licence.
/// </summary>
internal static class AppearanceRenderer
{
    private const double Margin = 5;

    private static readonly Lazy<byte[]> Font = new(() => new PdfFonts().GetFont("DejaVuSans")!);

    public static byte[] Render(SignatureAppearance appearance, DateTimeOffset signingTime)
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddTrueTypeFont(Font.Value);
        var box = appearance.Box;
        var page = builder.AddPage(box.Width, box.Height);
        var personal = appearance.Role == SignatureRole.Personal;
        if (appearance.Image is { } image)
        {
            var area = personal ? new PdfRectangle(0, 0, box.Width, box.Height) : new PdfRectangle(box.Width - box.Height, 0, box.Width, box.Height);
            page.AddPng(image.Png, image.FitIn(area));
            if (personal)
                return builder.Build();
        }

        var (red, blue) = personal ? ((byte)0, (byte)160) : ((byte)200, (byte)0);
        var textWidth = appearance.Image is null ? box.Width : box.Width - box.Height;
        if (appearance.Image is null)
        {
            page.SetStrokeColor(red, 0, blue);
            page.DrawRectangle(new PdfPoint(1, 1), box.Width - 2, box.Height - 2, 1);
        }

        page.SetTextAndFillColor(red, 0, blue);
        var y = box.Height - 4;
        foreach (var (text, size) in Lines(appearance, signingTime))
        {
            foreach (var line in Wrap(page, font, text, size, textWidth - (2 * Margin)))
            {
                y -= size + 3;
                page.AddText(line, size, new PdfPoint(Margin, y), font);
            }
        }

        return builder.Build();
    }

    private static List<(string Text, double Size)> Lines(SignatureAppearance appearance, DateTimeOffset signingTime)
    {
        var lines = new List<(string Text, double Size)>();
        if (appearance.Authority is { Length: > 0 } authority)
            lines.Add((authority, 7));
        lines.Add((appearance.Role == SignatureRole.Personal ? "Người ký:" : "Cơ quan ký:", 7));
        lines.Add((appearance.SignerName, 8.5));
        if (appearance.Notation is { Length: > 0 } notation)
            lines.Add(($"Số, ký hiệu: {notation}", 7));
        lines.Add(($"Thời gian ký: {SignatureReasons.Vietnam(signingTime)}", 7));
        return lines;
    }

    /// <summary>Breaks <paramref name="text"/> at spaces so that each line fits <paramref name="width"/>; a single longer word stays whole.</summary>
    private static IEnumerable<string> Wrap(PdfPageBuilder page, PdfDocumentBuilder.AddedFont font, string text, double size, double width)
    {
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && Width(page, font, candidate, size) > width)
            {
                yield return line;
                candidate = word;
            }

            line = candidate;
        }

        if (line.Length > 0)
            yield return line;
    }

    private static double Width(PdfPageBuilder page, PdfDocumentBuilder.AddedFont font, string text, double size)
    {
        var letters = page.MeasureText(text, size, new PdfPoint(0, 0), font);
        return letters.Count == 0 ? 0 : letters[^1].EndBaseLine.X - letters[0].StartBaseLine.X;
    }
}
