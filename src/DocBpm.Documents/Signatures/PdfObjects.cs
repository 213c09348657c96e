using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace DocBpm.Documents.Signatures;

/// <summary>Reading a parsed PDF's objects by reference, with the structural errors turned into clear refusals.</summary>
internal static class PdfObjects
{
    public static NameToken Name(string name) => NameToken.Create(name);

    public static IToken Resolve(this PdfDocument document, IToken token) =>
        token is IndirectReferenceToken reference ? document.Get(reference.Data) : token;

    public static IToken Get(this PdfDocument document, IndirectReference reference)
    {
        try
        {
            return document.Structure.GetObject(reference).Data;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw PdfInput.Unreadable(ex);
        }
    }

    public static DictionaryToken Dictionary(this PdfDocument document, IndirectReference reference) =>
        document.Get(reference) as DictionaryToken
        ?? throw PdfInput.Unreadable(new InvalidDataException($"Object {reference} is not a dictionary."));

    public static T? Entry<T>(this PdfDocument document, DictionaryToken dictionary, string key)
        where T : class, IToken =>
        dictionary.TryGet(Name(key), out var value) ? document.Resolve(value) as T : null;

    /// <summary>The page objects in order, walking the page tree from the catalog.</summary>
    public static List<(IndirectReference Reference, DictionaryToken Page)> Pages(this PdfDocument document)
    {
        var catalog = document.Dictionary(document.Structure.Trailer.Root);
        var pages = new List<(IndirectReference, DictionaryToken)>();
        if (catalog.TryGet(Name("Pages"), out var root) && root is IndirectReferenceToken rootReference)
            Walk(document, rootReference.Data, pages, 0);
        return pages;
    }

    private static void Walk(PdfDocument document, IndirectReference node, List<(IndirectReference, DictionaryToken)> pages, int depth)
    {
        if (depth > 64)
            throw PdfInput.Unreadable(new InvalidDataException("The page tree is deeper than 64 levels."));
        var dictionary = document.Dictionary(node);
        var kids = document.Entry<ArrayToken>(dictionary, "Kids");
        if (kids is null)
        {
            pages.Add((node, dictionary));
            return;
        }

        foreach (var kid in kids.Data.OfType<IndirectReferenceToken>())
            Walk(document, kid.Data, pages, depth + 1);
    }
}
