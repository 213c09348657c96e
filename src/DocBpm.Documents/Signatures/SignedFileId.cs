using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.X509;

namespace DocBpm.Documents.Signatures;

/// <summary>
/// The id of the file a signature makes: one per document version (the source file), signer certificate and role. A
/// signing step run again for the same version finds the file it made instead of signing a second time, and two runs
/// racing each other cannot both store one: the second fails on the key.
/// </summary>
public static class SignedFileId
{
    public static Guid Of(Guid sourceFileId, X509Certificate signer, SignatureRole role)
    {
        var thumbprint = Convert.ToHexStringLower(SHA256.HashData(signer.GetEncoded()));
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"docbpm-signed-file|{sourceFileId:N}|{thumbprint}|{role}"), hash);
        // RFC 9562 version 8 (name-based, application-defined) with the standard variant.
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
