using System.Text;
using DocBpm.Documents.Signatures;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace DocBpm.Documents.Tests.Signatures;

/// <summary>What an attacker or a broken tool does to a signed file.</summary>
internal static class Tampering
{
    /// <summary>Replaces the first occurrence of <paramref name="from"/> with <paramref name="to"/> (same length).</summary>
    public static byte[] Replace(byte[] pdf, string from, string to)
    {
        var at = pdf.AsSpan().IndexOf(Encoding.Latin1.GetBytes(from));
        Assert.IsGreaterThanOrEqualTo(0, at, $"'{from}' is not in the file");
        var copy = pdf.ToArray();
        Encoding.Latin1.GetBytes(to).CopyTo(copy, at);
        return copy;
    }

    /// <summary>An incremental update that paints a white box over page 1, as a forger hiding a line would.</summary>
    public static byte[] CoverUpOnFirstPage(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var (reference, page) = document.Pages()[0];
        var update = new IncrementalUpdate(pdf, document.Structure.Trailer.Size);
        var patch = update.Allocate();
        var paint = "q 1 1 1 rg 50 700 400 80 re f Q"u8.ToArray();
        update.Set(patch, new StreamToken(new DictionaryToken(new Dictionary<NameToken, IToken> { [NameToken.Create("Length")] = new NumericToken(paint.Length) }), paint));
        var contents = page.Data["Contents"] is ArrayToken array ? array.Data : [page.Data["Contents"]];
        update.Set(reference, page.With("Contents", new ArrayToken([.. contents, new IndirectReferenceToken(patch)])));
        return update.Write(Carried(document)).Pdf;
    }

    /// <summary>An incremental update declaring a standard security handler: the file now claims to be encrypted.</summary>
    public static byte[] DeclareEncryption(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var update = new IncrementalUpdate(pdf, document.Structure.Trailer.Size);
        var encrypt = update.Allocate();
        var key = new HexToken(new string('A', 64).AsSpan());
        update.Set(encrypt, new DictionaryToken(new Dictionary<NameToken, IToken>
        {
            [NameToken.Create("Filter")] = NameToken.Create("Standard"),
            [NameToken.Create("V")] = new NumericToken(2),
            [NameToken.Create("R")] = new NumericToken(3),
            [NameToken.Create("Length")] = new NumericToken(128),
            [NameToken.Create("O")] = key,
            [NameToken.Create("U")] = key,
            [NameToken.Create("P")] = new NumericToken(-4),
        }));
        var carried = Carried(document).With("Encrypt", new IndirectReferenceToken(encrypt));
        return update.Write(carried).Pdf;
    }

    /// <summary>An unsigned update laying a text box annotation over page 1: the page content is untouched.</summary>
    public static byte[] TextBoxOnFirstPage(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var (reference, page) = document.Pages()[0];
        var update = new IncrementalUpdate(pdf, document.Structure.Trailer.Size);
        var note = update.Allocate();
        update.Set(note, new DictionaryToken(new Dictionary<NameToken, IToken>
        {
            [NameToken.Create("Type")] = NameToken.Create("Annot"),
            [NameToken.Create("Subtype")] = NameToken.Create("FreeText"),
            [NameToken.Create("Rect")] = new ArrayToken([new NumericToken(50), new NumericToken(700), new NumericToken(450), new NumericToken(780)]),
            [NameToken.Create("Contents")] = new StringToken("HUY BO", StringToken.Encoding.Iso88591),
            [NameToken.Create("DA")] = new StringToken("/Helv 24 Tf 1 0 0 rg", StringToken.Encoding.Iso88591),
        }));
        var annots = page.TryGet(NameToken.Create("Annots"), out var existing) && existing is ArrayToken array ? array.Data : [];
        update.Set(reference, page.With("Annots", new ArrayToken([.. annots, new IndirectReferenceToken(note)])));
        return update.Write(Carried(document)).Pdf;
    }

    /// <summary>An unsigned update adding a document security store with CRLs, as long-term validation tools do.</summary>
    public static byte[] AddSecurityStore(byte[] pdf, params byte[][] crls)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var update = new IncrementalUpdate(pdf, document.Structure.Trailer.Size);
        var streams = new List<IToken>();
        foreach (var crl in crls)
        {
            var reference = update.Allocate();
            update.Set(reference, new StreamToken(new DictionaryToken(new Dictionary<NameToken, IToken> { [NameToken.Create("Length")] = new NumericToken(crl.Length) }), crl));
            streams.Add(new IndirectReferenceToken(reference));
        }

        var catalog = document.Dictionary(document.Structure.Trailer.Root);
        var dss = new DictionaryToken(new Dictionary<NameToken, IToken> { [NameToken.Create("CRLs")] = new ArrayToken(streams) });
        update.Set(document.Structure.Trailer.Root, catalog.With("DSS", dss));
        return update.Write(Carried(document)).Pdf;
    }

    private static DictionaryToken Carried(UglyToad.PdfPig.PdfDocument document) =>
        new(new Dictionary<NameToken, IToken> { [NameToken.Create("Root")] = new IndirectReferenceToken(document.Structure.Trailer.Root) });
}
