using Org.BouncyCastle.X509;

namespace DocBpm.Documents.Signatures;

/// <summary>The trust anchors, intermediates and CRL files the admin configured, read once at start-up.</summary>
public sealed class TrustMaterial
{
    public TrustMaterial(IReadOnlyList<X509Certificate> anchors, IReadOnlyList<X509Certificate> intermediates, IReadOnlyList<X509Crl> crls)
    {
        Anchors = anchors;
        Intermediates = intermediates;
        Crls = crls;
    }

    public IReadOnlyList<X509Certificate> Anchors { get; }
    public IReadOnlyList<X509Certificate> Intermediates { get; }
    public IReadOnlyList<X509Crl> Crls { get; }

    /// <summary>Reads DER or PEM files; a missing or unreadable file stops start-up with its path in the message.</summary>
    public static TrustMaterial Load(SignatureOptions options) => new(
        [.. options.TrustAnchors.SelectMany(path => Read(path, s => new X509CertificateParser().ReadCertificates(s)))],
        [.. options.IntermediateCertificates.SelectMany(path => Read(path, s => new X509CertificateParser().ReadCertificates(s)))],
        [.. options.CrlFiles.SelectMany(path => Read(path, s => new X509CrlParser().ReadCrls(s)))]);

    private static List<T> Read<T>(string path, Func<Stream, IEnumerable<T>> parse)
    {
        try
        {
            using var file = File.OpenRead(path);
            var items = parse(file).ToList();
            return items.Count > 0 ? items : throw new InvalidDataException("the file holds nothing readable");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or Org.BouncyCastle.Security.GeneralSecurityException)
        {
            throw new InvalidOperationException($"Signature trust file '{path}' cannot be read: {ex.Message}", ex);
        }
    }
}
