using System.Globalization;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;
using static DocBpm.Documents.Signatures.PdfObjects;

namespace DocBpm.Documents.Signatures;

/// <summary>A revision with an empty signature: the bytes, and where the /Contents hex string starts and ends.</summary>
internal sealed record PlaceholderRevision(byte[] Pdf, long ContentsStart, long ContentsEnd)
{
    /// <summary>/ByteRange: everything but the /Contents hex string.</summary>
    public long[] ByteRange => [0, ContentsStart, ContentsEnd, Pdf.LongLength - ContentsEnd];
}

/// <summary>
/// Adds a signature field, its widget on the page (with the appearance) and the signature dictionary with placeholders
/// for /ByteRange and /Contents, as one incremental update.
/// </summary>
internal static class SignatureFieldWriter
{
    private const int ByteRangeWidth = 60;

    /// <summary>The signature dictionary starts with its /ByteRange so that the placeholder's offset is fixed.</summary>
    private const string SignaturePrefix = "<< /Type /Sig /ByteRange [";

    public static PlaceholderRevision Write(byte[] pdf, PdfDocument document, SignatureAppearance appearance, DateTimeOffset signingTime, int contentsBytes)
    {
        var trailer = document.Structure.Trailer;
        var size = Math.Max(trailer.Size, document.Structure.CrossReferenceTable.ObjectOffsets.Keys.Select(k => k.ObjectNumber).DefaultIfEmpty(0).Max() + 1);
        var update = new IncrementalUpdate(pdf, size);
        var pages = document.Pages();
        var pageNumber = appearance.Page ?? pages.Count;
        if (pageNumber < 1 || pageNumber > pages.Count)
            throw new SignatureInputException("page-out-of-range", $"Văn bản không có trang {pageNumber} để đặt chữ ký.",
                $"Page {pageNumber} does not exist; the document has {pages.Count}.");
        var (pageReference, page) = pages[pageNumber - 1];

        var signature = update.Allocate();
        var widget = update.Allocate();
        var form = StampImporter.Import(AppearanceRenderer.Render(appearance, signingTime), update, appearance.Box);
        update.Set(widget, Widget(document, appearance, page, pageReference, signature, form));
        var widgetReference = new IndirectReferenceToken(widget);
        update.Set(pageReference, Append(document, update, page, "Annots", widgetReference));
        AddField(document, update, trailer.Root, widgetReference, appearance.CertificationPermission is null ? null : signature);
        var (signatureBody, contentsAt) = SignatureDictionary(appearance, signingTime, contentsBytes);
        update.SetRaw(signature, signatureBody);

        var (bytes, bodies) = update.Write(Carried(trailer));
        var start = bodies[signature.ObjectNumber] + contentsAt;
        var revision = new PlaceholderRevision(bytes, start, start + (contentsBytes * 2) + 2);
        var range = Encoding.ASCII.GetBytes(string.Join(' ', revision.ByteRange.Select(v => v.ToString(CultureInfo.InvariantCulture))).PadRight(ByteRangeWidth));
        range.CopyTo(bytes, bodies[signature.ObjectNumber] + SignaturePrefix.Length);
        return revision;
    }

    /// <summary>The field and its widget in one dictionary, locked and printed, showing the appearance at the box.</summary>
    private static DictionaryToken Widget(PdfDocument document, SignatureAppearance appearance, DictionaryToken page, IndirectReference pageReference,
        IndirectReference signature, IndirectReference form)
    {
        var origin = document.Entry<ArrayToken>(page, "MediaBox")?.Data.OfType<NumericToken>().Select(n => n.Double).ToArray() ?? [0, 0];
        var box = appearance.Box;
        return new DictionaryToken(new Dictionary<NameToken, IToken>
        {
            [Name("Type")] = Name("Annot"),
            [Name("Subtype")] = Name("Widget"),
            [Name("FT")] = Name("Sig"),
            [Name("T")] = new StringToken($"DocBpm{appearance.Role}{signature.ObjectNumber}", StringToken.Encoding.Iso88591),
            [Name("V")] = new IndirectReferenceToken(signature),
            [Name("F")] = new NumericToken(132),
            [Name("P")] = new IndirectReferenceToken(pageReference),
            [Name("Rect")] = new ArrayToken([.. new[] { origin[0] + box.X, origin[1] + box.Y, origin[0] + box.X + box.Width, origin[1] + box.Y + box.Height }
                .Select(v => (IToken)new NumericToken(v))]),
            [Name("AP")] = new DictionaryToken(new Dictionary<NameToken, IToken> { [Name("N")] = new IndirectReferenceToken(form) }),
        });
    }

    /// <summary>What the new trailer keeps from the previous one.</summary>
    private static DictionaryToken Carried(UglyToad.PdfPig.CrossReference.TrailerDictionary trailer)
    {
        var carried = new Dictionary<NameToken, IToken> { [Name("Root")] = new IndirectReferenceToken(trailer.Root) };
        if (trailer.Info is { } info)
            carried[Name("Info")] = info;
        if (trailer.Identifier is { Count: > 0 } id)
            carried[Name("ID")] = new ArrayToken([.. id]);
        return new DictionaryToken(carried);
    }

    private static (byte[] Body, int ContentsAt) SignatureDictionary(SignatureAppearance appearance, DateTimeOffset signingTime, int contentsBytes)
    {
        var local = Engine.Timers.VietnamTime.ToLocal(signingTime);
        var head = new StringBuilder(SignaturePrefix)
            .Append(' ', ByteRangeWidth)
            .Append("] /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached")
            .Append(CultureInfo.InvariantCulture, $" /M (D:{local:yyyyMMddHHmmss}+{local.Offset:hh\\'mm}')")
            .Append(" /Name ").Append(TextString(appearance.SignerName))
            .Append(appearance.Authority is { Length: > 0 } authority ? " /Reason " + TextString(authority) : string.Empty)
            .Append(appearance.CertificationPermission is { } permission
                ? $" /Reference [<< /Type /SigRef /TransformMethod /DocMDP /TransformParams << /Type /TransformParams /P {permission} /V /1.2 >> >>]"
                : string.Empty)
            .Append(" /Contents ")
            .ToString();
        var body = head + "<" + new string('0', contentsBytes * 2) + "> >>";
        return (Encoding.ASCII.GetBytes(body), head.Length);
    }

    /// <summary>A PDF text string in UTF-16BE with its byte order mark, as hex: any Vietnamese text, no escaping.</summary>
    private static string TextString(string text) => "<" + Convert.ToHexString([0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)]) + ">";

    /// <summary>
    /// Adds the new field to the AcroForm (creating it when the document has none) with SigFlags 3; a certification
    /// signature is also named in the catalog's /Perms /DocMDP.
    /// </summary>
    private static void AddField(PdfDocument document, IncrementalUpdate update, IndirectReference catalogReference, IndirectReferenceToken field,
        IndirectReference? certification)
    {
        var catalog = document.Dictionary(catalogReference);
        if (certification is { } signature)
        {
            catalog = catalog.With("Perms", new DictionaryToken(new Dictionary<NameToken, IToken> { [Name("DocMDP")] = new IndirectReferenceToken(signature) }));
            update.Set(catalogReference, catalog);
        }

        var empty = new DictionaryToken(new Dictionary<NameToken, IToken>());
        if (catalog.TryGet(Name("AcroForm"), out var existing) && existing is IndirectReferenceToken formReference)
        {
            update.Set(formReference.Data, Append(document, update, document.Dictionary(formReference.Data), "Fields", field).With("SigFlags", new NumericToken(3)));
            return;
        }

        var form = Append(document, update, existing as DictionaryToken ?? empty, "Fields", field).With("SigFlags", new NumericToken(3));
        var newForm = update.Allocate();
        update.Set(newForm, form);
        update.Set(catalogReference, catalog.With("AcroForm", new IndirectReferenceToken(newForm)));
    }

    /// <summary>The dictionary with <paramref name="item"/> added to its array entry, the array updated in place when it is its own object.</summary>
    private static DictionaryToken Append(PdfDocument document, IncrementalUpdate update, DictionaryToken dictionary, string key, IToken item)
    {
        if (dictionary.TryGet(Name(key), out var value) && value is IndirectReferenceToken arrayReference
            && document.Get(arrayReference.Data) is ArrayToken shared)
        {
            update.Set(arrayReference.Data, new ArrayToken([.. shared.Data, item]));
            return dictionary;
        }

        var items = value is ArrayToken inline ? inline.Data : [];
        return dictionary.With(key, new ArrayToken([.. items, item]));
    }
}
