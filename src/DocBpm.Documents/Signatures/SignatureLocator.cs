using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace DocBpm.Documents.Signatures;

/// <summary>A signature dictionary as found in the file, not yet checked.</summary>
internal sealed record EmbeddedSignature(string FieldName, string SubFilter, long[] ByteRange, byte[]? Contents, DateTimeOffset? ClaimedTime)
{
    /// <summary>The form fields this signature locks against later change (FieldMDP); empty when it locks none.</summary>
    public IReadOnlyList<FieldLock> Locks { get; init; } = [];


    /// <summary>Where the revision this signature covers ends.</summary>
    public long End => ByteRange.Length == 4 ? ByteRange[2] + ByteRange[3] : 0;
}

/// <summary>Finds every signature field with a value (every revision's signatures stay in the form) and the DSS.</summary>
internal static partial class SignatureLocator
{
    public static List<EmbeddedSignature> Find(PdfDocument document)
    {
        var found = new List<EmbeddedSignature>();
        var catalog = document.Dictionary(document.Structure.Trailer.Root);
        var form = document.Entry<DictionaryToken>(catalog, "AcroForm");
        var fields = form is null ? null : document.Entry<ArrayToken>(form, "Fields");
        foreach (var field in fields?.Data ?? [])
            Walk(document, field, null, string.Empty, found, 0);
        return [.. found.OrderBy(s => s.End)];
    }

    /// <summary>CRLs and OCSP responses in the document security store (PAdES LTV).</summary>
    public static RevocationData SecurityStore(PdfDocument document)
    {
        var catalog = document.Dictionary(document.Structure.Trailer.Root);
        var dss = document.Entry<DictionaryToken>(catalog, "DSS");
        if (dss is null)
            return new RevocationData([], []);
        var crls = Streams(document, dss, "CRLs").Select(b => new Org.BouncyCastle.X509.X509CrlParser().ReadCrl(b)).ToList();
        var ocsps = Streams(document, dss, "OCSPs").Select(RevocationData.Ocsp).OfType<Org.BouncyCastle.Ocsp.BasicOcspResp>().ToList();
        return new RevocationData(crls, ocsps);
    }

    private static void Walk(PdfDocument document, IToken token, string? inheritedType, string parentName, List<EmbeddedSignature> found, int depth)
    {
        if (depth > 32 || document.Resolve(token) is not DictionaryToken field)
            return;
        var type = document.Entry<NameToken>(field, "FT")?.Data ?? inheritedType;
        var name = document.Entry<StringToken>(field, "T")?.Data;
        var fullName = name is null ? parentName : parentName.Length == 0 ? name : $"{parentName}.{name}";
        if (type == "Sig" && document.Entry<DictionaryToken>(field, "V") is { } value)
            found.Add(Read(document, value, fullName));
        foreach (var kid in document.Entry<ArrayToken>(field, "Kids")?.Data ?? [])
            Walk(document, kid, type, fullName, found, depth + 1);
    }

    private static EmbeddedSignature Read(PdfDocument document, DictionaryToken signature, string fieldName)
    {
        var range = document.Entry<ArrayToken>(signature, "ByteRange")?.Data.OfType<NumericToken>().Select(n => n.Long).ToArray() ?? [];
        if (range.Any(v => v < 0) || (range.Length == 4 && range[2] > long.MaxValue - range[3]))
            throw new SignatureInputException("byte-range-overflow", "Vùng dữ liệu được ký (/ByteRange) của chữ ký có số âm hoặc vượt quá mọi kích thước tệp.",
                $"The /ByteRange [{string.Join(' ', range)}] of field '{fieldName}' is negative or overflows.");
        var contents = document.Entry<IToken>(signature, "Contents") switch
        {
            HexToken hex => hex.Bytes.ToArray(),
            StringToken text => text.GetBytes(),
            _ => null,
        };
        var subFilter = document.Entry<NameToken>(signature, "SubFilter")?.Data ?? string.Empty;
        return new EmbeddedSignature(fieldName, subFilter, range, contents, ParseDate(document.Entry<StringToken>(signature, "M")?.Data))
        {
            Locks = FieldLock.Read(document, signature),
        };
    }

    /// <summary>A PDF date, <c>D:YYYYMMDDHHmmSSOHH'mm'</c>, with the parts after the year optional.</summary>
    internal static DateTimeOffset? ParseDate(string? text)
    {
        var match = text is null ? null : PdfDate().Match(text);
        if (match is not { Success: true })
            return null;
        int Part(string group, int fallback) =>
            match.Groups[group].Success ? int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : fallback;
        var offset = match.Groups["sign"].Value is "+" or "-"
            ? new TimeSpan(Part("oh", 0), Part("om", 0), 0) * (match.Groups["sign"].Value == "-" ? -1 : 1)
            : TimeSpan.Zero;
        try
        {
            return new DateTimeOffset(Part("y", 1), Part("mo", 1), Part("d", 1), Part("h", 0), Part("mi", 0), Part("s", 0), offset);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static IEnumerable<byte[]> Streams(PdfDocument document, DictionaryToken dss, string key)
    {
        foreach (var item in document.Entry<ArrayToken>(dss, key)?.Data ?? [])
        {
            if (document.Resolve(item) is not StreamToken stream)
                continue;
            var filter = document.Entry<NameToken>(stream.StreamDictionary, "Filter")?.Data;
            if (filter is null)
                yield return stream.Data.ToArray();
            else if (filter == "FlateDecode")
            {
                using var inflated = new ZLibStream(new MemoryStream(stream.Data.ToArray()), CompressionMode.Decompress);
                using var copy = new MemoryStream();
                inflated.CopyTo(copy);
                yield return copy.ToArray();
            }
        }
    }

    [GeneratedRegex(@"^D:(?<y>\d{4})(?<mo>\d{2})?(?<d>\d{2})?(?<h>\d{2})?(?<mi>\d{2})?(?<s>\d{2})?(?:(?<sign>[Zz+\-])(?:(?<oh>\d{2})'?(?:(?<om>\d{2})'?)?)?)?", RegexOptions.CultureInvariant)]
    private static partial Regex PdfDate();
}
