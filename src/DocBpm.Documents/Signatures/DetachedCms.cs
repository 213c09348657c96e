using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.X509;

namespace DocBpm.Documents.Signatures;

/// <summary>
/// What a signer's token or remote signing service returned for the prepared signed attributes: the bare signature
/// value, or a detached CMS SignedData around it (some services return only that).
/// </summary>
public sealed record SignerOutput(byte[]? SignatureValue, byte[]? Cms)
{
    /// <summary>The signature value over <paramref name="toBeSigned"/>; from a CMS only when it signs exactly those bytes with <paramref name="signer"/>.</summary>
    /// <exception cref="SignatureInputException">The CMS is malformed, too large, not detached, has another signer count, other attributes or another certificate.</exception>
    internal byte[] ValueFor(byte[] toBeSigned, X509Certificate signer) =>
        Cms is null ? SignatureValue ?? [] : DetachedCms.SignatureValueOf(Cms, toBeSigned, signer);
}

/// <summary>
/// Takes the signature value out of a detached CMS a signer returned. DocBpm embeds its own CMS, built from the prepared
/// attributes and this value: the signed attributes are then the ones the server chose (no signing-time that could
/// contradict /M), nothing the client added rides along unsigned, and a timestamp covers the value as for every other
/// signature. So the CMS must sign byte-for-byte the prepared attributes, with the prepared certificate.
/// </summary>
internal static class DetachedCms
{
    /// <summary>A CMS with one signer and its chain is a few kilobytes; more is not a token's answer.</summary>
    public const int MaxBytes = 64 * 1024;

    public static byte[] SignatureValueOf(byte[] cms, byte[] toBeSigned, X509Certificate signer)
    {
        if (cms.Length is 0 or > MaxBytes)
            throw Refused("cms-size", $"CMS phải có dữ liệu và không quá {MaxBytes / 1024} KB.", $"The CMS holds {cms.Length} bytes; the limit is {MaxBytes}.");
        if (CmsInput.FirstObject(cms).Length != cms.Length)
            throw Malformed("The CMS is not one well-formed DER object.");
        CmsInput.EnsureBounded(cms);
        var info = OnlySigner(cms);
        if (!info.SignerID.Match(signer))
            throw Refused("cms-certificate", "CMS được ký bằng chứng thư số khác với chứng thư số đã gửi khi chuẩn bị ký.",
                "The CMS signer is not the prepared certificate.");
        if (info.GetEncodedSignedAttributes() is not { } attributes || !attributes.AsSpan().SequenceEqual(toBeSigned))
            throw Refused("cms-attributes", "CMS không ký đúng các thuộc tính đã chuẩn bị (toBeSigned): hãy ký đúng dữ liệu máy chủ trả về khi chuẩn bị ký.",
                "The CMS signed attributes differ from the prepared ones.");
        return info.GetSignature();
    }

    private static SignerInformation OnlySigner(byte[] cms)
    {
        try
        {
            var content = ContentInfo.GetInstance(Asn1Object.FromByteArray(cms));
            if (!CmsObjectIdentifiers.SignedData.Equals(content.ContentType))
                throw Malformed($"The CMS content type is {content.ContentType}, not SignedData.");
            if (SignedData.GetInstance(content.Content).Certificates is { Count: > CmsInput.MaxCertificates })
                throw Malformed("The CMS carries too many certificates.");
            var data = new CmsSignedData(content);
            if (data.SignedContent is not null)
                throw Refused("cms-not-detached", "CMS phải là chữ ký tách rời (detached), không chứa nội dung văn bản.",
                    "The CMS encapsulates content; a detached signature was expected.");
            var signers = data.GetSignerInfos().GetSigners();
            if (signers.Count != 1)
                throw Refused("cms-signers", $"CMS phải có đúng một người ký; CMS gửi lên có {signers.Count}.",
                    $"The CMS has {signers.Count} signer infos.");
            return signers.First();
        }
        catch (Exception ex) when (ex is IOException or CmsException or ArgumentException or InvalidCastException or InvalidOperationException
            or NullReferenceException or FormatException)
        {
            throw Malformed(ex.Message, ex);
        }
    }

    private static SignatureInputException Malformed(string english, Exception? inner = null) =>
        new("cms-malformed", "CMS không đọc được (cần SignedData mã hóa DER, base64).", english, inner);

    private static SignatureInputException Refused(string code, string vietnamese, string english) => new(code, vietnamese, english);
}
