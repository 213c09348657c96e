using Microsoft.Extensions.Options;

namespace DocBpm.Documents.Signatures;

/// <summary>
/// One signature's revision: signature <see cref="Number"/> (1-based, in file order as the verification report lists
/// them) covers the first <see cref="Length"/> bytes of the file, which are a complete PDF of what was signed.
/// </summary>
public sealed record SignedRevision(int Number, string FieldName, long Length, bool CoversWholeDocument);

/// <summary>
/// The revision each signature signed (ISO 32000-1 §7.5.6: an incremental update leaves the earlier bytes untouched), so
/// the clerk can see what was signed beside what the file shows now. Nothing is verified here: the report says whether
/// the signature holds; this only cuts the bytes it covers.
/// </summary>
public sealed class SignedRevisions(IOptions<SignatureOptions> options)
{
    /// <exception cref="SignatureInputException">The file is not a readable, unencrypted PDF within the size limit.</exception>
    public IReadOnlyList<SignedRevision> List(byte[] pdf)
    {
        using var document = PdfInput.Open(pdf, options.Value.MaxFileBytes);
        List<EmbeddedSignature> found;
        try
        {
            found = SignatureLocator.Find(document);
        }
        catch (Exception ex) when (ex is not SignatureInputException and not OperationCanceledException and not OutOfMemoryException)
        {
            throw PdfInput.Unreadable(ex);
        }

        return [.. found.Take(SignatureVerifier.MaxSignatures).Select((s, i) => new SignedRevision(i + 1, s.FieldName, s.End, s.End == pdf.LongLength))];
    }

    /// <summary>The bytes signature <paramref name="number"/> covers; null when the file has no such signature.</summary>
    /// <exception cref="SignatureInputException">The file cannot be read, or the signature's /ByteRange marks out no revision of it.</exception>
    public byte[]? Extract(byte[] pdf, int number)
    {
        if (List(pdf).FirstOrDefault(r => r.Number == number) is not { } revision)
            return null;
        if (revision.Length <= 0 || revision.Length > pdf.LongLength)
            throw new SignatureInputException("byte-range-invalid", $"Chữ ký số thứ {number} không xác định được phần tệp đã ký (/ByteRange không hợp lệ).",
                $"The /ByteRange of signature {number} ('{revision.FieldName}') ends at {revision.Length}, outside the file of {pdf.LongLength} bytes.");
        return pdf[..(int)revision.Length];
    }
}
