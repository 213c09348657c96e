using Microsoft.Extensions.Options;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace DocBpm.Documents.Signatures;

/// <summary>
/// A key that signs the CMS signed attributes. The private part may be in a PKCS#12 file on the server, on a USB token
/// or at a remote signing service; for the two-phase flow see <see cref="PdfSigner.Prepare"/> and
/// <see cref="PdfSigner.CompleteAsync"/>.
/// </summary>
public interface ISigningKey
{
    /// <summary>The signer's certificate first, then its issuers.</summary>
    IReadOnlyList<X509Certificate> Chain { get; }

    /// <summary>Signs <paramref name="data"/> with SHA-256 and the key's algorithm (RSA PKCS#1 v1.5 or ECDSA).</summary>
    ValueTask<byte[]> SignAsync(byte[] data, CancellationToken cancellationToken);
}

public interface ISigningKeyStore
{
    /// <summary>The key the admin configured under <paramref name="keyId"/>.</summary>
    ISigningKey Get(string keyId);
}

/// <summary>No key is configured under the id, or its file cannot be opened.</summary>
public sealed class SigningKeyNotFoundException(string keyId, string reason, Exception? inner = null)
    : Exception($"Signing key '{keyId}' is not available: {reason}", inner)
{
    public string KeyId { get; } = keyId;
}

/// <summary>A private key held in memory (loaded from a PKCS#12 file).</summary>
public sealed class SoftwareSigningKey(AsymmetricKeyParameter privateKey, IReadOnlyList<X509Certificate> chain) : ISigningKey
{
    public IReadOnlyList<X509Certificate> Chain { get; } = chain;

    public ValueTask<byte[]> SignAsync(byte[] data, CancellationToken cancellationToken)
    {
        var signer = SignerUtilities.GetSigner(SignatureValue.Algorithm(privateKey));
        signer.Init(true, privateKey);
        signer.BlockUpdate(data, 0, data.Length);
        return ValueTask.FromResult(signer.GenerateSignature());
    }

    public static SoftwareSigningKey FromPkcs12(Stream pkcs12, string password)
    {
        var store = new Pkcs12StoreBuilder().Build();
        store.Load(pkcs12, password.ToCharArray());
        var alias = store.Aliases.FirstOrDefault(store.IsKeyEntry)
            ?? throw new InvalidDataException("The PKCS#12 file holds no private key.");
        var chain = store.GetCertificateChain(alias)?.Select(c => c.Certificate).ToList()
            ?? [store.GetCertificate(alias).Certificate];
        return new SoftwareSigningKey(store.GetKey(alias).Key, chain);
    }
}

/// <summary>The signature algorithm DocBpm signs with (SHA-256 with the key's RSA PKCS#1 v1.5 or ECDSA), and its check.</summary>
public static class SignatureValue
{
    public static string Algorithm(AsymmetricKeyParameter key) =>
        key is ECPrivateKeyParameters or ECPublicKeyParameters ? "SHA256WITHECDSA" : "SHA256WITHRSA";

    /// <summary>Whether <paramref name="value"/> is the signature of <paramref name="data"/> by the certificate's key.</summary>
    public static bool Verifies(X509Certificate certificate, byte[] data, byte[] value)
    {
        var key = certificate.GetPublicKey();
        var verifier = SignerUtilities.GetSigner(Algorithm(key));
        verifier.Init(false, key);
        verifier.BlockUpdate(data, 0, data.Length);
        try
        {
            return verifier.VerifySignature(value);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IOException or Org.BouncyCastle.Crypto.CryptoException)
        {
            // A value that is not even a well-formed signature (a truncated ECDSA sequence) is simply not this signature.
            return false;
        }
    }
}

/// <summary>
/// The certificate of a signer whose private key stays on their USB token or at their remote signing service. Its key
/// id carries the certificate, so that a signing step finds the signature the two-phase flow already made for it
/// (<see cref="SignedFileId"/>); it cannot sign on the server.
/// </summary>
public sealed class SignerHeldKey(X509Certificate certificate) : ISigningKey
{
    private const string Prefix = "signer-held:";

    public IReadOnlyList<X509Certificate> Chain { get; } = [certificate];

    public static string KeyIdOf(X509Certificate certificate) => Prefix + Convert.ToBase64String(certificate.GetEncoded());

    public static SignerHeldKey? FromKeyId(string keyId) =>
        keyId.StartsWith(Prefix, StringComparison.Ordinal) ? new SignerHeldKey(new X509Certificate(Convert.FromBase64String(keyId[Prefix.Length..]))) : null;

    public ValueTask<byte[]> SignAsync(byte[] data, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The signer holds this key; only the two-phase signing endpoints can use it.");
}

/// <summary>The PKCS#12 files the admin configured (<c>Signatures:Keys:{id}:Path/Password</c>), read on first use.</summary>
public sealed class Pkcs12KeyStore(IOptions<SignatureOptions> options) : ISigningKeyStore
{
    private readonly Dictionary<string, SoftwareSigningKey> loaded = [];
    private readonly Lock gate = new();

    public ISigningKey Get(string keyId)
    {
        lock (gate)
        {
            if (loaded.TryGetValue(keyId, out var key))
                return key;
            if (SignerHeldKey.FromKeyId(keyId) is { } held)
                return held;
            if (!options.Value.Keys.TryGetValue(keyId, out var configured))
                throw new SigningKeyNotFoundException(keyId, "no key is configured under this id");
            try
            {
                using var file = File.OpenRead(configured.Path);
                key = SoftwareSigningKey.FromPkcs12(file, configured.Password);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or Org.BouncyCastle.Security.GeneralSecurityException)
            {
                throw new SigningKeyNotFoundException(keyId, ex.Message, ex);
            }

            loaded[keyId] = key;
            return key;
        }
    }
}
