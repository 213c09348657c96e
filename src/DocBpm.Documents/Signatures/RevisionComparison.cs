using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace DocBpm.Documents.Signatures;

/// <summary>
/// Whether what a signature covered reads differently in the final file. Later revisions may add signature fields and
/// security data (DSS); they may not change the pages' content or text, add or remove pages, or lay other annotations
/// (a text box, a stamp) over the signed content.
/// </summary>
internal static class RevisionComparison
{
    public static bool ContentChanged(byte[] pdf, long revisionEnd, PdfDocument current)
    {
        try
        {
            using var signed = PdfDocument.Open(pdf.AsMemory(0, (int)revisionEnd).ToArray(), new ParsingOptions { SkipMissingFonts = true });
            var before = signed.Pages();
            var after = current.Pages();
            if (before.Count != after.Count)
                return true;
            for (var i = 0; i < before.Count; i++)
            {
                if (!PageContent(signed, before[i].Page).SequenceEqual(PageContent(current, after[i].Page))
                    || !Annotations(signed, before[i].Page).SequenceEqual(Annotations(current, after[i].Page))
                    || signed.GetPage(i + 1).Text != current.GetPage(i + 1).Text)
                    return true;
            }

            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // A revision that cannot be read back cannot be shown to be unchanged.
            return true;
        }
    }

    /// <summary>The page's content streams as stored (a cover-up drawn over the text changes them even when the text does not).</summary>
    private static IEnumerable<byte> PageContent(PdfDocument document, DictionaryToken page)
    {
        var contents = page.TryGet(PdfObjects.Name("Contents"), out var token) ? document.Resolve(token) : null;
        IEnumerable<IToken?> streams = contents is ArrayToken array ? array.Data.Select(t => (IToken?)document.Resolve(t)) : [contents];
        return streams.OfType<StreamToken>().SelectMany(s => s.Data.ToArray());
    }

    /// <summary>The page's annotations other than form widgets (signature fields), as their references, in order.</summary>
    private static IEnumerable<string> Annotations(PdfDocument document, DictionaryToken page) =>
        (document.Entry<ArrayToken>(page, "Annots")?.Data ?? [])
            .Where(a => document.Resolve(a) is not DictionaryToken annotation || document.Entry<NameToken>(annotation, "Subtype")?.Data != "Widget")
            .Select(a => $"{a} {document.Resolve(a)}");
}
