using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;
using static DocBpm.Documents.Signatures.PdfObjects;

namespace DocBpm.Documents.Signatures;

/// <summary>
/// Turns the one-page PDF <see cref="AppearanceRenderer"/> drew into a form XObject of the document being signed,
/// copying the fonts and other resources it needs under new object numbers.
/// </summary>
internal sealed class StampImporter(PdfDocument stamp, IncrementalUpdate update)
{
    private readonly Dictionary<IndirectReference, IndirectReference> mapped = [];
    private readonly Queue<IndirectReference> pending = new();

    public static IndirectReference Import(byte[] stampPdf, IncrementalUpdate update, PdfBox box)
    {
        using var stamp = PdfDocument.Open(stampPdf);
        return new StampImporter(stamp, update).ImportPage(box);
    }

    private IndirectReference ImportPage(PdfBox box)
    {
        var (_, page) = stamp.Pages()[0];
        var contents = stamp.Resolve(page.Data["Contents"]);
        if (contents is ArrayToken array)
            contents = stamp.Resolve(array.Data[0]);
        var content = (StreamToken)contents;
        var resources = page.TryGet(Name("Resources"), out var found) ? Copy(stamp.Resolve(found)) : new DictionaryToken(new Dictionary<NameToken, IToken>());
        var form = new Dictionary<NameToken, IToken>
        {
            [Name("Type")] = Name("XObject"),
            [Name("Subtype")] = Name("Form"),
            [Name("BBox")] = new ArrayToken([new NumericToken(0), new NumericToken(0), new NumericToken(box.Width), new NumericToken(box.Height)]),
            [Name("Resources")] = resources,
            [Name("Length")] = new NumericToken(content.Data.Length),
        };
        if (content.StreamDictionary.TryGet(Name("Filter"), out var filter))
            form[Name("Filter")] = filter;
        var reference = update.Allocate();
        update.Set(reference, new StreamToken(new DictionaryToken(form), content.Data.ToArray()));
        while (pending.TryDequeue(out var source))
            update.Set(mapped[source], Copy(stamp.Get(source)));
        return reference;
    }

    private IToken Copy(IToken token) => token switch
    {
        IndirectReferenceToken reference => new IndirectReferenceToken(Map(reference.Data)),
        DictionaryToken dictionary => CopyDictionary(dictionary),
        ArrayToken array => new ArrayToken([.. array.Data.Select(Copy)]),
        StreamToken stream => new StreamToken(
            CopyDictionary(stream.StreamDictionary).With("Length", new NumericToken(stream.Data.Length)), stream.Data.ToArray()),
        _ => token,
    };

    private DictionaryToken CopyDictionary(DictionaryToken dictionary) =>
        new(dictionary.Data.ToDictionary(entry => Name(entry.Key), entry => Copy(entry.Value)));

    private IndirectReference Map(IndirectReference source)
    {
        if (!mapped.TryGetValue(source, out var target))
        {
            target = update.Allocate();
            mapped[source] = target;
            pending.Enqueue(source);
        }

        return target;
    }
}
