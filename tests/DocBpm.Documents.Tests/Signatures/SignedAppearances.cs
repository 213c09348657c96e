using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace DocBpm.Documents.Tests.Signatures;

/// <summary>What the signature widgets of a signed PDF draw, read with PdfPig's public API only (the web tests link this file).</summary>
public static class SignedAppearances
{
    /// <summary>Width and height of every image XObject in the widgets' normal appearances, each checked for its soft mask.</summary>
    public static List<(int Width, int Height)> Images(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var found = new List<(int, int)>();
        for (var number = 1; number <= document.NumberOfPages; number++)
        {
            var page = document.GetPage(number).Dictionary;
            foreach (var annotation in Entry<ArrayToken>(document, page, "Annots")?.Data ?? [])
            {
                var widget = (DictionaryToken)Resolve(document, annotation);
                var form = (StreamToken)Resolve(document, Entry<DictionaryToken>(document, widget, "AP")!.Data["N"]);
                var resources = Entry<DictionaryToken>(document, form.StreamDictionary, "Resources");
                foreach (var entry in (resources is null ? null : Entry<DictionaryToken>(document, resources, "XObject"))?.Data.Values ?? [])
                {
                    var image = ((StreamToken)Resolve(document, entry)).StreamDictionary;
                    Assert.AreEqual("Image", Entry<NameToken>(document, image, "Subtype")?.Data);
                    Assert.IsTrue(image.TryGet(NameToken.Create("SMask"), out _), "the PNG's transparency is kept as a soft mask");
                    found.Add((Entry<NumericToken>(document, image, "Width")!.Int, Entry<NumericToken>(document, image, "Height")!.Int));
                }
            }
        }

        return found;
    }

    private static IToken Resolve(PdfDocument document, IToken token) =>
        token is IndirectReferenceToken reference ? document.Structure.GetObject(reference.Data).Data : token;

    private static T? Entry<T>(PdfDocument document, DictionaryToken dictionary, string key)
        where T : class, IToken =>
        dictionary.TryGet(NameToken.Create(key), out var value) ? Resolve(document, value) as T : null;
}
