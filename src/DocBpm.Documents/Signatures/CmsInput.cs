using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Utilities.Collections;
using Org.BouncyCastle.X509;

namespace DocBpm.Documents.Signatures;

/// <summary>
/// Reading a CMS from an untrusted file within bounds: its size, the nesting of its ASN.1 (the parser recurses), and how
/// many certificates and CRLs it may carry (path building tries candidates). Beyond them the file is refused (HTTP 422),
/// so no upload can make a check expensive.
/// </summary>
internal static class CmsInput
{
    public const int MaxBytes = 4 * 1024 * 1024;
    public const int MaxDepth = 48;
    public const int MaxCertificates = 64;
    public const int MaxCrls = 32;

    /// <summary>Refuses a CMS over the size or nesting bound before any parser sees it.</summary>
    public static void EnsureBounded(byte[] contents)
    {
        if (contents.Length > MaxBytes)
            throw Refused($"The signature holds {contents.Length} bytes; the limit is {MaxBytes}.");
        if (Scan(contents, 0, contents.Length, MaxDepth, true, out _) == Shape.TooDeep)
            throw Refused($"The signature's ASN.1 is malformed or nested deeper than {MaxDepth} levels.");
    }

    /// <summary>The one DER object at the start of /Contents (the hex string is padded with zeros after it).</summary>
    public static byte[] FirstObject(byte[] contents) =>
        Scan(contents, 0, contents.Length, int.MaxValue, false, out var end) == Shape.Sound ? contents[..end] : contents;

    public static bool TryRead(byte[] contents, byte[] signed, out CmsSignedData cms, out SignerInformation info)
    {
        EnsureBounded(contents);
        try
        {
            using var input = new Asn1InputStream(FirstObject(contents));
            var content = ContentInfo.GetInstance(input.ReadObject());
            var data = SignedData.GetInstance(content.Content);
            if (data.Certificates?.Count > MaxCertificates || data.CRLs?.Count > MaxCrls)
                throw Refused($"The signature carries {data.Certificates?.Count} certificates and {data.CRLs?.Count} CRLs; the limits are {MaxCertificates} and {MaxCrls}.");
            cms = new CmsSignedData(new CmsProcessableByteArray(signed), content);
            info = cms.GetSignerInfos().GetSigners().First();
            return true;
        }
        catch (Exception ex) when (ex is IOException or CmsException or ArgumentException or InvalidCastException or InvalidOperationException or NullReferenceException)
        {
            cms = null!;
            info = null!;
            return false;
        }
    }

    /// <summary>The certificates of a CMS (already counted by <see cref="TryRead"/>), never more than the bound.</summary>
    public static List<X509Certificate> Certificates(IStore<X509Certificate> store) =>
        [.. store.EnumerateMatches(null).Take(MaxCertificates)];

    private static SignatureInputException Refused(string english) =>
        new("signature-too-complex", "Dữ liệu chữ ký quá lớn hoặc quá phức tạp (quá nhiều chứng thư, lồng nhau quá sâu); không kiểm tra được.", english);

    private enum Shape
    {
        Sound,
        Malformed,
        TooDeep,
    }

    /// <summary>
    /// Walks the TLV at <paramref name="start"/> iteratively, in the order a parser would: TooDeep as soon as the
    /// constructed nesting (including DER inside OCTET STRINGs, which BouncyCastle parses later) exceeds the budget,
    /// Malformed when a length runs past the data first. A malformed CMS is the signature's FORMAT_FAILURE, not a refusal.
    /// </summary>
    private static Shape Scan(byte[] der, int start, int limit, int budget, bool intoOctets, out int end)
    {
        end = start;
        var ends = new Stack<int>();
        var position = start;
        do
        {
            if (ends.Count > 0 && ends.Peek() < 0 && position + 1 < limit && der[position] == 0 && der[position + 1] == 0)
            {
                position += 2;
                ends.Pop();
            }
            else if (!Header(der, ref position, limit, out var tag, out var length))
                return Shape.Malformed;
            else if ((tag & 0x20) != 0)
            {
                if (ends.Count + 1 > budget)
                    return Shape.TooDeep;
                ends.Push(length < 0 ? -1 : position + length);
            }
            else if (length < 0)
                return Shape.Malformed;
            else
            {
                if (intoOctets && tag == 0x04 && length > 2 && der[position] == 0x30
                    && Scan(der, position, position + length, budget - ends.Count, true, out _) == Shape.TooDeep)
                    return Shape.TooDeep;
                position += length;
            }

            while (ends.Count > 0 && ends.Peek() >= 0 && position >= ends.Peek())
            {
                if (position > ends.Pop())
                    return Shape.Malformed;
            }
        }
        while (ends.Count > 0);

        end = position;
        return Shape.Sound;
    }

    private static bool Header(byte[] der, ref int position, int limit, out int tag, out int length)
    {
        tag = 0;
        length = 0;
        if (position + 2 > limit)
            return false;
        tag = der[position++];
        if ((tag & 0x1F) == 0x1F)
        {
            while (position < limit && (der[position] & 0x80) != 0)
                position++;
            position++;
        }

        if (position >= limit)
            return false;
        int first = der[position++];
        if (first == 0x80)
        {
            length = -1;
            return (tag & 0x20) != 0;
        }

        if (first < 0x80)
            length = first;
        else
        {
            var count = first & 0x7F;
            if (count > 3 || position + count > limit)
                return false;
            for (var i = 0; i < count; i++)
                length = (length << 8) | der[position++];
        }

        return position + length <= limit;
    }
}
