using System.Globalization;
using System.Text;
using DocBpm.Documents.Signatures;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;
using UglyToad.PdfPig.Writer;

namespace DocBpm.Documents.Tests.Signatures;

/// <summary>What an attacker or a broken tool does to a signed file.</summary>
internal static class Tampering
{
    /// <summary>Replaces the first (or last) occurrence of <paramref name="from"/> with <paramref name="to"/> (same length).</summary>
    public static byte[] Replace(byte[] pdf, string from, string to, bool last = false)
    {
        var at = last ? pdf.AsSpan().LastIndexOf(Encoding.Latin1.GetBytes(from)) : pdf.AsSpan().IndexOf(Encoding.Latin1.GetBytes(from));
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

    /// <summary>
    /// The overlay shadow attack: an unsigned update adds a text field whose widget paints a white box and a new line over
    /// the first line of page 1. The page content is untouched; only what a reader sees changes.
    /// </summary>
    public static byte[] OverlayWidgetOnFirstPage(byte[] pdf, string text = "PAY 1,000,000,000 VND TO ATTACKER")
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var (reference, page) = document.Pages()[0];
        var update = new IncrementalUpdate(pdf, document.Structure.Trailer.Size);
        var appearance = update.Allocate();
        var paint = Encoding.ASCII.GetBytes($"q 1 1 1 rg 0 0 400 30 re f Q BT /Helv 14 Tf 1 0 0 rg 4 8 Td ({text}) Tj ET");
        var font = new DictionaryToken(new Dictionary<NameToken, IToken>
        {
            [NameToken.Create("Type")] = NameToken.Create("Font"),
            [NameToken.Create("Subtype")] = NameToken.Create("Type1"),
            [NameToken.Create("BaseFont")] = NameToken.Create("Helvetica"),
        });
        update.Set(appearance, new StreamToken(new DictionaryToken(new Dictionary<NameToken, IToken>
        {
            [NameToken.Create("Type")] = NameToken.Create("XObject"),
            [NameToken.Create("Subtype")] = NameToken.Create("Form"),
            [NameToken.Create("BBox")] = Box(0, 0, 400, 30),
            [NameToken.Create("Resources")] = new DictionaryToken(new Dictionary<NameToken, IToken>
            {
                [NameToken.Create("Font")] = new DictionaryToken(new Dictionary<NameToken, IToken> { [NameToken.Create("Helv")] = font }),
            }),
            [NameToken.Create("Length")] = new NumericToken(paint.Length),
        }), paint));
        var widget = update.Allocate();
        update.Set(widget, new DictionaryToken(new Dictionary<NameToken, IToken>
        {
            [NameToken.Create("Type")] = NameToken.Create("Annot"),
            [NameToken.Create("Subtype")] = NameToken.Create("Widget"),
            [NameToken.Create("FT")] = NameToken.Create("Tx"),
            [NameToken.Create("T")] = new StringToken("payment", StringToken.Encoding.Iso88591),
            [NameToken.Create("V")] = new StringToken(text, StringToken.Encoding.Iso88591),
            [NameToken.Create("F")] = new NumericToken(4),
            [NameToken.Create("P")] = new IndirectReferenceToken(reference),
            [NameToken.Create("Rect")] = Box(55, 752, 455, 782),
            [NameToken.Create("AP")] = new DictionaryToken(new Dictionary<NameToken, IToken> { [NameToken.Create("N")] = new IndirectReferenceToken(appearance) }),
        }));
        var annots = page.TryGet(NameToken.Create("Annots"), out var existing) && existing is ArrayToken array ? array.Data : [];
        update.Set(reference, page.With("Annots", new ArrayToken([.. annots, new IndirectReferenceToken(widget)])));
        return update.Write(Carried(document)).Pdf;
    }

    /// <summary>An update filling the text field of <see cref="OverlayWidgetOnFirstPage"/> with another value and its appearance.</summary>
    public static byte[] FillField(byte[] pdf, string value)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var (_, page) = document.Pages()[0];
        var widget = ((ArrayToken)document.Resolve(page.Data["Annots"])).Data.OfType<IndirectReferenceToken>()
            .First(a => document.Resolve(a) is DictionaryToken d && d.TryGet(NameToken.Create("FT"), out var type) && type is NameToken { Data: "Tx" });
        var field = (DictionaryToken)document.Resolve(widget);
        var current = (IndirectReferenceToken)((DictionaryToken)field.Data["AP"]).Data["N"];
        var old = (StreamToken)document.Resolve(current);
        var paint = Encoding.ASCII.GetBytes($"q 1 1 1 rg 0 0 400 30 re f Q BT /Helv 14 Tf 1 0 0 rg 4 8 Td ({value}) Tj ET");
        var update = new IncrementalUpdate(pdf, document.Structure.Trailer.Size);
        var appearance = update.Allocate();
        update.Set(appearance, new StreamToken(old.StreamDictionary.With("Length", new NumericToken(paint.Length)), paint));
        update.Set(widget.Data, field.With("V", new StringToken(value, StringToken.Encoding.Iso88591))
            .With("AP", new DictionaryToken(new Dictionary<NameToken, IToken> { [NameToken.Create("N")] = new IndirectReferenceToken(appearance) })));
        return update.Write(Carried(document)).Pdf;
    }

    /// <summary>An unsigned update naming the first signature in the catalog's /Perms /DocMDP, as if it had certified the document.</summary>
    public static byte[] ClaimCertification(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var catalog = document.Dictionary(document.Structure.Trailer.Root);
        var form = (DictionaryToken)document.Resolve(catalog.Data["AcroForm"]);
        var field = ((ArrayToken)document.Resolve(form.Data["Fields"])).Data.Select(f => (DictionaryToken)document.Resolve(f))
            .First(f => f.TryGet(NameToken.Create("FT"), out var type) && type is NameToken { Data: "Sig" });
        var update = new IncrementalUpdate(pdf, document.Structure.Trailer.Size);
        update.Set(document.Structure.Trailer.Root, catalog.With("Perms",
            new DictionaryToken(new Dictionary<NameToken, IToken> { [NameToken.Create("DocMDP")] = field.Data["V"] })));
        return update.Write(Carried(document)).Pdf;
    }

    /// <summary>An update writing the catalog's XMP metadata stream: added when missing, redefined in place otherwise.</summary>
    public static byte[] WriteMetadata(byte[] pdf, string modifyDate)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var catalog = document.Dictionary(document.Structure.Trailer.Root);
        var update = new IncrementalUpdate(pdf, document.Structure.Trailer.Size);
        var existing = catalog.TryGet(NameToken.Create("Metadata"), out var token) ? ((IndirectReferenceToken)token).Data : (IndirectReference?)null;
        var metadata = existing ?? update.Allocate();
        var xmp = Encoding.UTF8.GetBytes($"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><xmp:ModifyDate xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">{modifyDate}</xmp:ModifyDate></x:xmpmeta>");
        update.Set(metadata, new StreamToken(new DictionaryToken(new Dictionary<NameToken, IToken>
        {
            [NameToken.Create("Type")] = NameToken.Create("Metadata"),
            [NameToken.Create("Subtype")] = NameToken.Create("XML"),
            [NameToken.Create("Length")] = new NumericToken(xmp.Length),
        }), xmp));
        if (existing is null)
            update.Set(document.Structure.Trailer.Root, catalog.With("Metadata", new IndirectReferenceToken(metadata)));
        return update.Write(Carried(document)).Pdf;
    }

    /// <summary>The replace shadow attack: an unsigned update redefines page 1's content stream object with other text.</summary>
    public static byte[] ReplaceFirstPageContent(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var (_, page) = document.Pages()[0];
        var contents = page.Data["Contents"] is ArrayToken array ? array.Data[0] : page.Data["Contents"];
        var stream = (IndirectReferenceToken)contents;
        var paint = "BT /F1 11 Tf 60 760 Td (PAY 1,000,000,000 VND) Tj ET"u8.ToArray();
        var update = new IncrementalUpdate(pdf, document.Structure.Trailer.Size);
        update.Set(stream.Data, new StreamToken(new DictionaryToken(new Dictionary<NameToken, IToken> { [NameToken.Create("Length")] = new NumericToken(paint.Length) }), paint));
        return update.Write(Carried(document)).Pdf;
    }

    /// <summary>
    /// The hide shadow attack: an unsigned update redefines an object of the signed revision that no page lists directly
    /// (here page 1's font), as an attacker removing a cover that hid content at signing time would.
    /// </summary>
    public static byte[] RedefineFirstPageFont(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var (_, page) = document.Pages()[0];
        var resources = (DictionaryToken)document.Resolve(page.Data["Resources"]);
        var fonts = (DictionaryToken)document.Resolve(resources.Data["Font"]);
        var font = (IndirectReferenceToken)fonts.Data.Values.First();
        var update = new IncrementalUpdate(pdf, document.Structure.Trailer.Size);
        update.Set(font.Data, ((DictionaryToken)document.Resolve(font)).With("Name", NameToken.Create("Hidden")));
        return update.Write(Carried(document)).Pdf;
    }

    /// <summary>An unsigned update that rewrites the first signature's dictionary with another claimed time (/M).</summary>
    public static byte[] MoveClaimedTime(byte[] pdf, string from, string to)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var form = (DictionaryToken)document.Resolve(document.Dictionary(document.Structure.Trailer.Root).Data["AcroForm"]);
        var field = (DictionaryToken)document.Resolve(((ArrayToken)document.Resolve(form.Data["Fields"])).Data[0]);
        var signature = ((IndirectReferenceToken)field.Data["V"]).Data;
        var text = Encoding.Latin1.GetString(pdf);
        var start = text.IndexOf($"\n{signature.ObjectNumber} 0 obj\n", StringComparison.Ordinal) + $"\n{signature.ObjectNumber} 0 obj\n".Length;
        var body = text[start..text.IndexOf("\nendobj", start, StringComparison.Ordinal)];
        Assert.Contains(from, body);
        var update = new IncrementalUpdate(pdf, document.Structure.Trailer.Size);
        update.SetRaw(signature, Encoding.Latin1.GetBytes(body.Replace(from, to, StringComparison.Ordinal)));
        return update.Write(Carried(document)).Pdf;
    }

    /// <summary>An unsigned update whose trailer says <c>/Encrypt null</c>: it names no security handler.</summary>
    public static byte[] DeclareNoEncryption(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var update = new IncrementalUpdate(pdf, document.Structure.Trailer.Size);
        update.Set(document.Structure.Trailer.Root, document.Dictionary(document.Structure.Trailer.Root));
        return update.Write(Carried(document).With("Encrypt", NullToken.Instance)).Pdf;
    }

    /// <summary>An unsigned incremental update of the objects <paramref name="change"/> sets, the trailer carrying /Root.</summary>
    public static byte[] Update(byte[] pdf, Action<UglyToad.PdfPig.PdfDocument, IncrementalUpdate> change)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var update = new IncrementalUpdate(pdf, document.Structure.Trailer.Size);
        change(document, update);
        return update.Write(Carried(document)).Pdf;
    }

    /// <summary>
    /// An unsigned incremental update as PDF 1.5 writers make it: the objects compressed into one object stream, located by
    /// a cross-reference stream (ISO 32000-1 §7.5.7, §7.5.8) instead of a table.
    /// </summary>
    public static byte[] UpdateInObjectStream(byte[] pdf, params (IndirectReference Reference, IToken Value)[] objects)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var (container, crossReference) = ((long)document.Structure.Trailer.Size, document.Structure.Trailer.Size + 1L);
        var header = new StringBuilder();
        using var bodies = new MemoryStream();
        foreach (var (reference, value) in objects)
        {
            header.Append(CultureInfo.InvariantCulture, $"{reference.ObjectNumber} {bodies.Length} ");
            TokenWriter.Instance.WriteToken(value, bodies);
            bodies.WriteByte((byte)'\n');
        }

        using var output = new MemoryStream();
        output.Write(pdf);
        output.WriteByte((byte)'\n');
        var streamOffset = output.Position;
        var content = Encoding.ASCII.GetBytes(header.ToString()).Concat(bodies.ToArray()).ToArray();
        Ascii(output, $"{container} 0 obj\n<< /Type /ObjStm /N {objects.Length} /First {header.Length} /Length {content.Length} >>\nstream\n");
        output.Write(content);
        Ascii(output, "\nendstream\nendobj\n");

        var xrefOffset = output.Position;
        // Type 2 rows name the object stream and the index within it; type 1 rows an offset in the file.
        List<(long Number, long Type, long Where, long Index)> entries =
            [.. objects.Select((o, at) => (o.Reference.ObjectNumber, 2L, container, (long)at)), (container, 1, streamOffset, 0), (crossReference, 1, xrefOffset, 0)];
        entries.Sort();
        var rows = entries.SelectMany(e => BigEndian(e.Type, 1).Concat(BigEndian(e.Where, 4)).Concat(BigEndian(e.Index, 2))).ToArray();
        var index = string.Join(' ', entries.Select(e => $"{e.Number} 1"));
        Ascii(output, $"{crossReference} 0 obj\n<< /Type /XRef /Size {crossReference + 1} /W [1 4 2] /Index [{index}] "
            + $"/Prev {IncrementalUpdate.PreviousCrossReference(pdf)} /Root {document.Structure.Trailer.Root.ObjectNumber} 0 R /Length {rows.Length} >>\nstream\n");
        output.Write(rows);
        Ascii(output, $"\nendstream\nendobj\nstartxref\n{xrefOffset}\n%%EOF\n");
        return output.ToArray();
    }

    private static IEnumerable<byte> BigEndian(long value, int width) => Enumerable.Range(0, width).Select(i => (byte)(value >> (8 * (width - 1 - i))));

    private static void Ascii(Stream output, string text) => output.Write(Encoding.ASCII.GetBytes(text));

    private static ArrayToken Box(double x1, double y1, double x2, double y2) =>
        new([new NumericToken(x1), new NumericToken(y1), new NumericToken(x2), new NumericToken(y2)]);

    private static DictionaryToken Carried(UglyToad.PdfPig.PdfDocument document) =>
        new(new Dictionary<NameToken, IToken> { [NameToken.Create("Root")] = new IndirectReferenceToken(document.Structure.Trailer.Root) });
}
