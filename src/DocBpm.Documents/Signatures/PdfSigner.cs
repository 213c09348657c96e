using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Org.BouncyCastle.X509;

namespace DocBpm.Documents.Signatures;

/// <summary>
/// The first phase of a two-phase signature: the PDF with an empty signature field, and the bytes the signer's key must
/// sign (<see cref="ToBeSigned"/>; a token that signs hashes gets <see cref="ToBeSignedDigest"/>). Plain data, so it can
/// be stored while a USB token or remote service signs.
/// </summary>
public sealed record PreparedSignature(byte[] Pdf, long ContentsStart, long ContentsEnd, byte[] ToBeSigned, IReadOnlyList<byte[]> Chain)
{
    public byte[] ToBeSignedDigest => SHA256.HashData(ToBeSigned);
}

/// <summary>
/// Signs PDFs as PAdES baseline signatures in incremental updates: B-B, or B-T when a timestamp service is configured.
/// Earlier signatures stay valid because the signed bytes are never rewritten.
/// </summary>
public sealed class PdfSigner(IOptions<SignatureOptions> options, TimeProvider time, ITimestampClient? timestamps = null)
{
    public async Task<byte[]> SignAsync(byte[] pdf, ISigningKey key, SignatureAppearance appearance, CancellationToken cancellationToken)
    {
        var prepared = Prepare(pdf, key.Chain, appearance);
        var signature = await key.SignAsync(prepared.ToBeSigned, cancellationToken);
        return await CompleteAsync(prepared, signature, cancellationToken);
    }

    /// <summary>
    /// Phase one: the revision with a placeholder, and the signed attributes over its digest. The same inputs and
    /// <paramref name="at"/> give the same bytes, so a later request can prepare again instead of keeping the revision.
    /// </summary>
    public PreparedSignature Prepare(byte[] pdf, IReadOnlyList<X509Certificate> chain, SignatureAppearance appearance, DateTimeOffset? at = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(chain.Count);
        using var document = PdfInput.Open(pdf, options.Value.MaxFileBytes);
        var revision = SignatureFieldWriter.Write(pdf, document, appearance, at ?? time.GetUtcNow(), options.Value.ContentsBytes);
        var digest = SHA256.HashData(SignedBytes(revision.Pdf, revision.ByteRange));
        return new PreparedSignature(revision.Pdf, revision.ContentsStart, revision.ContentsEnd,
            CadesBuilder.SignedAttributes(digest, chain[0]), [.. chain.Select(c => c.GetEncoded())]);
    }

    /// <summary>Phase two: embeds the signature value (and a timestamp over it, for B-T) into the placeholder.</summary>
    public async Task<byte[]> CompleteAsync(PreparedSignature prepared, byte[] signatureValue, CancellationToken cancellationToken)
    {
        var token = timestamps is null ? null : await timestamps.GetTokenAsync(SHA256.HashData(signatureValue), cancellationToken);
        var chain = prepared.Chain.Select(c => new X509Certificate(c)).ToList();
        var cms = CadesBuilder.Build(prepared.ToBeSigned, chain, signatureValue, token);
        var room = (int)(prepared.ContentsEnd - prepared.ContentsStart - 2) / 2;
        if (cms.Length > room)
            throw new InvalidOperationException($"The signature needs {cms.Length} bytes but {room} are reserved; raise Signatures:ContentsBytes.");
        var pdf = prepared.Pdf.ToArray();
        System.Text.Encoding.ASCII.GetBytes(Convert.ToHexString(cms)).CopyTo(pdf, prepared.ContentsStart + 1);
        return pdf;
    }

    /// <summary>The bytes a /ByteRange <c>[start1 length1 start2 length2]</c> covers, in order.</summary>
    internal static byte[] SignedBytes(byte[] pdf, long[] range) =>
        [.. pdf.AsSpan((int)range[0], (int)range[1]), .. pdf.AsSpan((int)range[2], (int)range[3])];
}
