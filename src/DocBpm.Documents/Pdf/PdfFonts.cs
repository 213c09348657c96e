using System.Reflection;
using PdfSharp.Fonts;

namespace DocBpm.Documents.Pdf;

/// <summary>
/// The fonts every PDF DocBpm writes uses (registers, reports, signature appearances). Vietnamese needs a Unicode
/// font, and a server may have none installed, so DejaVu Sans ships inside the assembly; PDFsharp's resolver is global,
/// hence one registration for the whole process.
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    /// <summary>The family name to pass to XFont.</summary>
    public const string Family = "DejaVu Sans";

    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";
    private static readonly Lock Gate = new();

    /// <summary>Installs the resolver once; safe to call from every PDF writer.</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is PdfFonts)
                return;
            GlobalFontSettings.FontResolver = new PdfFonts();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"DocBpm.Fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"Font {faceName} is not embedded in DocBpm.Documents.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
